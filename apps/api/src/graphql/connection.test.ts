// Pages of a connection: cursors sealed only when a client reads them, and the same cursors either way.
import { describe, expect, it } from "vitest";
import { configureCursorKey, decodeCursor, encodeCursor, hasNextOffsetPage, MAX_OFFSET, offsetCursor, toConnection } from "./connection.ts";
import { z } from "zod";

configureCursorKey("connection-unit-test-secret");

describe("toConnection", () => {
  it("seals an edge's cursor only when it is read, once, and pageInfo reads only the ends", () => {
    const sealed: number[] = [];
    const page = toConnection({
      items: [10, 20, 30, 40],
      size: 3,
      node: (item) => ({ id: item }),
      cursor: (item) => {
        sealed.push(item);
        return encodeCursor("test", { id: item });
      },
      edge: (item) => ({ double: item * 2 }),
      after: null,
    });
    expect(page.edges.map((edge) => [edge.node.id, edge.double])).toEqual([
      [10, 20],
      [20, 40],
      [30, 60],
    ]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(sealed).toEqual([]);
    const end = page.pageInfo.endCursor;
    expect(sealed).toEqual([30]);
    expect(decodeCursor("test", end, z.object({ id: z.number() }))).toEqual({ id: 30 });
    expect(page.edges[2]!.cursor).toBe(end);
    expect(page.edges[0]!.cursor).toBe(page.pageInfo.startCursor);
    expect(sealed).toEqual([30, 10]);
  });
});

describe("hasNextOffsetPage (browse, search)", () => {
  it("says there is a next page only while the next page's cursor is one the API takes", () => {
    const cursors = offsetCursor("browse");
    expect(hasNextOffsetPage({ offset: 0, size: 50, fetched: 51 })).toBe(true);
    expect(hasNextOffsetPage({ offset: 0, size: 50, fetched: 50 })).toBe(false);
    // The page ending at the limit: its endCursor (offset + size) is taken, so there is a next page.
    expect(hasNextOffsetPage({ offset: MAX_OFFSET - 50, size: 50, fetched: 51 })).toBe(true);
    expect(cursors.decode(cursors.encode(MAX_OFFSET))).toBe(MAX_OFFSET);
    // One further: its endCursor would be refused, so it says there is none.
    expect(hasNextOffsetPage({ offset: MAX_OFFSET - 49, size: 50, fetched: 51 })).toBe(false);
    expect(() => cursors.decode(cursors.encode(MAX_OFFSET + 1))).toThrow(/not a cursor from this list/);
  });
});
