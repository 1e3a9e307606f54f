// Relay-style cursor pagination shared by every list in the schema.
import "reflect-metadata";
import { ArgsType, type ClassType, Field, Int, ObjectType } from "type-graphql";
import { z } from "zod";
import { badInput } from "../errors.ts";

export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: "Where a page is in its list (Relay cursor connections)." })
export class PageInfo {
  @Field(() => Boolean, { description: "Whether there are items after this page: ask again with `after: endCursor`." })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of this page's last item (null for an empty page): pass it as `after`." })
  endCursor!: string | null;
}

/** An edge's base: its cursor and node. Extend it for edge fields (`@ObjectType() class FavouriteEdge extends EdgeType(Media) { addedAt }`). */
export function EdgeType<Node extends object>(node: ClassType<Node>) {
  @ObjectType()
  abstract class Edge {
    @Field(() => String, { description: "This item's place in the list: pass it as `after` to continue after it." })
    cursor!: string;

    @Field(() => node, { description: "The item." })
    node!: Node;
  }
  return Edge;
}

/** A connection's base: its edges and pageInfo (`@ObjectType() class MediaConnection extends ConnectionType(MediaEdge) {}`). */
export function ConnectionType<Edge extends object>(edge: ClassType<Edge>) {
  @ObjectType()
  abstract class Connection {
    @Field(() => [edge], { description: "The items of this page, in the list's order." })
    edges!: Edge[];

    @Field(() => PageInfo, { description: "Whether more follow, and the cursor to ask for them." })
    pageInfo!: PageInfo;
  }
  return Connection;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many items, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page." })
  after?: string | null;
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}; got ${size}.`, { argument: "first", max: MAX_PAGE_SIZE });
  }
  return size;
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/**
 * A cursor's value, or null for none. Anything that is not base64url JSON of the schema's shape is
 * BAD_USER_INPUT here, before any statement: a cursor is client input like any other.
 */
export function decodeCursor<T>(cursor: string | null | undefined, schema: z.ZodType<T>): T | null {
  if (cursor === null || cursor === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badInput("after is not a cursor from this list; pass the endCursor of the previous page.", { argument: "after" });
  return parsed.data;
}

const OffsetCursor = z.strictObject({ o: z.int().min(0).max(10_000) });

/** Offset cursors, for ranked lists recomputed on each request (search, browse, recommendations). */
export const offsetCursor = {
  encode: (offset: number) => encodeCursor({ o: offset }),
  decode: (cursor: string | null | undefined): number => decodeCursor(cursor, OffsetCursor)?.o ?? 0,
};

/** Builds a page from up to `size + 1` fetched items (the extra one tells whether there is more). */
export function toConnection<Item, Node>(options: { items: Item[]; size: number; node: (item: Item) => Node; cursor: (item: Item, index: number) => string }) {
  const hasNextPage = options.items.length > options.size;
  const items = options.items.slice(0, options.size);
  const edges = items.map((item, index) => ({ node: options.node(item), cursor: options.cursor(item, index) }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
