// TMDB list pages: an item that does not fit is left out, not the page (an ingest cursor would stay
// on a page it cannot read for good); a page whose own shape is wrong is refused.
import { describe, expect, it } from "vitest";
import { calendarDate } from "../calendar-date.ts";
import { movieListItemSchema, pagedListSchema } from "./tmdb-schemas.ts";

const page = pagedListSchema(movieListItemSchema);
const film = (id: number) => ({ id, title: `Film ${id}`, original_title: `Film ${id}`, release_date: "1999-01-01" });

describe("pagedListSchema", () => {
  it("leaves out an item that does not fit and keeps the rest, in order", () => {
    const parsed = page.parse({ page: 3, results: [film(1), { id: "two", title: 2 }, film(3), null], total_pages: 9, total_results: 180 });
    expect(parsed.results.map((item) => item.id)).toEqual([1, 3]);
    expect(parsed).toMatchObject({ page: 3, total_pages: 9, total_results: 180 });
  });

  it("refuses a page most of whose items do not fit: TMDB's shape changed, and an empty page would end the list", () => {
    const result = page.safeParse({ page: 2, results: [film(1), { id: 2 }, { id: 3 }], total_pages: 9, total_results: 180 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^2 of 3 items do not have the expected shape/);
    expect(page.safeParse({ page: 2, results: [], total_pages: 9, total_results: 180 }).success).toBe(true);
  });

  it("refuses a page whose own shape is wrong", () => {
    expect(page.safeParse({ page: "one", results: "nope", total_pages: null }).success).toBe(false);
    expect(page.safeParse({ page: 1, results: "nope", total_pages: 1, total_results: 1 }).success).toBe(false);
  });
});

describe("dates", () => {
  it("keeps days of the calendar and makes anything else unknown, so one bad date cannot stop a page's write", () => {
    expect(["1999-01-01", "2024-02-29", "2000-02-29", "1895-12-28", "2023-12-31"].map(calendarDate)).toEqual([
      "1999-01-01",
      "2024-02-29",
      "2000-02-29",
      "1895-12-28",
      "2023-12-31",
    ]);
    expect(["2023-02-30", "2023-02-29", "1900-02-29", "2023-13-01", "2023-00-10", "2023-04-31", "0000-01-01", "2023-1-1", "", null].map(calendarDate)).toEqual(
      Array(10).fill(null),
    );
    expect(
      page.parse({ page: 1, results: [{ ...film(1), release_date: "2023-02-30" }], total_pages: 1, total_results: 1 }).results[0]?.release_date,
    ).toBeNull();
  });
});
