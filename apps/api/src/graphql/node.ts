// Global object identification (the Relay spec): every object with an `id` implements Node, and
// node(id:) / nodes(ids:) fetch any of them again by that id alone.
//
// Ids are opaque to clients: pass them back, do not parse them. Titles, people, genres and watch
// providers carry TMDB's id behind a kind ("movie:550", "tv:1399", "person:287", "genre:18",
// "provider:8"), the ids reasons on recommendations refer to; the caller's own objects (account,
// API tokens, imports and their rows) are UUIDs. Kept readable on purpose: ids handed out before
// Node existed ("movie:550") stay valid. A caller's own objects are only ever found for that caller.
import { Field, ID, InterfaceType } from "type-graphql";

/** The kinds of TMDB-keyed ids, and the GraphQL type each names. */
export const TMDB_ID_KINDS = { movie: "Media", tv: "Media", person: "Person", genre: "Genre", provider: "WatchProvider" } as const;
export type TmdbIdKind = keyof typeof TMDB_ID_KINDS;

const TMDB_ID = /^(movie|tv|person|genre|provider):([1-9]\d{0,8})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A TMDB-keyed global id: tmdbGlobalId("person", 287) is "person:287". */
export const tmdbGlobalId = (kind: TmdbIdKind, tmdbId: number): string => `${kind}:${tmdbId}`;

export type ParsedGlobalId = { kind: TmdbIdKind; tmdbId: number } | { kind: "uuid"; uuid: string };

/** What an id names, or undefined when it is no id this API hands out. */
export function parseGlobalId(id: string): ParsedGlobalId | undefined {
  const tmdb = TMDB_ID.exec(id);
  if (tmdb) return { kind: tmdb[1] as TmdbIdKind, tmdbId: Number(tmdb[2]) };
  if (UUID.test(id)) return { kind: "uuid", uuid: id.toLowerCase() };
  return undefined;
}

/**
 * The GraphQL type of a Node value: from its id's kind, or for the caller's own objects (UUIDs) from
 * the `__typename` node(id:) puts on what it found.
 */
export function nodeTypeOf(value: { id: string; __typename?: string }): string | undefined {
  if (value.__typename) return value.__typename;
  const parsed = parseGlobalId(value.id);
  return parsed && parsed.kind !== "uuid" ? TMDB_ID_KINDS[parsed.kind] : undefined;
}

@InterfaceType({
  description: "An object with a global id. `node(id:)` fetches any of them again by that id alone.",
  resolveType: (value: { id: string; __typename?: string }) => nodeTypeOf(value),
})
export abstract class Node {
  @Field(() => ID, { description: "Its global id: opaque (do not parse it), stable, and accepted by `node(id:)` and by every argument that takes an id." })
  id!: string;
}
