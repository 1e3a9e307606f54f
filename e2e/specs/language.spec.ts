// The interface in the person's language: French for a browser that asks for it, and a choice in
// every page's footer that sticks across reloads and sign-in. The expected words are read from
// the app's own message files, so the test checks the app shows them, not a copy of them.
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo, test } from "@playwright/test";
import { collectConsoleErrors, newUser, onboardOverApi, resetRetried, signUpAndSignIn } from "./support/users.ts";
import { fullPageScreenshot } from "./support/screenshot.ts";

const messagesDir = path.resolve(import.meta.dirname, "../../apps/web/messages");
const messages = (locale: string, namespace: string) => JSON.parse(readFileSync(path.join(messagesDir, locale, `${namespace}.json`), "utf8"));
const en = messages("en", "shell");
const fr = messages("fr", "shell");
const frHome = messages("fr", "home");
const screenshotDir = path.resolve(import.meta.dirname, "../test-results/screenshots");

/** A full-page screenshot of the page in French, beside quality.spec's English ones: <name>-fr-<desktop|phone>.png. */
async function screenshot(page: Page, name: string, testInfo: TestInfo) {
  const file = path.join(screenshotDir, `${name}-fr-${testInfo.project.name}.png`);
  await fullPageScreenshot(page, file, testInfo, `${name}-fr-${testInfo.project.name}`);
}

test("the language picker waits for the page's JavaScript before it takes a choice", async ({ page }) => {
  // Without JavaScript nothing could act on a choice: the server's picker is disabled, not one that drops it.
  await page.route(/\.js(\?|$)/, (route) => route.abort());
  await page.goto("/");
  await expect(page.getByRole("combobox", { name: en.language })).toBeDisabled();
});

test.describe("a browser that asks for French", () => {
  test.use({ locale: "fr-FR" });

  test("gets the signed-out pages in French, and can switch to English", async ({ page }) => {
    const errors = collectConsoleErrors(page);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    const nav = page.getByRole("navigation", { name: fr.mainNavigation });
    await expect(nav.getByRole("link", { name: fr.nav.signIn })).toBeVisible();
    await expect(page.getByRole("link", { name: fr.skipToContent })).toBeAttached();

    await page.getByRole("combobox", { name: fr.language }).selectOption("en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: en.mainNavigation }).getByRole("link", { name: en.nav.signIn })).toBeVisible();
    // The choice outranks the browser's language on the next visit.
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect(errors).toEqual([]);
  });
});

test("a signed-in person switches to French from the footer; it sticks, and the page stays accessible", async ({ page }, testInfo) => {
  const errors = collectConsoleErrors(page);
  await signUpAndSignIn(page, newUser("language"));
  await onboardOverApi(page);
  await page.goto("/settings");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const main = page.getByRole("navigation", { name: en.mainNavigation });
  await expect(main.getByRole("link", { name: en.nav.settings })).toBeVisible();

  await page.getByRole("combobox", { name: en.language }).selectOption("fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  const nav = page.getByRole("navigation", { name: fr.mainNavigation });
  for (const key of ["home", "browse", "search", "favourites", "watchlist", "settings"] as const) {
    await expect(nav.getByRole("link", { name: fr.nav[key] })).toBeVisible();
  }
  await expect(nav.getByRole("button", { name: fr.nav.signOut })).toBeVisible();

  await expect(page.getByRole("heading", { level: 1, name: messages("fr", "settings").heading })).toBeVisible();
  await screenshot(page, "settings", testInfo);

  await page.goto("/home");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("link", { name: fr.nav.home })).toBeVisible();
  await expect(page.getByTestId("media-card").first()).toBeVisible({ timeout: 20_000 });
  // The page's own words and the API's (reasons, asked for in the interface's language) are French.
  await expect(page.getByRole("heading", { level: 1, name: frHome.heading })).toBeVisible();
  await expect(page.getByRole("heading", { name: frHome.shelves.topPicks })).toBeVisible();
  await expect(page.locator(".reasons li").first()).toBeVisible();
  const reasons = await page.locator(".reasons li").allInnerTexts();
  expect(reasons.filter((text) => /^(Because|Top-rated|Highly rated|With |Directed by|People who)/.test(text))).toEqual([]);
  expect(reasons.some((text) => /^(Parce que|Parmi les mieux notés|Très bien noté|Avec |Réalisé par|Ceux qui)/.test(text))).toBe(true);
  await screenshot(page, "home", testInfo);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  expect(errors).toEqual([]);
});

test("a title TMDB has in French is named in French on its page and in the tab, for a person who chose French", async ({ page, baseURL }) => {
  const errors = collectConsoleErrors(page);
  await signUpAndSignIn(page, newUser("french-title"));
  await onboardOverApi(page);
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "fr", url: baseURL ?? "" }]);
  // French films, as an English and a French caller of the API get them: the offline catalogue's
  // French translation of a French film is its original title.
  const films = async (language: string): Promise<Array<{ tmdbId: number; title: string }>> => {
    const query = `{ browse(filter: { type: MOVIE, language: "fr" }, sort: POPULARITY, first: 10) { edges { node { tmdbId title } } } }`;
    const response = await page.request.post("/graphql", { headers: { "accept-language": language }, data: { query } });
    return (await response.json()).data.browse.edges.map((edge: { node: { tmdbId: number; title: string } }) => edge.node);
  };
  const english = await films("en");
  const french = await films("fr");
  const film = french.find((node, index) => node.title !== english[index]?.title);
  expect(film, "a French film with a French title of its own").toBeDefined();

  await page.goto(`/title/movie/${film!.tmdbId}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: film!.title })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${film!.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} · `));
  // The document the server sends names it in French too (the tab's title before any script, and what link previews read).
  const html = await (await resetRetried(() => page.request.get(`/title/movie/${film!.tmdbId}`))).text();
  expect(await page.evaluate((source) => new DOMParser().parseFromString(source, "text/html").title, html)).toBe(`${film!.title} · movierec`);
  expect(errors).toEqual([]);
});
