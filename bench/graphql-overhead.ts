// GraphQL overhead: small queries through our server (Fastify + Apollo Server + graphql-armor +
// rate limit + auth context, `buildServer`) against the same executable schema run by plain
// graphql-js (`parse` / `validate` / `execute`) behind plain `node:http`, with the context built
// the way our server builds it (viewer, per-request DataLoaders, services), so resolvers do the same work.
//
// Process layout: every server under test runs in ONE child process (this file again, with
// BENCH_GRAPHQL_OVERHEAD_ROLE=servers), sharing one set of AppServices (Prisma pool, Redis); the
// load generator (keep-alive `node:http` client) is this process. Only one server is loaded at a
// time: rounds alternate the servers (rotating the order) so they share the machine's noise.
// Three more servers in the child split our overhead up: "plain+doc-cache" keeps parsed and
// validated documents by query text as Apollo Server does (so it is the fair floor for repeated
// queries); "fastify+apollo+armor" is server.ts's own GraphQL stack put together from its parts
// (httpOptions, resolveCaller, createApollo, createContext) without the rate limit (nor the onSend
// header, error handler, other routes), and "fastify+apollo" the same with graphql-armor left out.
//
// Run: node --import tsx bench/graphql-overhead.ts   (writes bench/results/graphql-overhead.json)
// Smaller: BENCH_ROUNDS=3 BENCH_BATCH_C1=50 BENCH_BATCH_C16=200 node --import tsx bench/graphql-overhead.ts
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import fastifyApollo, { fastifyApolloDrainPlugin } from "../apps/api/node_modules/@as-integrations/fastify/build/esm/index.js";
import Fastify, { type FastifyBaseLogger } from "../apps/api/node_modules/fastify/fastify.js";
import { execute, parse, validate, type DocumentNode, type GraphQLSchema } from "../apps/api/node_modules/graphql/index.js";
import { startBackingServices } from "../packages/dev-stack/src/services.ts";
import { startCatalogueServer } from "../packages/tmdb-catalogue/src/index.ts";
import { createAppServices } from "../apps/api/src/app-services.ts";
import { parseConfig } from "../apps/api/src/config.ts";
import { createPrisma } from "../apps/api/src/db.ts";
import type { AppServices } from "../apps/api/src/app-services.ts";
import type { GraphQLContext } from "../apps/api/src/graphql/context.ts";
import { createLoaders } from "../apps/api/src/graphql/loaders.ts";
import { getSchema } from "../apps/api/src/graphql/schema.ts";
import { createLogger } from "../apps/api/src/logger.ts";
import { createApiToken } from "../apps/api/src/modules/auth/api-token.service.ts";
import { INTERNAL_KEY_HEADER, isInternalCaller } from "../apps/api/src/modules/auth/oauth-account.service.ts";
import { resolveViewer } from "../apps/api/src/modules/auth/viewer.ts";
import { upsertListItems } from "../apps/api/src/modules/media/media-cache.writer.ts";
import { listItemsOf } from "../apps/api/src/modules/media/tmdb-into-cache.ts";
import type { MovieListItem } from "../apps/api/src/tmdb/index.ts";
import { httpOptions, resolveCaller } from "../apps/api/src/http/guards.ts";
import { createApollo } from "../apps/api/src/graphql/apollo.ts";
import { createContext } from "../apps/api/src/graphql/create-context.ts";
import { buildServer } from "../apps/api/src/server.ts";
import { AppError } from "../apps/api/src/errors.ts";
import { log, percentile, round, writeResult, type SummaryRow } from "./lib/report.ts";

const SERVERS = ["ours", "fastify+apollo+armor", "fastify+apollo", "plain+doc-cache", "plain"] as const;
type ServerName = (typeof SERVERS)[number];
const READY = "BENCH-SERVERS-READY ";

if (process.env.BENCH_GRAPHQL_OVERHEAD_ROLE === "servers") await serve();
else await orchestrate();

// ─── the child: every server under test, one process ──────────────────────────────────────────

async function serve(): Promise<void> {
  const config = parseConfig(process.env);
  const logger = createLogger({ name: "bench-graphql", level: "warn" });
  const services = createAppServices({ config, logger, name: "bench-graphql" });
  const schema = await getSchema();
  const apps = {
    ours: await buildServer(services),
    "fastify+apollo+armor": await buildFastifyApollo(services, { armor: true }),
    "fastify+apollo": await buildFastifyApollo(services, { armor: false }),
  };
  const ports: Record<string, number> = {};
  for (const [name, app] of Object.entries(apps)) {
    await app.listen({ port: 0, host: "127.0.0.1" });
    ports[name] = (app.server.address() as AddressInfo).port;
  }
  const plains = { "plain+doc-cache": plainServer(services, schema, { documentCache: true }), plain: plainServer(services, schema, { documentCache: false }) };
  for (const [name, plain] of Object.entries(plains)) {
    // Fastify keeps idle connections 72 s; node:http's default is 5 s. The same for all, so an idle
    // round never costs one of them a reconnect.
    plain.keepAliveTimeout = 72_000;
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    ports[name] = (plain.address() as AddressInfo).port;
  }
  // The parent asks for this process's CPU time around each batch (over the IPC channel, outside the timed part).
  process.on("message", (message) => {
    if (message === "cpu") process.send!({ cpu: process.cpuUsage() });
  });
  process.stdout.write(`${READY}${JSON.stringify(ports)}\n`);
  const close = async () => {
    for (const app of Object.values(apps)) await app.close();
    for (const plain of Object.values(plains)) {
      plain.closeAllConnections();
      await new Promise((resolve) => plain.close(resolve));
    }
    await services.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void close());
}

/** server.ts's GraphQL stack (its Fastify options, caller hook, Apollo with its limits, context), without the rate limit and the other guards (and without armor unless asked). */
async function buildFastifyApollo(services: AppServices, options: { armor: boolean }) {
  const app = Fastify({ loggerInstance: services.logger as FastifyBaseLogger, ...httpOptions(services.config) });
  const apollo = await createApollo({ logger: services.logger, plugins: [fastifyApolloDrainPlugin(app)], armor: options.armor });
  await app.register(async (graphql) => {
    graphql.addHook("onRequest", resolveCaller(services));
    await graphql.register(fastifyApollo(apollo), {
      path: "/graphql",
      method: ["GET", "POST", "OPTIONS"],
      context: async (request) => createContext(services, request),
    });
  });
  return app;
}

/**
 * The same schema and context with nothing but node:http and graphql-js. With `documentCache`,
 * parsed and validated documents are kept by query text, as Apollo Server does by default (its
 * documentStore): a repeated query then skips parse and validate.
 */
function plainServer(services: AppServices, schema: GraphQLSchema, options: { documentCache: boolean }): http.Server {
  const { config, logger } = services;
  const documents = new Map<string, DocumentNode>();
  const send = (response: http.ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
    response.end(text);
  };
  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (request.method !== "POST" || request.url !== "/graphql") return send(response, 404, { errors: [{ message: "not found" }] });
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { query: string; variables?: Record<string, unknown>; operationName?: string };
    let viewer: Awaited<ReturnType<typeof resolveViewer>>;
    try {
      viewer = await resolveViewer({
        prisma: services.prisma,
        authSecret: config.AUTH_SECRET,
        authorization: request.headers.authorization,
        cookie: request.headers.cookie,
      });
    } catch (error) {
      return send(response, error instanceof AppError ? 401 : 500, { errors: [{ message: (error as Error).message }] });
    }
    let document = options.documentCache ? documents.get(body.query) : undefined;
    if (!document) {
      try {
        document = parse(body.query);
      } catch (error) {
        return send(response, 400, { errors: [error] });
      }
      const errors = validate(schema, document);
      if (errors.length) return send(response, 400, { errors });
      if (options.documentCache) documents.set(body.query, document);
    }
    const requestId = randomUUID();
    const contextValue: GraphQLContext = {
      ...services,
      logger: logger.child({ requestId }),
      requestId,
      clientIp: request.socket.remoteAddress ?? "",
      viewer,
      internal: isInternalCaller(request.headers[INTERNAL_KEY_HEADER], config.AUTH_SECRET),
      loaders: createLoaders({ prisma: services.prisma, enrichment: services.enrichment, userId: viewer?.userId ?? null }),
    };
    send(response, 200, await execute({ schema, document, variableValues: body.variables, operationName: body.operationName, contextValue }));
  };
  return http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error({ err: error }, "plain server: unexpected error");
      if (!response.headersSent) send(response, 500, { errors: [{ message: "internal error" }] });
    });
  });
}

// ─── the parent: data, the child, the load ────────────────────────────────────────────────────

interface Batch {
  latencies: number[];
  wallMs: number;
  /** CPU time (user + system) the server process spent during the batch. */
  cpuMs: number;
}

async function orchestrate(): Promise<void> {
  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
  const BATCH = { 1: Number(process.env.BENCH_BATCH_C1 ?? 100), 16: Number(process.env.BENCH_BATCH_C16 ?? 400) } as Record<number, number>;
  const WARMUP = Number(process.env.BENCH_WARMUP ?? 1_500);
  const CONCURRENCIES = [1, 16];

  const backing = await startBackingServices({ mode: "ephemeral", database: "movierec_bench_gql", log });
  const catalogue = await startCatalogueServer({ port: 0, size: 2_000 });
  let child: ChildProcess | undefined;
  try {
    const env = {
      NODE_ENV: "production" as const,
      LOG_LEVEL: "warn",
      DATABASE_URL: backing.databaseUrl,
      REDIS_URL: backing.redisUrl,
      REDIS_KEY_PREFIX: "bench-gql:",
      TMDB_API_BASE_URL: catalogue.url,
      AUTH_SECRET: "bench-secret-0123456789abcdef",
      API_RATE_LIMIT_PER_MINUTE_TOKEN: "100000000",
      API_RATE_LIMIT_PER_MINUTE_IP: "100000000",
    };
    // Data the queries read: a signed-in user with a token, one title in MediaCache.
    const prisma = createPrisma(backing.databaseUrl);
    const user = await prisma.user.create({ data: { email: "bench-overhead@example.test" } });
    const token = (await createApiToken({ prisma }, { userId: user.id, name: "bench" })).secret;
    const page = (await (await fetch(`${catalogue.url}/movie/popular?page=1`)).json()) as { results: MovieListItem[] };
    await upsertListItems(prisma, listItemsOf("movie", page.results), "movie/popular");
    const tmdbId = page.results[0]!.id;
    await prisma.$disconnect();

    const servers = spawn(process.execPath, ["--import", "tsx", new URL(import.meta.url).pathname], {
      env: { PATH: process.env.PATH ?? "", ...env, BENCH_GRAPHQL_OVERHEAD_ROLE: "servers" },
      stdio: ["ignore", "pipe", "inherit", "ipc"],
    });
    child = servers;
    const ports = await new Promise<Record<ServerName, number>>((resolve, reject) => {
      servers.once("exit", (code) => reject(new Error(`server process exited (${code}) before it was ready`)));
      createInterface({ input: servers.stdout! }).on("line", (line) => {
        if (line.startsWith(READY)) resolve(JSON.parse(line.slice(READY.length)));
        else process.stdout.write(`[servers] ${line}\n`);
      });
    });
    log(`servers in one child process (pid ${servers.pid}): ${JSON.stringify(ports)}`);
    const serverCpuMs = () =>
      new Promise<number>((resolve) => {
        servers.once("message", (message) => {
          const { cpu } = message as { cpu: NodeJS.CpuUsage };
          resolve((cpu.user + cpu.system) / 1000);
        });
        servers.send("cpu");
      });

    const queries = [
      {
        name: "genres(type: MOVIE) { id name }, anonymous",
        query: "{ genres(type: MOVIE) { id name } }",
        headers: {} as Record<string, string>,
        check: (data: any) => data?.genres?.length === 19,
      },
      {
        name: "me { id }, bearer token",
        query: "{ me { id } }",
        headers: { authorization: `Bearer ${token}` },
        check: (data: any) => data?.me?.id === user.id,
      },
      {
        name: `media(type: MOVIE, tmdbId: ${tmdbId}) { title year }, anonymous`,
        query: `{ media(type: MOVIE, tmdbId: ${tmdbId}) { title year } }`,
        headers: {} as Record<string, string>,
        check: (data: any) => typeof data?.media?.title === "string",
      },
    ];

    const agents = new Map<string, http.Agent>();
    const agent = (server: ServerName, concurrency: number) => {
      const key = `${server}/${concurrency}`;
      if (!agents.has(key)) agents.set(key, new http.Agent({ keepAlive: true, maxSockets: concurrency }));
      return agents.get(key)!;
    };
    const post = (server: ServerName, concurrency: number, body: string, headers: Record<string, string>) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const request = http.request(
          {
            host: "127.0.0.1",
            port: ports[server],
            path: "/graphql",
            method: "POST",
            agent: agent(server, concurrency),
            headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers },
          },
          (response) => {
            let text = "";
            response.setEncoding("utf8");
            response.on("data", (chunk) => (text += chunk));
            response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
            response.on("error", reject);
          },
        );
        request.on("error", reject);
        request.end(body);
      });
    const batch = async (server: ServerName, concurrency: number, count: number, spec: (typeof queries)[number]): Promise<Batch> => {
      const body = JSON.stringify({ query: spec.query });
      const latencies: number[] = [];
      let next = 0;
      const cpuBefore = await serverCpuMs();
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next++ < count) {
            const t0 = performance.now();
            const { status, text } = await post(server, concurrency, body, spec.headers);
            latencies.push(performance.now() - t0);
            const parsed = JSON.parse(text) as { data?: unknown; errors?: unknown };
            if (status !== 200 || parsed.errors || !spec.check(parsed.data))
              throw new Error(`${server}: bad answer to ${spec.query} (${status}): ${text.slice(0, 300)}`);
          }
        }),
      );
      const wallMs = performance.now() - started;
      return { latencies, wallMs, cpuMs: (await serverCpuMs()) - cpuBefore };
    };

    const results: Array<{
      query: string;
      concurrency: number;
      server: ServerName;
      p50Ms: number;
      p99Ms: number;
      requestsPerSecond: number;
      requestsPerSecondPerRound: number[];
      serverCpuMsPerRequest: number;
      requests: number;
    }> = [];
    const find = (query: string, concurrency: number, server: ServerName) =>
      results.find((entry) => entry.query === query && entry.concurrency === concurrency && entry.server === server)!;
    for (const spec of queries) {
      for (const server of SERVERS) await batch(server, 4, WARMUP, spec);
      for (const concurrency of CONCURRENCIES) {
        const collected = new Map<ServerName, Batch[]>(SERVERS.map((server) => [server, []]));
        for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex++) {
          const order = SERVERS.map((_server, index) => SERVERS[(index + roundIndex) % SERVERS.length]!);
          for (const server of order) collected.get(server)!.push(await batch(server, concurrency, BATCH[concurrency]!, spec));
        }
        for (const server of SERVERS) {
          const batches = collected.get(server)!;
          const latencies = batches.flatMap((entry) => entry.latencies);
          const perRound = batches.map((entry) => Math.round((entry.latencies.length / entry.wallMs) * 1000));
          results.push({
            query: spec.name,
            concurrency,
            server,
            p50Ms: round(percentile(latencies, 50), 2),
            p99Ms: round(percentile(latencies, 99), 2),
            // The median round: one round disturbed by something else on the machine does not move it.
            requestsPerSecond: percentile(perRound, 50),
            requestsPerSecondPerRound: perRound,
            serverCpuMsPerRequest: round(batches.reduce((sum, entry) => sum + entry.cpuMs, 0) / latencies.length, 3),
            requests: latencies.length,
          });
        }
        log(
          `${spec.name}, c=${concurrency}: ` +
            SERVERS.map((server) => {
              const entry = find(spec.name, concurrency, server);
              return `${server} ${entry.p50Ms}/${entry.p99Ms} ms ${entry.requestsPerSecond}/s cpu ${entry.serverCpuMsPerRequest} ms`;
            }).join(" | "),
        );
      }
    }

    // Summary: per query and concurrency, ours against plain graphql-js (and against plain with a
    // document cache, which is what Apollo does); then what ours adds per request and where it goes.
    const summary: SummaryRow[] = [];
    const breakdown: Record<string, unknown>[] = [];
    const ratio = (a: number, b: number) => `×${round(a / b, 2)}`;
    const signed = (value: number) => `${value >= 0 ? "+" : ""}${value}`;
    for (const spec of queries) {
      for (const concurrency of CONCURRENCIES) {
        const ours = find(spec.name, concurrency, "ours");
        const plain = find(spec.name, concurrency, "plain");
        const cached = find(spec.name, concurrency, "plain+doc-cache");
        const figures = (entry: typeof ours) => `${entry.p50Ms} / ${entry.p99Ms} ms, ${entry.requestsPerSecond}/s`;
        summary.push({
          measure: `${spec.name}, c=${concurrency}: p50 / p99, req/s — ours vs plain graphql-js (vs plain + document cache)`,
          value:
            `${figures(ours)} vs ${figures(plain)} (${figures(cached)}); ` +
            `ours/plain p50 ${ratio(ours.p50Ms, plain.p50Ms)}, p99 ${ratio(ours.p99Ms, plain.p99Ms)}, req/s ${ratio(ours.requestsPerSecond, plain.requestsPerSecond)} ` +
            `(ours/plain+cache p50 ${ratio(ours.p50Ms, cached.p50Ms)}, req/s ${ratio(ours.requestsPerSecond, cached.requestsPerSecond)})`,
        });
      }
      // Added per request: the server process's CPU time per request (both concurrencies pooled;
      // steadier than throughput on a shared 2-core machine), split along the servers in between;
      // and the p50 difference at c=1 (wall time).
      const cpu = (server: ServerName) => {
        const entries = CONCURRENCIES.map((concurrency) => find(spec.name, concurrency, server));
        return entries.reduce((sum, entry) => sum + entry.serverCpuMsPerRequest * entry.requests, 0) / entries.reduce((sum, entry) => sum + entry.requests, 0);
      };
      const split = (value: (server: ServerName) => number) => ({
        ours: round(value("ours"), 3),
        plain: round(value("plain"), 3),
        plainWithDocumentCache: round(value("plain+doc-cache"), 3),
        vsPlain: round(value("ours") - value("plain"), 3),
        vsPlainWithDocumentCache: round(value("ours") - value("plain+doc-cache"), 3),
        fastifyApollo: round(value("fastify+apollo") - value("plain+doc-cache"), 3),
        armor: round(value("fastify+apollo+armor") - value("fastify+apollo"), 3),
        rateLimitAndRest: round(value("ours") - value("fastify+apollo+armor"), 3),
        parseAndValidate: round(value("plain") - value("plain+doc-cache"), 3),
      });
      const cpuSplit = split(cpu);
      const latency = split((server) => find(spec.name, 1, server).p50Ms);
      breakdown.push({ query: spec.name, serverCpuMsPerRequest: cpuSplit, p50MsAtC1: latency });
      const text = (entry: typeof latency) =>
        `${entry.ours} vs ${entry.plain} ms (${signed(entry.vsPlain)}; ${signed(entry.vsPlainWithDocumentCache)} vs plain+cache ${entry.plainWithDocumentCache} ` +
        `= Fastify+Apollo ${entry.fastifyApollo}, armor ${entry.armor}, rate limit & rest ${entry.rateLimitAndRest}; parse+validate, which Apollo's cache saves, ${entry.parseAndValidate})`;
      summary.push({ measure: `${spec.name}: server CPU per request, ours vs plain`, value: text(cpuSplit) });
      summary.push({ measure: `${spec.name}: p50 at c=1, ours vs plain`, value: text(latency) });
    }
    writeResult("graphql-overhead", {
      title: "GraphQL overhead: our server (Fastify + Apollo + armor + rate limit + auth) against plain node:http + graphql-js on the same schema and context",
      summary,
      layout:
        "all servers in one child process sharing one AppServices; keep-alive node:http client in the parent; servers alternated in rotating order each round",
      rounds: ROUNDS,
      batch: BATCH,
      warmupPerServerAndQuery: WARMUP,
      servers: {
        ours: "buildServer (apps/api/src/server.ts)",
        "fastify+apollo+armor":
          "server.ts's GraphQL stack from its own parts (httpOptions, resolveCaller, createApollo, createContext), without the rate limit, onSend header, error handler, playground and queue routes",
        "fastify+apollo": "the same without graphql-armor",
        "plain+doc-cache": "node:http + graphql-js execute, parsed+validated documents kept by query text (as Apollo's documentStore), same viewer and context",
        plain: "node:http + graphql-js parse/validate/execute on every request, same viewer and context",
      },
      breakdown,
      results,
    });
  } finally {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child!.once("exit", resolve));
    }
    await catalogue.close();
    await backing.stop();
  }
}
