// Relay-style cursor pagination shared by every list in the schema: forward paging with `first` and
// `after`, one rule for `first` everywhere (firstOf), PageInfo with both ends, a totalCount where
// counting is cheap (totalCountResolver), and sealed cursors (encodeCursor).
import "reflect-metadata";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from "node:crypto";
import { ArgsType, type ClassType, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import { z } from "zod";
import { badInput } from "../errors.ts";

export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: "Where a page is in its list (Relay cursor connections)." })
export class PageInfo {
  @Field(() => Boolean, { description: "Whether there are items after this page: ask again with `after: endCursor`." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "Whether there are items before this page (it was asked for with `after`)." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of this page's first item (null for an empty page)." })
  startCursor!: string | null;

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

/**
 * The one rule for `first` on every list and connection: a whole number from 1 to `max`, `fallback`
 * when not given; anything else is BAD_USER_INPUT naming the range.
 */
export function firstOf(first: number | null | undefined, options: { max: number; fallback: number; argument?: string }): number {
  const size = first ?? options.fallback;
  if (!Number.isInteger(size) || size < 1 || size > options.max) {
    throw badInput(`${options.argument ?? "first"} must be between 1 and ${options.max}; got ${size}.`, {
      argument: options.argument ?? "first",
      max: options.max,
    });
  }
  return size;
}

/** A connection's page size: firstOf with MAX_PAGE_SIZE and DEFAULT_PAGE_SIZE. */
export function pageSize(first: number | null | undefined): number {
  return firstOf(first, { max: MAX_PAGE_SIZE, fallback: DEFAULT_PAGE_SIZE });
}

// Cursors are sealed: AES-256-GCM over a small JSON value, with the list's name as associated data,
// under a key derived from AUTH_SECRET (configureCursorKey, at start). A client can neither read
// one (it says nothing about our columns or offsets) nor make or alter one, and a cursor from one
// list is refused by another. The IV is derived from the value (SIV-style), so the same place in a
// list always has the same cursor, and a cacheable GET for a next page keeps the same URL.
let cursorKeys = deriveCursorKeys(undefined);

function deriveCursorKeys(secret: string | undefined) {
  const material = Buffer.from(hkdfSync("sha256", secret ?? "movierec without AUTH_SECRET", "movierec", "cursor keys", 64));
  return { cipher: material.subarray(0, 32), iv: material.subarray(32) };
}

/** Called once at start with AUTH_SECRET, so that every process of a deployment reads each other's cursors. */
export function configureCursorKey(secret: string | undefined): void {
  cursorKeys = deriveCursorKeys(secret);
}

export function encodeCursor(list: string, value: unknown): string {
  const plain = Buffer.from(JSON.stringify(value));
  const iv = createHmac("sha256", cursorKeys.iv).update(list).update("\0").update(plain).digest().subarray(0, 12);
  const cipher = createCipheriv("aes-256-gcm", cursorKeys.cipher, iv).setAAD(Buffer.from(list));
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString("base64url");
}

/**
 * A cursor's value, or null for none. Anything that is not a cursor this list handed out is
 * BAD_USER_INPUT here, before any statement: a cursor is client input like any other.
 */
export function decodeCursor<T>(list: string, cursor: string | null | undefined, schema: z.ZodType<T>): T | null {
  if (cursor === null || cursor === undefined) return null;
  let value: unknown;
  try {
    const bytes = Buffer.from(cursor, "base64url");
    if (bytes.length < 29 || bytes.length > 512) throw new Error("not a cursor");
    const decipher = createDecipheriv("aes-256-gcm", cursorKeys.cipher, bytes.subarray(0, 12)).setAAD(Buffer.from(list));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    value = JSON.parse(Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString("utf8"));
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badInput("after is not a cursor from this list; pass the endCursor of the previous page.", { argument: "after" });
  return parsed.data;
}

/** Deepest offset a ranked list pages to (browse, search and recommendations rank afresh each page). */
export const MAX_OFFSET = 10_000;
const OffsetCursor = z.strictObject({ o: z.int().min(0).max(MAX_OFFSET) });

/**
 * Whether a page of an offset-paged list (browse, search) has a next page a client can reach: there
 * are more items, and the next page's cursor (its start, `offset + size`) is within MAX_OFFSET. The
 * page that reaches the limit says there is no next page, rather than hand out a cursor that is
 * refused.
 */
export function hasNextOffsetPage({ offset, size, fetched }: { offset: number; size: number; fetched: number }): boolean {
  return fetched > size && offset + size <= MAX_OFFSET;
}

/** Offset cursors of `list`, for ranked lists recomputed on each request (search, browse, recommendations). */
export function offsetCursor(list: string) {
  return {
    encode: (offset: number) => encodeCursor(list, { o: offset }),
    decode: (cursor: string | null | undefined): number => decodeCursor(list, cursor, OffsetCursor)?.o ?? 0,
  };
}

const PositionCursor = z.strictObject({ p: z.int().min(0) });

/** Keyset cursors of `list` over a stored, ordered position (an import's rows): no depth limit. */
export function positionCursor(list: string) {
  return {
    encode: (position: number) => encodeCursor(list, { p: position }),
    decode: (cursor: string | null | undefined): number => decodeCursor(list, cursor, PositionCursor)?.p ?? 0,
  };
}

/**
 * An edge whose cursor is sealed only when read: a sealed cursor costs ≈ 5–10 µs (an AES-GCM seal),
 * and most pages select only pageInfo's endCursor, not every edge's (2.2 % of the API's busy time
 * under the load bench went to sealing cursors nobody read).
 */
export function lazyEdge<Node, Extra extends object = object>(
  node: Node,
  cursorOf: () => string,
  extra?: Extra,
): { node: Node; readonly cursor: string } & Extra {
  let cursor: string | undefined;
  const edge = {
    node,
    get cursor() {
      cursor ??= cursorOf();
      return cursor;
    },
  };
  return Object.assign(edge, extra);
}

/** Builds a page from up to `size + 1` fetched items (the extra one tells whether there is more). */
export function toConnection<Item, Node, Extra extends object = object>(options: {
  items: Item[];
  size: number;
  node: (item: Item) => Node;
  cursor: (item: Item, index: number) => string;
  /** Further fields of each edge (when it was added, a rating…). */
  edge?: (item: Item, index: number) => Extra;
  /** Whether the page was asked for after a cursor (so items come before it). */
  after: string | null | undefined;
  /** Whether a next page can be asked for; by default, whether there are more items than `size`. */
  hasNextPage?: boolean;
}) {
  const items = options.items.slice(0, options.size);
  const edges = items.map((item, index) => lazyEdge(options.node(item), () => options.cursor(item, index), options.edge?.(item, index)));
  return { edges, pageInfo: pageInfoOf(edges, { hasNextPage: options.hasNextPage ?? options.items.length > options.size, after: options.after }) };
}

/** PageInfo for a page's edges (its cursors read from them only when asked for). */
export function pageInfoOf(edges: ReadonlyArray<{ readonly cursor: string }>, options: { hasNextPage: boolean; after: string | null | undefined }): PageInfo {
  return {
    hasNextPage: options.hasNextPage,
    hasPreviousPage: options.after !== null && options.after !== undefined,
    get startCursor() {
      return edges[0]?.cursor ?? null;
    },
    get endCursor() {
      return edges.at(-1)?.cursor ?? null;
    },
  };
}

/** What a connection with a totalCount carries: how to count its whole list, run only when asked for. */
export interface Countable {
  countTotal: () => Promise<number>;
}

/** A resolver of `totalCount` on `connection`, whose values carry countTotal (Countable). */
export function totalCountResolver(connection: ClassType) {
  @Resolver(() => connection)
  class TotalCountResolver {
    @FieldResolver(() => Int, { description: "How many items the whole list has (counted when asked for)." })
    totalCount(@Root() root: Countable): Promise<number> {
      return root.countTotal();
    }
  }
  return TotalCountResolver;
}
