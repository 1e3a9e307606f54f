// The parent's setup for bench/graphql-overhead.ts: the data the queries read (a signed-in user with
// a token, one title in MediaCache), the queries themselves, and the child process with every
// server under test (started from the entry file with BENCH_GRAPHQL_OVERHEAD_ROLE=servers).
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { createPrisma } from "../../../apps/api/src/db.ts";
import { createApiToken } from "../../../apps/api/src/modules/auth/api-token.service.ts";
import { upsertListItems } from "../../../apps/api/src/modules/media/media-cache.writer.ts";
import { listItemsOf } from "../../../apps/api/src/modules/media/tmdb-into-cache.ts";
import type { MovieListItem } from "../../../apps/api/src/tmdb/index.ts";
import { log } from "../report.ts";
import { READY, type QuerySpec, type ServerName } from "./shared.ts";

/** The environment of the child's servers (production, rate limits far above what the bench sends). */
export function serverEnv(urls: { databaseUrl: string; redisUrl: string; catalogueUrl: string }) {
  return {
    NODE_ENV: "production" as const,
    LOG_LEVEL: "warn",
    DATABASE_URL: urls.databaseUrl,
    REDIS_URL: urls.redisUrl,
    REDIS_KEY_PREFIX: "bench-gql:",
    TMDB_API_BASE_URL: urls.catalogueUrl,
    AUTH_SECRET: "bench-secret-0123456789abcdef",
    API_RATE_LIMIT_PER_MINUTE_TOKEN: "100000000",
    API_RATE_LIMIT_PER_MINUTE_IP: "100000000",
  };
}

/** Data the queries read: a signed-in user with a token, one title in MediaCache. */
export async function seedData(databaseUrl: string, catalogueUrl: string): Promise<{ userId: string; token: string; tmdbId: number }> {
  const prisma = createPrisma(databaseUrl);
  const user = await prisma.user.create({ data: { email: "bench-overhead@example.test" } });
  const token = (await createApiToken({ prisma }, { userId: user.id, name: "bench" })).secret;
  const page = (await (await fetch(`${catalogueUrl}/movie/popular?page=1`)).json()) as { results: MovieListItem[] };
  await upsertListItems(prisma, listItemsOf("movie", page.results), "movie/popular");
  const tmdbId = page.results[0]!.id;
  await prisma.$disconnect();
  return { userId: user.id, token, tmdbId };
}

export function queriesFor(data: { userId: string; token: string; tmdbId: number }): QuerySpec[] {
  const { userId, token, tmdbId } = data;
  return [
    {
      name: "genres(type: MOVIE) { id name }, anonymous",
      query: "{ genres(type: MOVIE) { id name } }",
      headers: {},
      check: (answer) => answer?.genres?.length === 19,
    },
    {
      name: "me { id }, bearer token",
      query: "{ me { id } }",
      headers: { authorization: `Bearer ${token}` },
      check: (answer) => answer?.me?.id === userId,
    },
    {
      name: `media(type: MOVIE, tmdbId: ${tmdbId}) { title year }, anonymous`,
      query: `{ media(type: MOVIE, tmdbId: ${tmdbId}) { title year } }`,
      headers: {},
      check: (answer) => typeof answer?.media?.title === "string",
    },
    {
      // A page as the web app's browse asks for it: 20 cards, each with the caller's state.
      name: "browse(first: 20) { 20 cards with the caller's state }, bearer token",
      query: `{ browse(filter: { type: MOVIE }, first: 20) { edges { cursor node { __typename id type tmdbId title year posterUrl(size: W342) voteAverage isFavourite inWatchlist watchedAt isDismissed myRating } } pageInfo { endCursor hasNextPage } } }`,
      headers: { authorization: `Bearer ${token}` },
      check: (answer) => answer?.browse?.edges?.length === 20 && answer.browse.edges.every((edge) => edge.node?.isFavourite === false),
    },
  ];
}

export interface ServersProcess {
  child: ChildProcess;
  ports: Record<ServerName, number>;
  /** The child's CPU time so far (user + system, ms), asked over the IPC channel. */
  serverCpuMs(): Promise<number>;
}

/** Starts `entry` again as the servers' process (`onSpawn` gets it at once, for cleanup) and waits until every server listens. */
export async function startServersProcess(entry: string, env: ReturnType<typeof serverEnv>, onSpawn: (child: ChildProcess) => void): Promise<ServersProcess> {
  const servers = spawn(process.execPath, ["--import", "tsx", entry], {
    env: { PATH: process.env.PATH ?? "", ...env, BENCH_GRAPHQL_OVERHEAD_ROLE: "servers" },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  onSpawn(servers);
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
  return { child: servers, ports, serverCpuMs };
}
