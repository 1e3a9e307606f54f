import { describe, expect, it } from "vitest";
import type { TitleVideo } from "../../tmdb/tmdb-schemas.ts";
import { pickTrailer, storedTrailer, trailerUrl } from "./trailer.ts";

const video = (name: string, extra: Partial<TitleVideo> = {}): TitleVideo => ({
  key: name.replace(/\W/g, ""),
  name,
  site: "YouTube",
  type: "Trailer",
  official: true,
  published_at: "2024-01-01T00:00:00.000Z",
  ...extra,
});

describe("pickTrailer", () => {
  it("offers a trailer before a teaser, the title's own before fans', the earliest published, then TMDB's order", () => {
    expect(pickTrailer([video("Clip", { type: "Clip" }), video("Teaser", { type: "Teaser" }), video("Trailer")])?.name).toBe("Trailer");
    expect(pickTrailer([video("Clip", { type: "Clip" }), video("Teaser", { type: "Teaser" })])?.name).toBe("Teaser");
    expect(pickTrailer([video("Fan cut", { official: false }), video("Official")])?.name).toBe("Official");
    expect(pickTrailer([video("Second", { published_at: "2024-03-01T00:00:00.000Z" }), video("First")])?.name).toBe("First");
    expect(pickTrailer([video("A"), video("B")])?.name).toBe("A");
  });

  it("offers only YouTube and Vimeo videos with a plain key, and nothing when none fits", () => {
    expect(pickTrailer([video("Elsewhere", { site: "Dailymotion" }), video("Vimeo", { site: "Vimeo", key: "76979871" })])).toEqual({
      site: "Vimeo",
      key: "76979871",
      name: "Vimeo",
    });
    expect(pickTrailer([video("Odd key", { key: "a/../b" })])).toBeNull();
    expect(pickTrailer([video("Featurette", { type: "Featurette" })])).toBeNull();
    expect(pickTrailer([])).toBeNull();
  });
});

describe("the stored trailer", () => {
  it("reads back what was stored, and nothing from {} or null; plays on the site's own page", () => {
    const trailer = { site: "YouTube" as const, key: "dQw4w9WgXcQ", name: "Official Trailer" };
    expect(storedTrailer(trailer)).toEqual(trailer);
    expect(storedTrailer({})).toBeNull();
    expect(storedTrailer(null)).toBeNull();
    expect(trailerUrl(trailer)).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    expect(trailerUrl({ site: "Vimeo", key: "76979871", name: "x" })).toBe("https://vimeo.com/76979871");
  });
});
