// Playwright against the whole stack, started as `npm start` starts it (dev-stack's start.ts) with
// the web app from a production build (WEB_MODE=production), on its own data directory and ports,
// with Debian's Chromium.
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "../packages/dev-stack/src/chromium.ts";

const repoRoot = path.resolve(import.meta.dirname, "..");
const webPort = Number(process.env.E2E_WEB_PORT ?? 3100);
const apiPort = Number(process.env.E2E_API_PORT ?? 4100);
/** The offline TMDB catalogue: specs give titles videos through its control API (support/catalogue.ts). */
const cataloguePort = Number(process.env.E2E_CATALOGUE_PORT ?? 4110);
export const apiUrl = `http://127.0.0.1:${apiPort}`;

export default defineConfig({
  testDir: "specs",
  outputDir: "test-results",
  // A journey's budget. The tier ran under `next dev` until 2026-12-06: under CI's load each page of a
  // long journey took 5–15 s there, and the ratings and import journeys ran past 60 s. On the
  // production build the whole tier takes 13 min instead of 27 and the longest test 49 s;
  // the budgets stay, so a busy CI host's slowest minutes are not failures.
  timeout: 120_000,
  // The stack runs beside the API, its worker, Postgres and Redis on two cores, with two test
  // workers: a click that signs up (password hashing, a session, a route change) can take longer than
  // Playwright's default 5 s without anything being wrong.
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${webPort}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    // Compiles every route once before the specs (specs/warm-up.setup.ts).
    { name: "warm-up", testMatch: /warm-up\.setup\.ts$/ },
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, dependencies: ["warm-up"] },
    // The journeys again at a phone's width, with touch (390 × 844, an iPhone 14's CSS pixels), and
    // the axe walk of quality.spec.ts, whose screenshots are named by project: every page at both widths.
    // Desktop only: cards' hover preview (a phone has no hover), and what has no layout to check
    // (security headers, the sign-in throttle, the browser's locale data).
    {
      name: "phone",
      use: { ...devices["Desktop Chrome"], channel: undefined, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
      testMatch:
        /(smoke|navigation|onboarding|search-title|lists|url-state|ratings|quality|infinite-scroll|language|home-preview|layout-stability|delete-account|offline|pwa|sessions|your-services|browse-preview|persisted-cache|import-export|api-tokens|oauth-apps|hostile-strings|error-page|api-pages)\.spec\.ts$/,
      dependencies: ["warm-up"],
    },
  ],
  webServer: {
    command: `node --import tsx ${path.join(repoRoot, "packages/dev-stack/src/start.ts")}`,
    cwd: repoRoot,
    // Ready when the start command says so: it has waited for the API's /healthz and the web page.
    // The web page alone is not enough: with the build current (not rebuilt), `next start` answers
    // in a second, before the API listens (the warm-up's first GraphQL call got ECONNREFUSED).
    wait: { stdout: /movierec is running/ },
    // `next build` first (2–4 min on two busy cores) unless the last one is current, then the stack.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      MOVIEREC_DATA_DIR: path.join(repoRoot, ".data/e2e"),
      WEB_PORT: String(webPort),
      API_PORT: String(apiPort),
      CATALOGUE_PORT: String(cataloguePort),
      POSTGRES_PORT: "",
      REDIS_PORT: "",
      TMDB_API_TOKEN: "",
      TMDB_API_KEY: "",
      // What people get: React's production build, no route compiled on its first request, the
      // production Content-Security-Policy (no 'unsafe-eval').
      WEB_MODE: "production",
      // Every spec signs in from 127.0.0.1: the per-address sign-in limit (30 a minute) is not what they test.
      SIGN_IN_ATTEMPTS_PER_MINUTE_IP: "1000",
      // The offline catalogue also serves a few titles with hostile text (packages/tmdb-catalogue,
      // src/hostile.ts), ranked past the popular lists' first two pages: hostile-strings.spec.ts.
      CATALOGUE_HOSTILE_TITLES: "1",
      LOG_LEVEL: "warn",
      // The browser reaches both at 127.0.0.1 (the session cookie's host): the API sends people to
      // the web's consent and device pages, and apps to its own OAuth endpoints, there.
      WEB_URL: `http://127.0.0.1:${webPort}`,
      API_PUBLIC_URL: apiUrl,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
