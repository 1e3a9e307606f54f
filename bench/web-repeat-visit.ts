/// <reference lib="dom" />
// The web app's repeat visit, production build: how soon the home page shows recommendations when
// the user's persisted Apollo cache is in localStorage, against the same visit with it removed; and
// the JavaScript each route loads on a cold first visit.
//
// Everything runs as production does: `next build` + `next start` for apps/web (bench/lib/web.ts),
// the API's production build (`node dist/main.js`) as its own process behind the web app's /graphql
// rewrite, ephemeral Postgres + Redis, and the offline catalogue (5,000 titles) cached with details.
// A small crowd of users with favourites makes the collaborative signal real; the measured user has
// ten favourites and liked genres, signs in through the real /signin page, and is onboarded.
//
// Repeat visit: one browser context that has visited /home before (its JS is in the HTTP cache).
// Each round goes to a neutral same-origin page (/api/auth/session: no app JS, so no persistor is
// running), either leaves the persisted cache alone ("persisted") or removes every movierec-apollo
// localStorage entry ("cleared"), then navigates to /home. An init script watches the DOM and
// records, in the page's own clock (performance.now(), 0 = navigation start), the first animation
// frame after the first recommendation card (`[data-testid=recommendations] [data-testid=media-card]`)
// has a layout box, and how many /graphql responses had completed by then (Resource Timing entries).
// Rounds alternate which variant goes first so both share the machine's noise.
//
// First-load JS: each route opened in a fresh context (empty HTTP cache), signed in where the route
// needs it; every `script` request that finished before the load event, summed as transferred
// (encoded: gzip, as `next start` compresses) and decoded bytes. Inline <script> tags (the RSC
// payload) are part of the HTML and not counted; scripts Next prefetches after load are listed apart.
//
// Run: npm run bench -- web-repeat-visit   (BENCH_TITLES, BENCH_ROUNDS, BENCH_CROWD change the sizes;
// writes bench/results/web-repeat-visit.json)
import { waitUntil } from "../apps/api/src/test-support/processes.ts";
import { log, percentile, round, writeResult, type SummaryRow } from "./lib/report.ts";
import { chromiumLaunchOptions, playwright, type Browser, type Request } from "./lib/web.ts";
import { startWebBenchStack, type WebBenchStack } from "./lib/web-stack.ts";

const TITLES = Number(process.env.BENCH_TITLES ?? 5_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const CROWD = Number(process.env.BENCH_CROWD ?? 300);
const CARD = '[data-testid="recommendations"] [data-testid="media-card"]';
const CACHE_PREFIX = "movierec-apollo";

interface FirstCard {
  /** When the first card was in the DOM with a layout box (ms since navigation start). */
  inserted: number;
  /** The next animation frame after that: the frame that paints it. */
  frame?: number;
  /** /graphql responses completed (Resource Timing) when the card appeared. */
  graphqlResponses: number;
  cards: number;
  /** Script resources loaded by then, and how many of them came over the network (transferSize > 0), not from the HTTP cache. */
  scripts: number;
  scriptsFromNetwork: number;
}

// Runs in every page before its own scripts: watches for the first recommendation card. A string,
// not a function, because tsx (esbuild keepNames) would add __name() calls the page does not have.
const WATCH_FIRST_CARD = `(() => {
  const selector = ${JSON.stringify(CARD)};
  let done = false;
  const check = () => {
    if (done) return true;
    const card = document.querySelector(selector);
    if (!card || card.getBoundingClientRect().height === 0) return false;
    done = true;
    const mark = {
      inserted: performance.now(),
      graphqlResponses: performance.getEntriesByType("resource").filter((entry) => entry.name.includes("/graphql")).length,
      cards: document.querySelectorAll(selector).length,
      scripts: performance.getEntriesByType("resource").filter((entry) => entry.initiatorType === "script").length,
      scriptsFromNetwork: performance.getEntriesByType("resource").filter((entry) => entry.initiatorType === "script" && entry.transferSize > 0).length,
    };
    window.__firstCard = mark;
    requestAnimationFrame(() => { mark.frame = performance.now(); });
    return true;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

let stack: WebBenchStack | undefined;
let browser: Browser | undefined;
try {
  stack = await startWebBenchStack({ name: "web", titles: TITLES, crowd: CROWD });
  const { web, user, build, titles } = stack;
  const { favourites, likedGenreIds: taste } = stack.user;
  const movie = { tmdbId: stack.movieTmdbId };
  browser = await playwright.chromium.launch(chromiumLaunchOptions);

  // ── Sign in through the real page, then the first visit that fills the persisted cache. ──
  const context = await browser.newContext({ baseURL: web.url });
  await context.addInitScript(WATCH_FIRST_CARD);
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/home", { timeout: 30_000 });
  await page.locator(CARD).first().waitFor({ timeout: 30_000 });
  const cachedBytes = () =>
    page.evaluate(
      (prefix: string) =>
        Object.entries(window.localStorage)
          .filter(([key]) => key.startsWith(prefix))
          .reduce((sum, [, value]) => sum + value.length, 0),
      CACHE_PREFIX,
    );
  const settle = async () => {
    // The page's answers are in the persisted cache (the persistor's 500 ms debounce): a page the
    // server seeds (lib/cache-seed.ts) asks the API nothing itself, so there is no /graphql answer
    // to wait for; a page that asks has one.
    await waitUntil("the persisted cache is written", async () => (await cachedBytes()) > 0, 30_000);
    await page.waitForTimeout(900);
  };
  await settle();
  await waitUntil("the persisted cache is written", async () => (await cachedBytes()) > 0, 10_000);
  const firstVisitCards = await page.locator(CARD).count();
  log(`signed in; first visit shows ${firstVisitCards} recommendations; persisted cache ${(await cachedBytes()) / 1000} kB`);

  // ── Repeat visits: persisted against cleared, alternating. ──
  type Variant = "persisted" | "cleared";
  const visits: Array<{
    round: number;
    variant: Variant;
    firstCardMs: number;
    insertedMs: number;
    graphqlResponsesAtFirstCard: number;
    cardsAtFirstCard: number;
    htmlResponseStartMs: number;
    domContentLoadedMs: number;
    graphqlStartMs: number | null;
    graphqlDurationMs: number | null;
    scripts: number;
    scriptsFromNetwork: number;
  }> = [];
  const visit = async (round: number, variant: Variant) => {
    await page.goto("/api/auth/session");
    if (variant === "cleared") {
      await page.evaluate(
        (prefix: string) =>
          Object.keys(window.localStorage)
            .filter((key) => key.startsWith(prefix))
            .forEach((key) => window.localStorage.removeItem(key)),
        CACHE_PREFIX,
      );
    } else if ((await cachedBytes()) === 0) {
      throw new Error("the persisted cache is missing before a 'persisted' visit");
    }
    await page.goto("/home", { waitUntil: "commit" });
    await page.waitForFunction(() => (window as unknown as { __firstCard?: FirstCard }).__firstCard?.frame !== undefined, null, {
      timeout: 30_000,
      polling: 50,
    });
    const mark = (await page.evaluate(() => (window as unknown as { __firstCard: FirstCard }).__firstCard))!;
    const navigation = await page.evaluate(() => {
      const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return { responseStart: entry.responseStart, domContentLoaded: entry.domContentLoadedEventEnd };
    });
    await settle();
    // The home query's round trip through the web app's rewrite to the API (Resource Timing).
    const graphql = await page.evaluate(() => {
      const entry = performance.getEntriesByType("resource").find((item) => item.name.includes("/graphql"));
      return entry ? { startMs: entry.startTime, durationMs: entry.duration } : null;
    });
    visits.push({
      round,
      variant,
      firstCardMs: round2(mark.frame!),
      insertedMs: round2(mark.inserted),
      graphqlResponsesAtFirstCard: mark.graphqlResponses,
      cardsAtFirstCard: mark.cards,
      htmlResponseStartMs: round2(navigation.responseStart),
      domContentLoadedMs: round2(navigation.domContentLoaded),
      graphqlStartMs: graphql ? round2(graphql.startMs) : null,
      graphqlDurationMs: graphql ? round2(graphql.durationMs) : null,
      scripts: mark.scripts,
      scriptsFromNetwork: mark.scriptsFromNetwork,
    });
  };
  // One warm-up round of each, not counted (the server's first renders of /home, JIT).
  await visit(-1, "persisted");
  await visit(-1, "cleared");
  visits.length = 0;
  for (let index = 0; index < ROUNDS; index++) {
    const order: Variant[] = index % 2 === 0 ? ["persisted", "cleared"] : ["cleared", "persisted"];
    for (const variant of order) await visit(index, variant);
    log(
      `round ${index + 1}/${ROUNDS}: ${visits
        .slice(-2)
        .map((row) => `${row.variant} ${row.firstCardMs} ms (${row.graphqlResponsesAtFirstCard} /graphql done)`)
        .join(", ")}`,
    );
  }
  const signedInState = await context.storageState();
  await context.close();

  const stats = (variant: Variant) => {
    const rows = visits.filter((row) => row.variant === variant);
    const times = rows.map((row) => row.firstCardMs);
    return {
      visits: rows.length,
      p50Ms: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
      minMs: round(Math.min(...times)),
      maxMs: round(Math.max(...times)),
      beforeAnyGraphqlResponse: rows.filter((row) => row.graphqlResponsesAtFirstCard === 0).length,
      htmlResponseStartP50Ms: round(
        percentile(
          rows.map((row) => row.htmlResponseStartMs),
          50,
        ),
      ),
      domContentLoadedP50Ms: round(
        percentile(
          rows.map((row) => row.domContentLoadedMs),
          50,
        ),
      ),
      graphqlStartP50Ms: round(
        percentile(
          rows.map((row) => row.graphqlStartMs ?? NaN),
          50,
        ),
      ),
      graphqlDurationP50Ms: round(
        percentile(
          rows.map((row) => row.graphqlDurationMs ?? NaN),
          50,
        ),
      ),
      scriptsFromNetwork: rows.reduce((sum, row) => sum + row.scriptsFromNetwork, 0),
    };
  };
  const persisted = stats("persisted");
  const cleared = stats("cleared");
  log(`persisted: ${JSON.stringify(persisted)}`);
  log(`cleared:   ${JSON.stringify(cleared)}`);

  // ── First-load JS per route, cold. ──
  const signedOut = ["/", "/signin", "/signup"];
  const signedIn = ["/onboarding", "/home", "/browse", "/search", `/title/movie/${movie.tmdbId}`, "/favourites", "/watchlist", "/settings"];
  const firstLoad: Array<{
    route: string;
    finalUrl: string;
    signedIn: boolean;
    scripts: number;
    transferredBytes: number;
    decodedBytes: number;
    encodings: string[];
    files: Array<{ path: string; transferredBytes: number; decodedBytes: number }>;
    prefetchedAfterLoad: { scripts: number; transferredBytes: number };
  }> = [];
  for (const route of [...signedOut, ...signedIn]) {
    const needsUser = signedIn.includes(route);
    const cold = await browser.newContext({ baseURL: web.url, storageState: needsUser ? { cookies: signedInState.cookies, origins: [] } : undefined });
    const coldPage = await cold.newPage();
    const beforeLoad: Request[] = [];
    const afterLoad: Request[] = [];
    let loaded = false;
    coldPage.on("requestfinished", (request: Request) => {
      if (request.resourceType() === "script") (loaded ? afterLoad : beforeLoad).push(request);
    });
    await coldPage.goto(route, { waitUntil: "load" });
    loaded = true;
    await coldPage.waitForLoadState("networkidle").catch(() => undefined);
    const measure = async (requests: Request[]) => {
      let transferredBytes = 0;
      let decodedBytes = 0;
      const encodings = new Set<string>();
      const files: Array<{ path: string; transferredBytes: number; decodedBytes: number }> = [];
      for (const request of requests) {
        const response = await request.response();
        const transferred = (await request.sizes()).responseBodySize;
        const decoded = (await response?.body().catch(() => Buffer.alloc(0)))?.length ?? 0;
        transferredBytes += transferred;
        decodedBytes += decoded;
        encodings.add((await response?.headerValue("content-encoding")) ?? "identity");
        files.push({ path: new URL(request.url()).pathname, transferredBytes: transferred, decodedBytes: decoded });
      }
      return { scripts: requests.length, transferredBytes, decodedBytes, encodings: [...encodings], files };
    };
    const first = await measure(beforeLoad);
    const later = await measure(afterLoad);
    const finalUrl = new URL(coldPage.url()).pathname;
    firstLoad.push({
      route,
      finalUrl,
      signedIn: needsUser,
      ...first,
      prefetchedAfterLoad: { scripts: later.scripts, transferredBytes: later.transferredBytes },
    });
    log(
      `${route}${finalUrl !== route ? ` (→ ${finalUrl})` : ""}: ${first.scripts} scripts, ${(first.transferredBytes / 1000).toFixed(1)} kB transferred (${first.encodings.join(",")}), ${(first.decodedBytes / 1000).toFixed(1)} kB decoded; after load ${later.scripts} more (${(later.transferredBytes / 1000).toFixed(1)} kB)`,
    );
    await cold.close();
  }

  const summary: SummaryRow[] = [
    {
      measure: `repeat visit to /home, first recommendation visible, p50 / p95, persisted cache (${persisted.visits} visits)`,
      value: `${persisted.p50Ms} / ${persisted.p95Ms} ms`,
    },
    {
      measure: `repeat visit to /home, first recommendation visible, p50 / p95, cache removed (${cleared.visits} visits)`,
      value: `${cleared.p50Ms} / ${cleared.p95Ms} ms`,
    },
    {
      measure: "repeat visit p50 ratio, cache removed / persisted",
      value: `${round(cleared.p50Ms / persisted.p50Ms, 2)}× (p95 ${round(cleared.p95Ms / persisted.p95Ms, 2)}×)`,
    },
    {
      measure: "persisted-cache visits showing recommendations before any /graphql response",
      value: `${persisted.beforeAnyGraphqlResponse} of ${persisted.visits} (cache removed: ${cleared.beforeAnyGraphqlResponse} of ${cleared.visits})`,
    },
    ...firstLoad.map((row) => ({
      measure: `first-load JS ${row.route.startsWith("/title/") ? "/title/movie/[tmdbId]" : row.route}${row.finalUrl !== row.route ? ` (→ ${row.finalUrl})` : ""}`,
      value: `${round(row.transferredBytes / 1000)} kB gzip (${round(row.decodedBytes / 1000)} kB raw, ${row.scripts} files)`,
    })),
    {
      measure: "next build (apps/web, Turbopack)",
      value: `${round(build.seconds)} s${build.warnings.length ? `, ${build.warnings.length} warning lines` : ", no warnings"}`,
    },
  ];
  writeResult("web-repeat-visit", {
    title: `Web repeat visit with and without the persisted Apollo cache, and first-load JS per route (production build, ${titles} titles)`,
    summary,
    config: {
      titles,
      crowd: CROWD,
      rounds: ROUNDS,
      favourites,
      likedGenreIds: taste,
      firstVisitCards,
      cardSelector: CARD,
      timing: "page clock: first requestAnimationFrame after the first card has a layout box (MutationObserver in an init script), ms from navigation start",
      chromium: chromiumLaunchOptions,
    },
    build: { seconds: round(build.seconds), warnings: build.warnings, output: build.output },
    repeatVisit: { persisted, cleared, visits },
    firstLoadJs: firstLoad,
  });
} finally {
  await browser?.close().catch(() => undefined);
  await stack?.close();
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
