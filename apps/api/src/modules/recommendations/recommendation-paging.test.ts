import { describe, expect, it } from "vitest";
import { hasNextRecommendationPage, RECOMMENDATIONS_DEPTH } from "./recommendation.service.ts";

describe("hasNextRecommendationPage", () => {
  it("says there is a next page when more were ranked than the page holds", () => {
    expect(hasNextRecommendationPage({ offset: 0, size: 50, fetched: 51 })).toBe(true);
    expect(hasNextRecommendationPage({ offset: 0, size: 50, fetched: 50 })).toBe(false);
  });

  it("says there is none once the next cursor would be past the depth the API takes", () => {
    expect(hasNextRecommendationPage({ offset: RECOMMENDATIONS_DEPTH - 50, size: 50, fetched: 51 })).toBe(true); // next at 500: taken
    expect(hasNextRecommendationPage({ offset: RECOMMENDATIONS_DEPTH - 49, size: 50, fetched: 51 })).toBe(false); // next at 501: refused
    expect(hasNextRecommendationPage({ offset: RECOMMENDATIONS_DEPTH, size: 50, fetched: 51 })).toBe(false);
  });
});
