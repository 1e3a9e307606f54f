// Hostile strings, stored and rendered: titles, overviews, taglines and cast names from TMDB (the
// offline catalogue's opt-in hostile titles, reaching the pages through the worker's ingest, the
// media cache and the API), a search query reflected on the page, and API token names a user
// stores in settings. Each payload tries to set window.__pwned or open a dialog; the page must show
// it as literal text, run none of it, and never turn data into a javascript: link.
import { expect, type Page, test } from "@playwright/test";
import { HOSTILE_CANARY, HOSTILE_TITLES, type HostileTitleSpec } from "../../packages/tmdb-catalogue/src/hostile.ts";
import { graphql, newUser, signUpAndSignIn } from "./support/users.ts";

/**
 * Watches for script execution for the page's whole life: a trap on window.__pwned (in every frame,
 * and on the parent a frame would reach), and every dialog (alert/confirm/prompt) the page opens.
 */
async function armCanary(page: Page): Promise<{ dialogs: string[]; confirms: string[] }> {
  const dialogs: string[] = [];
  /** Our own confirmations the test expects (exactly these texts), accepted and not counted. */
  const confirms: string[] = [];
  page.on("dialog", (dialog) => {
    if (dialog.type() === "confirm" && confirms.includes(dialog.message())) {
      confirms.splice(confirms.indexOf(dialog.message()), 1);
      void dialog.accept();
      return;
    }
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  await page.addInitScript((name) => {
    const writes: string[] = [];
    Object.defineProperty(window, "__pwnedWrites", { value: writes, configurable: false });
    Object.defineProperty(window, name, { configurable: false, get: () => undefined, set: (value) => void writes.push(String(value)) });
  }, HOSTILE_CANARY);
  return { dialogs, confirms };
}

/** Nothing ran, nothing was injected as markup, and no link points at javascript:. */
async function expectNothingRan(page: Page, canary: { dialogs: string[] }, where: string): Promise<void> {
  const report = await page.evaluate(() => {
    const writes = (window as unknown as { __pwnedWrites?: string[] }).__pwnedWrites ?? ["(canary missing)"];
    const links = [...document.querySelectorAll<HTMLAnchorElement>("a[href], area[href]")]
      .filter((link) => /^\s*javascript:/i.test(link.getAttribute("href") ?? "") || link.protocol === "javascript:")
      .map((link) => link.outerHTML.slice(0, 120));
    const handlers = [...document.querySelectorAll("*")].flatMap((element) =>
      [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${element.tagName.toLowerCase()}[${attribute.name}]`),
    );
    // A payload that became a script element (not one of Next's data scripts that quote it as JSON).
    const scripts = [...document.querySelectorAll("script")].filter((script) => /^\s*(window|parent)\.__pwned/.test(script.textContent ?? "")).length;
    const injected =
      document.querySelectorAll('img[src="x"], img[src="q"], iframe, svg[onload], details[ontoggle], b[onmouseover]').length +
      [...document.querySelectorAll("style")].filter((style) => style.textContent?.includes("body{display:none}")).length;
    return { writes, links, handlers, scripts, injected };
  });
  expect(report.writes, `${where}: window.__pwned was written`).toEqual([]);
  expect(canary.dialogs, `${where}: a dialog opened`).toEqual([]);
  expect(report.links, `${where}: javascript: links`).toEqual([]);
  expect(report.handlers, `${where}: inline event handlers in the DOM`).toEqual([]);
  expect(report.scripts, `${where}: script elements carrying a payload`).toBe(0);
  expect(report.injected, `${where}: elements injected from data`).toBe(0);
}

const textsOf = (page: Page, selector: string) => page.locator(selector).evaluateAll((elements) => elements.map((element) => element.textContent ?? ""));

test.describe("hostile strings", () => {
  test("hostile titles from TMDB render as text on search results and title pages", async ({ page }) => {
    test.setTimeout(240_000);
    const canary = await armCanary(page);
    await signUpAndSignIn(page, { ...newUser("hostile-tmdb"), name: `<script>window.__pwned=1</script> \u202Eeman` });

    // Past the popular lists' first two pages: only the worker's ingest (not a TMDB fallback for an
    // empty cache, which asks for page 1) puts them among the 50 most popular cached titles.
    await expect
      .poll(
        async () => {
          const found: string[] = [];
          for (const type of ["MOVIE", "TV"] as const) {
            const data = await graphql<{ browse: { edges: { node: { title: string } }[] } }>(
              page.request,
              "query($type: MediaType!) { browse(filter: { type: $type }, sort: POPULARITY, first: 50) { edges { node { title } } } }",
              { type },
            );
            found.push(...data.browse.edges.map((edge) => edge.node.title).filter((title) => HOSTILE_TITLES.some((spec) => spec.title === title)));
          }
          return found.sort();
        },
        { message: "the worker ingests the hostile titles into the media cache", timeout: 150_000, intervals: [2_000] },
      )
      .toEqual(HOSTILE_TITLES.map((spec) => spec.title).sort());

    for (const spec of HOSTILE_TITLES) await checkTitle(page, canary, spec);
  });

  test("a hostile search query is reflected as text", async ({ page }) => {
    const canary = await armCanary(page);
    await signUpAndSignIn(page, newUser("hostile-search"));
    for (const query of [`<img src=q onerror=prompt(8)>`, `<script>confirm(5)</script>`, `' OR '1'='1' --`, `"><svg/onload=alert(4)>`]) {
      await page.goto("/search");
      await page.getByRole("search").getByLabel("Title").fill(query);
      await page.getByRole("button", { name: "Search", exact: true }).click();
      await expect(page.getByText(`No titles match “${query}”.`, { exact: true })).toBeVisible({ timeout: 15_000 });
      await expect(page.getByRole("search").getByLabel("Title")).toHaveValue(query);
      await expectNothingRan(page, canary, `search for ${query}`);
    }
    // The SQL-like query found nothing and harmed nothing: the users table is still there.
    const { me } = await graphql<{ me: { email: string } | null }>(page.request, "{ me { email } }");
    expect(me?.email).toMatch(/@e2e\.movierec\.test$/);
  });

  test("hostile API token names are stored byte-exact and listed as text", async ({ page }) => {
    const canary = await armCanary(page);
    await signUpAndSignIn(page, newUser("hostile-tokens"));
    const names = [
      `<img src=x onerror=window.__pwned=1>`,
      `<script>window.__pwned=1</script>`,
      `'; DROP TABLE "User"; --`,
      `javascript:window.__pwned=1`,
      `\u202Egnp.exe\u202C <b>b</b> &amp; ש`,
    ];
    await page.goto("/settings");
    for (const name of names) {
      await page.getByLabel("Token name").fill(name);
      await page.getByRole("button", { name: "Create token" }).click();
      await expect(page.getByText(`Token “${name}” created.`, { exact: true })).toBeVisible();
      await page.getByRole("button", { name: "Done" }).click();
    }
    const list = ".token-list .token strong";
    await expect.poll(async () => (await textsOf(page, list)).sort()).toEqual([...names].sort());
    await expectNothingRan(page, canary, "settings after creating tokens");

    // Read back from the server, not just the client's cache: a fresh page and the API.
    await page.reload();
    await expect.poll(async () => (await textsOf(page, list)).sort()).toEqual([...names].sort());
    const { apiTokens } = await graphql<{ apiTokens: { name: string }[] }>(page.request, "{ apiTokens { name } }");
    expect(apiTokens.map((token) => token.name).sort()).toEqual([...names].sort());

    // The revoke button is labelled with the hostile name, and works (its confirmation names it as text).
    canary.confirms.push(`Revoke “${names[0]}”? Whatever uses it stops working at once, and it cannot be undone.`);
    await page.getByRole("button", { name: `Revoke ${names[0]}`, exact: true }).click();
    await expect(page.getByText(`Revoked “${names[0]}”.`, { exact: true })).toBeVisible();
    await expectNothingRan(page, canary, "settings after revoking");
  });
});

async function checkTitle(page: Page, canary: { dialogs: string[] }, spec: HostileTitleSpec): Promise<void> {
  await page.goto("/search");
  await page.getByRole("search").getByLabel("Title").fill(spec.searchWord);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const cards = page.getByRole("list", { name: "Search results" }).getByTestId("media-card");
  await expect(cards.first()).toBeVisible({ timeout: 15_000 });
  // Byte-exact: textContent, not Playwright's whitespace-normalised text.
  const titles = await textsOf(page, ".card .card-title");
  expect(titles[0], `best match for ${spec.searchWord}`).toBe(spec.title);
  await expectNothingRan(page, canary, `search results for ${spec.searchWord}`);
  await expectNoOverflow(page, `search results for ${spec.searchWord}`);

  await cards.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/title/${spec.mediaType}/\\d+$`), { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible({ timeout: 20_000 });
  // Cast and tagline come from details (the worker's details job, or enrichment on first view).
  await expect.poll(() => textsOf(page, "[data-testid=cast] li span"), { timeout: 20_000 }).toEqual(spec.cast);
  const shown = await page.evaluate(() => {
    const h1 = document.querySelector("h1");
    const overview = [...document.querySelectorAll("h2")].find((h2) => h2.textContent === "Overview")?.nextElementSibling;
    const poster = document.querySelector(".title-poster");
    return {
      // The heading is the title, a space, then the year in a span.
      heading: [...(h1?.childNodes ?? [])]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent)
        .join(""),
      tagline: document.querySelector(".tagline")?.textContent,
      overview: overview?.textContent,
      directors: document.querySelector("[data-testid=directors]")?.textContent,
      posterLabel: poster?.getAttribute("alt") ?? poster?.getAttribute("aria-label"),
    };
  });
  expect(shown).toEqual({
    heading: `${spec.title} `,
    tagline: spec.tagline,
    overview: spec.overview,
    directors: spec.director,
    posterLabel: `Poster for ${spec.title}`,
  });
  // The tab title comes from the page metadata (document.title is text: markup in it cannot run).
  await expect.poll(() => page.evaluate(() => document.title), { timeout: 10_000 }).toBe(`${spec.title} · movierec`);
  await expectNothingRan(page, canary, `title page of ${spec.searchWord}`);
  await expectNoOverflow(page, `title page of ${spec.searchWord}`);
}

/** Long words wrap inside their boxes: no card, cast entry or the page itself is wider than its room. */
async function expectNoOverflow(page: Page, where: string): Promise<void> {
  const overflowing = await page.evaluate(() => {
    const wider = (element: Element) => element.scrollWidth > element.clientWidth + 1;
    const boxes = [...document.querySelectorAll(".card, .cast-list li, .title-layout > *")]
      .filter(wider)
      .map((element) => element.className || element.tagName);
    return { page: document.documentElement.scrollWidth > window.innerWidth, boxes };
  });
  expect(overflowing, `${where}: content wider than its box`).toEqual({ page: false, boxes: [] });
}
