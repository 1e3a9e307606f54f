// Runs before every spec (the "warm-up" project in playwright.config.ts): every route answers once,
// signed in, before the specs start. The tier first ran the web app under `next dev`, which compiles
// each route on its first request (two test workers hitting uncompiled routes on two cores missed 5 s
// waits); it now runs a production build, where this costs a few seconds and still fails fast, with
// the route's name, when a page does not answer at all.
import { expect, test as setup } from "@playwright/test";
import { newUser, signUpAndSignIn, titlesInGenre, CRIME } from "./support/users.ts";

setup("compile every route once", async ({ page }) => {
  setup.setTimeout(180_000);
  for (const route of ["/", "/signin", "/signup"]) {
    expect((await page.request.get(route)).status(), route).toBe(200);
  }
  await signUpAndSignIn(page, newUser("warm-up"));
  const [title] = await titlesInGenre(page.request, CRIME.id, 1);
  const signedIn = [
    "/onboarding",
    "/home",
    "/browse",
    "/search",
    "/favourites",
    "/watchlist",
    "/settings",
    `/title/${title!.type.toLowerCase()}/${title!.tmdbId}`,
    "/title/movie/999999999",
    "/activate",
    "/oauth/authorize/no-such-request",
  ];
  for (const route of signedIn) {
    const response = await page.request.get(route, { maxRedirects: 0 });
    // 200 for a page, 404 for the unknown title (it compiles the not-found page): never a redirect to /signin.
    expect([200, 404], route).toContain(response.status());
  }
});
