import { describe, expect, it } from "vitest";
import { persistedCacheKey } from "./apollo-cache";
import { dataSourceScope } from "./data-source";

describe("the persisted cache's data source", () => {
  it("changes the cache key when the image origins move from the offline catalogue to TMDB, and only then", () => {
    const offline = dataSourceScope(["http://127.0.0.1:4010/t/p/"]);
    const tmdb = dataSourceScope(["https://image.tmdb.org"]);
    expect(offline).not.toBe(tmdb);
    expect(dataSourceScope(["https://image.tmdb.org"])).toBe(tmdb);
    expect(persistedCacheKey("user-1", offline)).not.toBe(persistedCacheKey("user-1", tmdb));
    expect(persistedCacheKey("user-1", tmdb)).toBe(persistedCacheKey("user-1", tmdb));
    expect(persistedCacheKey("user-1", tmdb)).not.toBe(persistedCacheKey("user-2", tmdb));
  });
});
