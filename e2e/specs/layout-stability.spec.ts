// A signed-in page, and what it shows while its view starts (a title's hero, home's first row,
// browse's first cards, the gate's skeleton), is a screen tall: when the full page takes the
// stand-in's place, nothing in view moves. Before, a title's hero was shorter than a phone's screen,
// so the footer sat in view and was pushed out when the page arrived (Lighthouse's CLS 0.227 on the
// title page), and a short list (an empty watchlist) pulled the footer up into view after an
// eight-card skeleton (0.206 on a phone). The view's GraphQL answers (or, for the pages whose
// server seeds the browser's cache, the view's code) are held back here until the stand-in has
// painted, so the swap happens in view on every run.
import { expect, type Locator, type Page, test } from "@playwright/test";
import { CRIME, graphql, newUser, onboardOverApi, resetRetried, signUpAndSignIn, titlesInGenre } from "./support/users.ts";

/** Layout shifts not caused by input, as Lighthouse's CLS adds them up (one session window is enough here). */
async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number; __shifts: string[] };
    w.__shift = 0;
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Array<{ node?: Node | null }> }>) {
        if (entry.hadRecentInput) continue;
        w.__shift += entry.value;
        const names = entry.sources.map((source) =>
          source.node instanceof Element ? `${source.node.tagName.toLowerCase()}.${source.node.className}` : String(source.node?.nodeName),
        );
        w.__shifts.push(`${entry.value.toFixed(3)} ${names.join(", ")}`);
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** Holds the page's /graphql requests until `release()`, then lets them through to the real API. */
async function holdGraphql(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/graphql", async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/**
 * Holds back the scripts the page loads after its document (Apollo Client, the page's view) until
 * `release()`: home, browse and the lists need no GraphQL answer from the browser (the server seeds
 * its cache), so their stand-ins last only as long as that code takes to arrive. Pages held so are
 * not waited for until "load": a script the hydration asks for late may be among those held.
 */
async function holdViewCode(page: Page, path: string): Promise<() => void> {
  const html = await (await resetRetried(() => page.request.get(path))).text();
  const documentScripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    if (!documentScripts.some((source) => route.request().url().endsWith(source))) await released;
    await route.continue();
  });
  return release;
}

async function shiftsSoFar(page: Page): Promise<{ total: number; shifts: string[] }> {
  // Two frames, so a shift from the last render is reported.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => {
    const w = window as unknown as { __shift: number; __shifts: string[] };
    return { total: w.__shift, shifts: w.__shifts };
  });
}

test("a title page's hero holds the screen while the page loads, so nothing moves when the page arrives", async ({ page }) => {
  await signUpAndSignIn(page, newUser("title-shift"));
  const [media] = await titlesInGenre(page.request, CRIME.id, 1);
  await recordShifts(page);
  // The page seeds the view's details (lib/cache-seed.ts), so the view may need no GraphQL answer
  // from the browser: its code is held too, or the stand-in can be gone before it is looked at.
  const path = `/title/movie/${media!.tmdbId}`;
  const releaseGraphql = await holdGraphql(page);
  const releaseCode = await holdViewCode(page, path);
  await page.goto(path, { waitUntil: "domcontentloaded" });
  await expect(page.getByTestId("title-preview")).toBeVisible();
  await expect(page.locator(".site-footer")).not.toBeInViewport();
  releaseCode();
  releaseGraphql();
  await expect(page.getByTestId("title-preview")).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText(media!.title);
  const { total, shifts } = await shiftsSoFar(page);
  expect(total, shifts.join(" | ")).toBeLessThanOrEqual(0.02);
});

/** Where an element's top is in the page (not the viewport: scrolling does not change it). */
const topOf = (locator: Locator) => locator.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);

/**
 * `topOf` a stand-in's card, asked again while it reads 0: an element measured just as React
 * replaces it is detached, its box all zeros (CI saw "moved from 0 to 295 px" when the gate still
 * drew the stand-in anew as Apollo arrived; components/stand-in.tsx).
 */
async function settledTopOf(locator: Locator): Promise<number> {
  let top = 0;
  await expect.poll(async () => (top = await topOf(locator))).toBeGreaterThan(0);
  return top;
}

/** Settings → Your services names a region and a service: Home and Browse show "Only on my services". */
async function nameAService(page: Page): Promise<void> {
  const { watchProviders } = await graphql<{ watchProviders: Array<{ tmdbId: number }> }>(page.request, '{ watchProviders(region: "US") { tmdbId } }');
  await graphql(page.request, 'mutation ($ids: [Int!]) { updatePreferences(input: { watchRegion: "US", streamingServiceIds: $ids }) { watchRegion } }', {
    ids: watchProviders.slice(0, 1).map((provider) => provider.tmdbId),
  });
}

test("home's first row from the server holds the screen while the view starts, with the services switch above it", async ({ page }) => {
  await signUpAndSignIn(page, newUser("home-shift"));
  await onboardOverApi(page);
  await nameAService(page);
  await recordShifts(page);
  const release = await holdViewCode(page, "/home");
  await page.goto("/home", { waitUntil: "domcontentloaded" });
  const previewCard = page.getByTestId("home-preview").locator(".card").filter({ visible: true }).first();
  await expect(previewCard).toBeVisible();
  // The view's tree replaces the stand-in's (new elements are not layout shifts), so where the first
  // card sits is compared as well: a missing switch above the row moved it down unseen by CLS.
  const before = await settledTopOf(previewCard);
  await expect(page.getByText("Only on my services")).toHaveCount(1);
  await expect(page.locator(".site-footer")).not.toBeInViewport();
  release();
  const card = page.getByTestId("recommendations").getByTestId("media-card").first();
  await expect(card).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("home-preview")).toHaveCount(0);
  expect(await topOf(card)).toBeCloseTo(before, 0);
  const { total, shifts } = await shiftsSoFar(page);
  expect(total, shifts.join(" | ")).toBeLessThanOrEqual(0.02);
});

for (const services of [false, true]) {
  test(`browse's first cards from the server hold the screen while the view starts${services ? ", with the services switch" : ""}`, async ({ page }) => {
    await signUpAndSignIn(page, newUser("browse-shift"));
    await onboardOverApi(page);
    // Settings names services: the form gains "Only on my services", on the server's stand-in too.
    if (services) await nameAService(page);
    await recordShifts(page);
    const release = await holdViewCode(page, "/browse");
    await page.goto("/browse", { waitUntil: "domcontentloaded" });
    const standInCard = page.getByTestId("browse-stand-in").locator(".card").filter({ visible: true }).first();
    await expect(standInCard).toBeVisible();
    const before = await settledTopOf(standInCard);
    await expect(page.getByText("Only on my services")).toHaveCount(services ? 1 : 0);
    await expect(page.locator(".site-footer")).not.toBeInViewport();
    release();
    const card = page.getByTestId("media-card").first();
    await expect(card).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("browse-stand-in")).toHaveCount(0);
    expect(await topOf(card)).toBeCloseTo(before, 0);
    const { total, shifts } = await shiftsSoFar(page);
    expect(total, shifts.join(" | ")).toBeLessThanOrEqual(0.02);
  });
}

test("settings' heading is in the document and holds the screen while the panels load", async ({ page }) => {
  await signUpAndSignIn(page, newUser("settings-shift"));
  // The server's stand-in: the heading is in the first paint (it was the page's LCP, painted only
  // once the view's code and its queries had answered).
  const html = await (await resetRetried(() => page.request.get("/settings"))).text();
  expect(html).toMatch(/<div class="stack-lg settings-loading"><h1>Settings<\/h1>/);
  await recordShifts(page);
  const release = await holdGraphql(page);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.locator(".site-footer")).not.toBeInViewport();
  release();
  await expect(page.getByRole("heading", { level: 2, name: "Preferences" })).toBeVisible({ timeout: 20_000 });
  const { total, shifts } = await shiftsSoFar(page);
  expect(total, shifts.join(" | ")).toBeLessThanOrEqual(0.02);
});

for (const { route, what } of [
  { route: "/watchlist", what: "an empty watchlist" },
  { route: "/favourites", what: "three favourites" },
]) {
  test(`a list page with ${what} takes the skeleton's place without moving the footer into view`, async ({ page }) => {
    await signUpAndSignIn(page, newUser("list-shift"));
    await onboardOverApi(page); // three favourites, nothing on the watchlist
    await recordShifts(page);
    const release = await holdViewCode(page, route);
    await page.goto(route, { waitUntil: "domcontentloaded" });
    await expect(page.locator('[aria-busy="true"], [role="status"]').first()).toBeVisible();
    release();
    await expect(page.locator(".notice, [data-testid='media-card']").first()).toBeVisible({ timeout: 20_000 });
    const { total, shifts } = await shiftsSoFar(page);
    expect(total, shifts.join(" | ")).toBeLessThanOrEqual(0.02);
  });
}

// Favourites, watchlist, search and onboarding: the server's stand-in has the page's heading (the
// gate's skeleton had none, so the heading and everything under it moved when the view came). The
// document alone, with no script running, is what the first paint shows: the first thing under the
// heading starts where the view's starts once its answer is in.
for (const { route, heading, below, ready } of [
  { route: "/favourites", heading: "Favourites", below: "main h1 + *", ready: "[data-testid='media-card']" },
  { route: "/watchlist", heading: "Watchlist", below: "main h1 + *", ready: ".notice" },
  { route: "/search?q=the", heading: "Search", below: "main form[role='search'] + *", ready: "[data-testid='media-card']" },
  { route: "/onboarding", heading: "Welcome to movierec", below: ".onboarding > :nth-child(2)", ready: "#step-loved" },
]) {
  test(`${route}: the heading is in the document, and what is under it starts where the view's does`, async ({ page, browser }) => {
    await signUpAndSignIn(page, newUser("heading-stand-in"));
    await onboardOverApi(page); // three favourites, nothing on the watchlist
    const html = await (await resetRetried(() => page.request.get(route))).text();
    expect(html).toContain(`<h1>${heading}</h1>`);

    const document = await browser.newContext({
      baseURL: test.info().project.use.baseURL,
      storageState: await page.context().storageState(),
      viewport: page.viewportSize(),
      javaScriptEnabled: false,
    });
    const still = await document.newPage();
    await still.goto(route);
    await expect(still.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(still.locator(below)).toHaveCount(1);
    const standIn = { heading: await topOf(still.locator("main h1")), below: await topOf(still.locator(below)) };
    await document.close();

    await page.goto(route);
    await expect(page.locator(ready).first()).toBeVisible({ timeout: 20_000 });
    // Visible ones only: for a frame the stand-in stays in the document, hidden (apollo-gate.tsx).
    expect({
      heading: await topOf(page.locator("main h1").filter({ visible: true })),
      below: await topOf(page.locator(below).filter({ visible: true }).first()),
    }).toEqual(standIn);
  });
}
