import { describe, expect, it } from "vitest";
import { persistedCacheKey } from "./apollo-cache";
import { dataSourceScope } from "./data-source";

describe("the persisted cache's data source", () => {
  it("changes the cache key when the image origins move from the offline catalogue to TMDB, and only then", () => {
    const offline = dataSourceScope(["http://127.0.0.1:4010/t/p/"]);
    const tmdb = dataSourceScope(["https://image.tmdb.org"]);
    expect(offline).not.toBe(tmdb);
    expect(dataSourceScope(["https://image.tmdb.org"])).toBe(tmdb);
    expect(persistedCacheKey("user-1", offline, "en")).not.toBe(persistedCacheKey("user-1", tmdb, "en"));
    expect(persistedCacheKey("user-1", tmdb, "en")).toBe(persistedCacheKey("user-1", tmdb, "en"));
    expect(persistedCacheKey("user-1", tmdb, "en")).not.toBe(persistedCacheKey("user-2", tmdb, "en"));
  });

  it("changes the cache key with the interface's language (the API's genre names and reasons follow it)", () => {
    const tmdb = dataSourceScope(["https://image.tmdb.org"]);
    expect(persistedCacheKey("user-1", tmdb, "en")).not.toBe(persistedCacheKey("user-1", tmdb, "fr"));
  });
});
