import "reflect-metadata";
import { Field, ID, InputType, Int } from "type-graphql";
import { z } from "zod";
import { badInput } from "../errors.ts";
import type { MediaRef } from "../modules/media/media-key.ts";
import { MediaType } from "../modules/media/media.types.ts";
import { toMediaType } from "../media-kind.ts";
import { parseGlobalId } from "./node.ts";

@InputType({ description: "Which title: its global `id` (Media.id), or its `type` and `tmdbId`. Exactly one of the two." })
export class MediaRefInput {
  @Field(() => ID, { nullable: true, description: "The title's global id, as Media.id gives it." })
  id?: string | null;

  @Field(() => MediaType, { nullable: true, description: "Film or series; with tmdbId, instead of id." })
  type?: MediaType | null;

  @Field(() => Int, { nullable: true, description: "TMDB's id of the title; with type, instead of id." })
  tmdbId?: number | null;
}

/** The title a MediaRefInput names; BAD_USER_INPUT unless it is exactly one of an id or a type and TMDB id. */
export function mediaRefOf(input: MediaRefInput): MediaRef {
  const byTmdb = input.type != null || input.tmdbId != null;
  if (input.id != null) {
    if (byTmdb) throw badInput("Name the title by its id, or by its type and tmdbId, not both.", { argument: "media" });
    const parsed = parseGlobalId(input.id);
    if (parsed?.kind !== "movie" && parsed?.kind !== "tv")
      throw badInput(`"${input.id.slice(0, 100)}" is not the id of a title (Media.id).`, { argument: "media.id" });
    return { mediaType: toMediaType(parsed.kind), tmdbId: parsed.tmdbId };
  }
  if (input.type == null || input.tmdbId == null) throw badInput("Name the title by its id, or by both its type and tmdbId.", { argument: "media" });
  return { mediaType: input.type, tmdbId: input.tmdbId };
}

/**
 * Keyset cursor over (createdAt desc, id desc), for lists people add to: an ISO timestamp and a
 * row id in the form Postgres' uuid type reads (any other text would fail the statement).
 */
export const AddedCursor = z.strictObject({ createdAt: z.iso.datetime({ offset: true }), id: z.guid() });
export type AddedCursor = z.infer<typeof AddedCursor>;

/** Prisma `where` for rows after the cursor in (createdAt desc, id desc) order. */
export function afterAdded(cursor: AddedCursor | null) {
  if (!cursor) return {};
  const createdAt = new Date(cursor.createdAt);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: cursor.id } }] };
}
