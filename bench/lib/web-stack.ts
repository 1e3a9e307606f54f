// The whole product as production runs it, for benchmarks that drive the web app with a browser
// (web-repeat-visit, lighthouse): `next build` + `next start` for apps/web (web.ts), the API's
// production build (`node dist/main.js`) as its own process behind the web app's /graphql rewrite,
// ephemeral Postgres + Redis, and the offline catalogue cached with details. A small crowd of users
// with favourites makes the collaborative signal real; the measured user has ten favourites and
// liked genres (signed up through the API, so with a real password hash) and is onboarded.
import { randomBytes } from "node:crypto";
import { startBackingServices } from "../../packages/dev-stack/src/services.ts";
import { anyFreePort } from "../../packages/dev-stack/src/ports.ts";
import { mulberry32, startCatalogueServer } from "../../packages/tmdb-catalogue/src/index.ts";
import { createAppServices } from "../../apps/api/src/app-services.ts";
import { parseConfig } from "../../apps/api/src/config.ts";
import { createLogger } from "../../apps/api/src/logger.ts";
import { spawnProductProcess, waitUntil, type ProductProcess } from "../../apps/api/src/test-support/processes.ts";
import { trainCrowdModel, createCrowd, pickFavourites, popularTitles, TASTES } from "./crowd.ts";
import { benchApiEnv } from "./api-env.ts";
import { log } from "./report.ts";
import { cacheWholeCatalogue } from "./seed-cache.ts";
import { buildWeb, chromiumLaunchOptions, playwright, startWeb, type WebBuild, type WebServer } from "./web.ts";

export interface WebBenchStack {
  web: WebServer;
  apiUrl: string;
  /** The measured user: signed up, onboarded, ten favourites. */
  user: { id: string; email: string; password: string; name: string; favourites: number; likedGenreIds: readonly number[] };
  /** How many titles are cached (with details). */
  titles: number;
  build: WebBuild;
  /** A popular film's TMDB id (for its title page). */
  movieTmdbId: number;
  /** What the API process has written to stdout and stderr so far. */
  apiOutput(): string;
  close(): Promise<void>;
}

export async function startWebBenchStack(options: { name: string; titles: number; crowd: number }): Promise<WebBenchStack> {
  const authSecret = `bench-${options.name}-${randomBytes(12).toString("hex")}`;
  const apiPort = await anyFreePort();
  const webPort = await anyFreePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;

  const catalogue = await startCatalogueServer({ port: 0, size: options.titles });
  const webEnv = { apiUrl, webPort, authSecret, imageOrigins: new URL(catalogue.url).origin };
  // The build first, while nothing else of this benchmark runs (the catalogue server only listens).
  log("next build (apps/web, production)…");
  const build = buildWeb(webEnv);
  log(`next build took ${build.seconds.toFixed(1)} s${build.warnings.length ? `; warnings:\n${build.warnings.join("\n")}` : ", no warnings"}`);
  const backing = await startBackingServices({ mode: "ephemeral", database: `movierec_bench_${options.name.replace(/\W/g, "_")}`, log });

  const env = {
    ...benchApiEnv({ databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl, catalogueUrl: catalogue.url, name: options.name, authSecret }),
    API_PORT: String(apiPort),
  };
  const services = createAppServices({ config: parseConfig(env), logger: createLogger({ name: "bench", level: "warn" }), name: "bench" });
  let api: ProductProcess | undefined;
  let web: WebServer | undefined;
  const close = async () => {
    await web?.stop();
    await api?.kill("SIGTERM");
    await services.close();
    await catalogue.close();
    await backing.stop();
  };
  try {
    const titles = await cacheWholeCatalogue(services.prisma, catalogue.catalogue, log);
    const popular = await popularTitles(services.prisma, titles);
    await createCrowd(services.prisma, popular, options.crowd, log);

    api = spawnProductProcess("src/main.ts", env, { production: true });
    await waitUntil("the API answers /readyz", async () => (await fetch(`${apiUrl}/readyz`).catch(() => null))?.ok === true, 60_000).catch((error) => {
      throw new Error(`${(error as Error).message}\n${api!.output()}`);
    });

    const account = {
      email: `${options.name}-bench-${randomBytes(3).toString("hex")}@example.test`,
      password: `pw-${randomBytes(6).toString("hex")}`,
      name: "Web Bench",
    };
    const signUp = (await (
      await fetch(`${apiUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "mutation($input: SignUpInput!) { signUp(input: $input) { id } }", variables: { input: account } }),
      })
    ).json()) as { data?: { signUp: { id: string } }; errors?: unknown };
    if (!signUp.data) throw new Error(`signUp failed: ${JSON.stringify(signUp.errors)}`);
    const userId = signUp.data.signUp.id;
    const taste = TASTES[0]!;
    await services.prisma.preference.upsert({
      where: { userId },
      create: { userId, likedGenreIds: [...taste], onboardedAt: new Date() },
      update: { likedGenreIds: [...taste], onboardedAt: new Date() },
    });
    const loved = pickFavourites(popular, taste, 10, mulberry32(11));
    await services.prisma.interaction.createMany({
      data: loved.map((title) => ({ userId, mediaType: title.mediaType, tmdbId: title.tmdbId, kind: "FAVOURITE" as const })),
    });
    await trainCrowdModel(services.prisma, log);
    const movie = popular.find((title) => title.mediaType === "MOVIE")!;

    web = await startWeb(webEnv);
    log(`web app (next start) at ${web.url}, API (dist/main.js) at ${apiUrl}`);
    return {
      web,
      apiUrl,
      user: { ...account, id: userId, favourites: loved.length, likedGenreIds: taste },
      movieTmdbId: movie.tmdbId,
      titles,
      build,
      apiOutput: () => api?.output() ?? "",
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/** The session cookie of the bench's user, signed in through the real /signin page. */
export async function sessionCookie(stack: WebBenchStack): Promise<string> {
  const browser = await playwright.chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ baseURL: stack.web.url });
    await page.goto("/signin");
    await page.getByLabel("Email").fill(stack.user.email);
    await page.getByLabel("Password").fill(stack.user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/home", { timeout: 30_000 });
    const cookies = await page.context().cookies();
    return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  } finally {
    await browser.close();
  }
}
