// A signed-in page, and what it shows while its view starts (a title's hero, home's first row, the
// gate's skeleton), is a screen tall: when the full page takes the stand-in's place, nothing in view
// moves. Before, a title's hero was shorter than a phone's screen, so the footer sat in view and was
// pushed out when the page arrived (Lighthouse's CLS 0.227 on the title page), and a short list (an
// empty watchlist) pulled the footer up into view after an eight-card skeleton (0.206 on a phone).
// The view's GraphQL answers are held back here until the stand-in has painted, so the swap happens
// in view on every run.
import { expect, type Page, test } from "@playwright/test";
import { CRIME, newUser, onboardOverApi, signUpAndSignIn, titlesInGenre } from "./support/users.ts";

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
  const release = await holdGraphql(page);
  await page.goto(`/title/movie/${media!.tmdbId}`);
  await expect(page.getByTestId("title-preview")).toBeVisible();
  await expect(page.locator(".site-footer")).not.toBeInViewport();
  release();
  await expect(page.getByTestId("title-preview")).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText(media!.title);
  const { total, shifts } = await shiftsSoFar(page);
  expect(total, shifts.join(" | ")).toBeLessThanOrEqual(0.02);
});

test("browse's skeleton holds the screen while the first page of titles loads", async ({ page }) => {
  await signUpAndSignIn(page, newUser("browse-shift"));
  await onboardOverApi(page);
  await recordShifts(page);
  const release = await holdGraphql(page);
  await page.goto("/browse");
  await expect(page.locator('[aria-busy="true"], [role="status"]').first()).toBeVisible();
  await expect(page.locator(".site-footer")).not.toBeInViewport();
  release();
  await expect(page.getByTestId("media-card").first()).toBeVisible({ timeout: 20_000 });
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
    const release = await holdGraphql(page);
    await page.goto(route);
    await expect(page.locator('[aria-busy="true"], [role="status"]').first()).toBeVisible();
    release();
    await expect(page.locator(".notice, [data-testid='media-card']").first()).toBeVisible({ timeout: 20_000 });
    const { total, shifts } = await shiftsSoFar(page);
    expect(total, shifts.join(" | ")).toBeLessThanOrEqual(0.02);
  });
}
