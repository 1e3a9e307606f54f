// A signed-in page's first load: the page asked its view's first queries on the server and seeded
// the browser's cache with the answers (lib/cache-seed.ts), so the view shows without a round trip
// of its own. Home, browse and a title check the same in their own specs (home-preview,
// browse-preview, search-title).
import { expect, test } from "@playwright/test";
import { CRIME, graphql, newUser, onboardOverApi, operationsAsked, signUpAndSignIn, titlesInGenre } from "./support/users.ts";

test("settings' panels show the server's answers: the browser asks the API only for the services panel's lists", async ({ page }) => {
  const user = newUser("settings-seed");
  await signUpAndSignIn(page, user);
  await onboardOverApi(page);
  await graphql(page.request, 'mutation { createApiToken(input: { name: "Seeded token" }) { secret } }');
  const asked = operationsAsked(page);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 2, name: "Preferences" })).toBeVisible({ timeout: 20_000 });
  // Later panels, each from the seed: the token made before the page, the account's address.
  await expect(page.getByRole("button", { name: "Revoke Seeded token" })).toBeVisible();
  await expect(page.getByText("Signed in as")).toContainText(user.email);
  expect(asked.filter((name) => name !== "WatchServices")).toEqual([]);
});

test("favourites and the watchlist show the server's answers without asking the API", async ({ page }) => {
  await signUpAndSignIn(page, newUser("lists-seed"));
  const [favourite, toWatch] = await titlesInGenre(page.request, CRIME.id, 2);
  await graphql(page.request, "mutation ($id: Int!) { addFavourite(media: { type: MOVIE, tmdbId: $id }) { id } }", { id: favourite!.tmdbId });
  await graphql(page.request, "mutation ($id: Int!) { addToWatchlist(media: { type: MOVIE, tmdbId: $id }) { id } }", { id: toWatch!.tmdbId });
  const asked = operationsAsked(page);
  await page.goto("/favourites");
  await expect(page.locator(`[data-media-id="${favourite!.id}"]`)).toBeVisible({ timeout: 20_000 });
  await page.goto("/watchlist");
  await expect(page.locator(`[data-media-id="${toWatch!.id}"]`)).toBeVisible({ timeout: 20_000 });
  expect(asked.filter((name) => name === "Favourites" || name === "Watchlist")).toEqual([]);
});

test("onboarding's poster wall and genres come from the server's answers", async ({ page }) => {
  await signUpAndSignIn(page, newUser("onboarding-seed"));
  const asked = operationsAsked(page);
  await page.goto("/onboarding");
  await expect(
    page
      .getByRole("list", { name: "Popular and acclaimed titles" })
      .getByRole("button", { name: /^Love / })
      .first(),
  ).toBeVisible({ timeout: 20_000 });
  expect(asked.filter((name) => name === "OnboardingWall" || name === "Genres")).toEqual([]);
});
