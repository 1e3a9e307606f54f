// A real API for integration tests: its own database (a copy of the migrated template), its own
// Redis key prefix, and the offline catalogue server as TMDB, over real HTTP on a free port.
import { randomBytes } from "node:crypto";
import { startCatalogueServer, type CatalogueServer } from "@movierec/tmdb-catalogue";
import { hash } from "@node-rs/argon2";
import { encode } from "next-auth/jwt";
import { startWebSession } from "../modules/auth/web-session.service.ts";
import { createTestDatabase, testRedisUrl } from "@movierec/dev-stack/testing";
import { createAppServices } from "../app-services.ts";
import type { SqlQueryCounter } from "../db.ts";
import { parseConfig, type Config } from "../config.ts";
import { createLogger } from "../logger.ts";
import { createApiToken } from "../modules/auth/api-token.service.ts";
import { upsertListItems } from "../modules/media/media-cache.writer.ts";
import { listItemsOf } from "../modules/media/tmdb-into-cache.ts";
import { buildServer } from "../server.ts";

/**
 * The share of a test catalogue's titles that are real films: of 2,000 titles, 800 real films
 * (carrying only what their source says: no cast or overview; Léon among them), 600 invented films
 * with the credits and text TMDB would have, and 600 series.
 */
const TEST_REAL_FILM_SHARE = 0.4;

export const TEST_AUTH_SECRET = "integration-test-auth-secret-0123456789";

export interface GraphQLResponse<Data = Record<string, any>> {
  status: number;
  headers: Headers;
  data?: Data;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string; [key: string]: unknown } }>;
}

export interface TestUser {
  id: string;
  email: string;
  token: string;
  cookie: string;
}

export async function startTestApi(
  options: {
    env?: Record<string, string>;
    catalogueSize?: number;
    catalogue?: CatalogueServer;
    /** Every log line the API writes (at LOG_LEVEL, default silent) is pushed here, parsed. */
    logLines?: Array<Record<string, unknown>>;
    /** A second API process of the same deployment: its database, Redis key prefix and catalogue. */
    sameDeploymentAs?: { config: Config; catalogue: CatalogueServer };
  } = {},
) {
  const peer = options.sameDeploymentAs;
  const database = peer ? { url: peer.config.DATABASE_URL, drop: async () => {} } : await createTestDatabase();
  const size = options.catalogueSize ?? 2_000;
  const catalogue = options.catalogue ?? peer?.catalogue ?? (await startCatalogueServer({ port: 0, size, realFilms: Math.round(size * TEST_REAL_FILM_SHARE) }));
  const config = parseConfig({
    NODE_ENV: "test",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    DATABASE_URL: database.url,
    REDIS_URL: testRedisUrl(),
    REDIS_KEY_PREFIX: peer?.config.REDIS_KEY_PREFIX ?? `t${randomBytes(4).toString("hex")}:`,
    TMDB_API_BASE_URL: catalogue.url,
    AUTH_SECRET: TEST_AUTH_SECRET,
    TMDB_RATE_LIMIT_PER_SECOND: "1000",
    TMDB_MAX_IN_FLIGHT: "50",
    TMDB_TIMEOUT_MS: "3000",
    TMDB_MAX_RETRIES: "1",
    API_RATE_LIMIT_PER_MINUTE_IP: "100000",
    API_RATE_LIMIT_PER_MINUTE_TOKEN: "100000",
    SIGN_IN_ATTEMPTS_PER_MINUTE_IP: "100000",
    ANONYMOUS_TMDB_FALLBACKS_PER_MINUTE: "100000",
    // Tests write titles straight into Postgres and read them through the API at once; the check
    // interval itself is tested in recommendation-serving.int.test.ts.
    CATALOGUE_REFRESH_MS: "0",
    // Every operation compiled by graphql-jit on its first sighting: the whole tier runs the compiled
    // executor (production compiles on the second; graphql/jit-executor.ts).
    GRAPHQL_JIT_SIGHTINGS: "1",
    ...options.env,
  });
  const lines = options.logLines;
  const destination = lines ? { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } : undefined;
  const logger = createLogger({ name: "api-test", level: config.LOG_LEVEL, destination });
  const sqlQueries: SqlQueryCounter = { count: 0 };
  const services = createAppServices({ config, logger, name: "api-test", queryCounter: sqlQueries });
  const app = await buildServer(services);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  let userCount = 0;

  async function graphql<Data = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    auth: { token?: string; cookie?: string; headers?: Record<string, string> } = {},
  ): Promise<GraphQLResponse<Data>> {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        // As current clients (Apollo Client 4, graphql-request) ask: statuses follow graphql/response-status.ts.
        accept: "application/graphql-response+json, application/json;q=0.9",
        ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
        ...(auth.cookie ? { cookie: auth.cookie } : {}),
        ...auth.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Data; errors?: GraphQLResponse["errors"] };
    return { status: response.status, headers: response.headers, ...body };
  }

  /** A user with an API token and a next-auth session cookie, both valid (and a password when given; else provider-only). */
  async function createUser(input: { role?: "USER" | "ADMIN"; password?: string } = {}): Promise<TestUser> {
    userCount += 1;
    const email = `user${userCount}-${randomBytes(3).toString("hex")}@example.test`;
    const passwordHash = input.password ? await hash(input.password) : null;
    const user = await services.prisma.user.create({ data: { email, name: `Test user ${userCount}`, role: input.role ?? "USER", passwordHash } });
    const { secret } = await createApiToken(services, { userId: user.id, name: "test" });
    const sid = await startWebSession(services, { userId: user.id });
    const session = await encode({ token: { sub: user.id, email, sid }, secret: TEST_AUTH_SECRET });
    return { id: user.id, email, token: secret, cookie: `next-auth.session-token=${session}` };
  }

  /** Pages TMDB's popular and top-rated lists (from the catalogue) into MediaCache. */
  async function seedMediaCache(pages = 5): Promise<number> {
    let written = 0;
    for (const kind of ["movie", "tv"] as const) {
      for (const list of ["popular", "top_rated"] as const) {
        for (let page = 1; page <= pages; page++) {
          const result = await services.tmdb.list({ mediaType: kind, list, page });
          written += await upsertListItems(services.prisma, listItemsOf(kind, result.results), `${kind}/${list}`);
        }
      }
    }
    return written;
  }

  async function close() {
    await app.close();
    await services.close();
    if (!options.catalogue && !peer) await catalogue.close();
    await database.drop();
  }

  return { url, app, services, catalogue, config, sqlQueries, graphql, createUser, seedMediaCache, close };
}

export type TestApi = Awaited<ReturnType<typeof startTestApi>>;
