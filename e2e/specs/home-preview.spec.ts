// Home's first row in the document the server sends (app/(app)/home/home-preview.tsx): the first
// posters start downloading with the page, and the full page then takes the row's place; the view's
// code and Apollo Client's are not among the document's scripts (components/lazy-view.tsx).
import { expect, type Page, test } from "@playwright/test";
import {
  CRIME,
  collectConsoleErrors,
  graphql,
  newUser,
  onboardOverApi,
  operationsAsked,
  resetRetried,
  signUpAndSignIn,
  titlesInGenre,
} from "./support/users.ts";

type Ranked = { recommendations: { edges: Array<{ node: { media: { title: string } } }> } };

test("home's document already holds the first row of top picks, and the full page replaces it with the same titles", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await signUpAndSignIn(page, newUser("home-preview"));
  await onboardOverApi(page);
  const ranked = await graphql<Ranked>(page.request, "{ recommendations(first: 8) { edges { node { media { title } } } } }");
  const expected = ranked.recommendations.edges.map((edge) => edge.node.media.title);
  expect(expected.length).toBeGreaterThan(2);

  const html = await (await resetRetried(() => page.request.get("/home"))).text();
  const preview = await page.evaluate((source) => {
    const root = new DOMParser().parseFromString(source, "text/html").querySelector('[data-testid="home-preview"]');
    if (!root) return null;
    const firstCard = root.querySelector(".card");
    return {
      heading: root.querySelector("h1")?.textContent,
      titles: [...root.querySelectorAll(".card-title")].map((title) => title.textContent),
      // The first poster is fetched first (a card without a poster shows its initial instead).
      firstPoster: firstCard?.querySelector(".poster-missing") ? "none" : firstCard?.querySelector("img")?.getAttribute("fetchpriority"),
    };
  }, html);
  expect(preview).toEqual({ heading: "Recommended for you", titles: expected, firstPoster: expect.stringMatching(/^(high|none)$/) });

  await page.goto("/home");
  const topPicks = page.getByTestId("recommendations");
  await expect(topPicks.getByTestId("media-card").first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("home-preview")).toHaveCount(0);
  expect((await topPicks.locator(".card-title").allInnerTexts()).slice(0, expected.length)).toEqual(expected);
  expect(errors).toEqual([]);
});

test("home's first load renders the server's answer: the browser asks the API for none of it, and keeps it for the next visit", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await signUpAndSignIn(page, newUser("home-seed"));
  await onboardOverApi(page);
  const ranked = await graphql<Ranked>(page.request, "{ recommendations(first: 30) { edges { node { media { title } } } } }");
  const expected = ranked.recommendations.edges.map((edge) => edge.node.media.title);
  expect(expected.length).toBeGreaterThan(20);

  // What the page itself asks the API (app/(app)/home/page.tsx seeds the browser's cache instead).
  const asked = operationsAsked(page);
  await page.goto("/home");
  // The whole page: the first row and "More for you" below the shelves.
  const topPicks = page.getByTestId("recommendations");
  await expect(topPicks.getByTestId("media-card").first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("more-recommendations").getByTestId("media-card").first()).toBeAttached();
  expect(await topPicks.locator(".card-title").allInnerTexts()).toEqual(expected.slice(0, 20));
  expect(asked).not.toContain("Home");
  // The persistor saves what the server sent, as it saves the browser's own answers.
  const firstId = await topPicks.getByTestId("media-card").first().getAttribute("data-media-id");
  await expect
    .poll(() => page.evaluate(() => Object.entries(window.localStorage).find(([key]) => key.startsWith("movierec-apollo"))?.[1] ?? ""), { timeout: 10_000 })
    .toContain(firstId!);
  expect(errors).toEqual([]);
});

test("a signed-in page's first scripts hold neither Apollo Client, the page's view nor next-auth's client; the first two load after the stand-in has painted", async ({
  page,
}) => {
  await signUpAndSignIn(page, newUser("first-scripts"));
  await onboardOverApi(page);
  const html = await (await resetRetried(() => page.request.get("/home"))).text();
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
  expect(sources.length).toBeGreaterThan(2);
  const bodies = await Promise.all(sources.map(async (source) => (await resetRetried(() => page.request.get(source))).text()));
  // Apollo's cache class and the home view's own test id, both in the scripts the page loads later,
  // and next-auth's browser client (loaded by the header's sign-out button when it is pressed).
  for (const marker of ["InMemoryCache", "more-recommendations", "SessionContext"]) {
    expect(bodies.filter((body) => body.includes(marker)).length, marker).toBe(0);
  }
  // …which it does: the view replaces the stand-in.
  const loaded: string[] = [];
  page.on("response", (response) => void (response.url().includes("/_next/static/chunks/") && loaded.push(response.url())));
  await page.goto("/home");
  await expect(page.getByTestId("recommendations").getByTestId("media-card").first()).toBeVisible({ timeout: 20_000 });
  const later = await Promise.all(
    loaded.filter((url) => !sources.some((source) => url.endsWith(source))).map(async (url) => (await resetRetried(() => page.request.get(url))).text()),
  );
  for (const marker of ["InMemoryCache", "more-recommendations"])
    expect(
      later.some((body) => body.includes(marker)),
      marker,
    ).toBe(true);
});

// A signed-in page's stand-in (home's first row, a title's hero, settings' heading, the lists'
// skeleton) stays on screen, the same elements the parser made, until the view has its answer and replaces it
// (components/stand-in.tsx). Before, React threw it away and drew a copy twice during the load: as
// the gate's Suspense fallback while the view's code loaded, then as the view's own loading state.
const standIns = [
  {
    page: "home",
    selector: '[data-testid="home-preview"]',
    path: async () => "/home",
    loaded: (page: Page) => page.getByTestId("recommendations").getByTestId("media-card").first(),
  },
  {
    page: "a title",
    selector: '[data-testid="title-preview"]',
    path: async (page: Page) => `/title/movie/${(await titlesInGenre(page.request, CRIME.id, 1))[0]!.tmdbId}`,
    loaded: (page: Page) => page.getByRole("heading", { level: 2, name: "Cast" }),
  },
  {
    page: "settings",
    selector: ".settings-loading",
    path: async () => "/settings",
    loaded: (page: Page) => page.getByRole("heading", { level: 2, name: "Preferences" }),
  },
  // The lists' skeleton grid (the heading above it is the view's own once it has answered); onboarding
  // made favourites of the titles it loved, and the watchlist is empty.
  {
    page: "favourites",
    selector: 'ul.card-grid[aria-hidden="true"]',
    path: async () => "/favourites",
    loaded: (page: Page) => page.getByTestId("media-card").first(),
  },
  {
    page: "the watchlist",
    selector: 'ul.card-grid[aria-hidden="true"]',
    path: async () => "/watchlist",
    loaded: (page: Page) => page.getByText("Your watchlist is empty."),
  },
];

type Leaving = { hiddenAt?: number; removedAt?: number; removedShown?: boolean };

for (const standIn of standIns)
  test(`${standIn.page}: the stand-in gives way to the full page in one step, never thrown away and made anew, hidden for a frame before it leaves`, async ({
    page,
  }) => {
    await signUpAndSignIn(page, newUser("stand-in-once"));
    await onboardOverApi(page);
    const path = await standIn.path(page);
    // Every stand-in element ever put into the page, the parser's and React's. Hydration adopts the
    // parser's; a second one is a copy React made.
    await page.addInitScript((selector) => {
      const seen = new Set<Element>();
      (window as unknown as { standIns: Set<Element> }).standIns = seen;
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node instanceof Element) for (const element of [node, ...node.querySelectorAll("*")]) if (element.matches(selector)) seen.add(element);
      }).observe(document, { childList: true, subtree: true });
      // The gate's wrapper around it (apollo-gate.tsx) is hidden, then removed a frame later: removed
      // while laid out, its boxes came down inside React's commit, a long task under Lighthouse's
      // tracing. Frames counted by requestAnimationFrame.
      let frames = 0;
      const count = () => {
        frames++;
        requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
      const leaving: Leaving = {};
      (window as unknown as { leaving: Leaving }).leaving = leaving;
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === "attributes" && record.target instanceof HTMLElement && record.target.matches(".stand-in") && record.target.hidden)
            leaving.hiddenAt ??= frames;
          for (const node of record.removedNodes)
            if (node instanceof HTMLElement && node.matches(".stand-in")) {
              leaving.removedAt = frames;
              leaving.removedShown = !node.hidden;
            }
        }
      }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["hidden"] });
    }, standIn.selector);
    await page.goto(path);
    await expect(standIn.loaded(page)).toBeVisible({ timeout: 20_000 });
    await expect(page.locator(standIn.selector)).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { standIns: Set<Element> }).standIns.size)).toBe(1);
    const leaving = await page.evaluate(() => (window as unknown as { leaving: Leaving }).leaving);
    expect(leaving.removedShown, "the stand-in was still shown when it was removed").toBe(false);
    expect(leaving.removedAt! - leaving.hiddenAt!, "frames between hiding the stand-in and removing it").toBeGreaterThanOrEqual(1);
  });
