// Faults under the start command (`npm start`, packages/dev-stack/src/start.ts), as a person runs
// the product: the API and then the worker are killed with SIGKILL while a client adds favourites
// non-stop. The start command must bring each back by itself (no human), the client's errors are
// counted by kind, and every favourite the API acknowledged must be in the person's list at the end.
// Used by bench/faults.ts (stage e).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { encode } from "../../apps/api/node_modules/next-auth/jwt/index.js";
import { INTERNAL_KEY_HEADER, internalKey } from "../../apps/api/src/modules/auth/oauth-account.service.ts";
import { dataRoot, repoRoot } from "../../packages/dev-stack/src/paths.ts";
import { anyFreePort } from "../../packages/dev-stack/src/ports.ts";
import type { SummaryRow } from "./report.ts";

const AUTH_SECRET = "start-command-faults-secret-0123456789";
const CLIENT_TIMEOUT_MS = 15_000;
/** The writer's pause between favourites (about 10 a second). */
const THINK_MS = 100;

// biome-ignore lint/suspicious/noExplicitAny: answers of several operations, each read field by field where it is sent
type Gql = (query: string, variables: Record<string, unknown>, headers?: Record<string, string>) => Promise<{ status: number; body: any }>;

interface Observed {
  requests: number;
  acknowledged: number;
  errors: Record<string, number>;
  /** ms from the kill to the first acknowledged write after it. */
  recoveredAfterMs: number | null;
}

/** The pid of the start command's child whose command line contains `marker`. */
function childPid(parent: number, marker: string): number | undefined {
  const listing = spawnSync("ps", ["-o", "pid=,args=", "--ppid", String(parent)], { encoding: "utf8" }).stdout;
  const line = listing.split("\n").find((entry) => entry.includes(marker));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

async function until(check: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `npm start` on its own data and free ports, with the rate limits out of the writer's way. */
async function startProduct(log: (message: string) => void) {
  const dataDir = path.join(dataRoot, "tmp", `bench-start-command-faults-${process.pid}`);
  const [apiPort, webPort, cataloguePort] = [await anyFreePort(), await anyFreePort(), await anyFreePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MOVIEREC_DATA_DIR: dataDir,
    API_PORT: String(apiPort),
    WEB_PORT: String(webPort),
    CATALOGUE_PORT: String(cataloguePort),
    POSTGRES_PORT: "",
    REDIS_PORT: "",
    AUTH_SECRET,
    CATALOGUE_SIZE: "2000",
    LOG_LEVEL: "warn",
    API_RATE_LIMIT_PER_MINUTE_TOKEN: "100000",
  };
  for (const key of ["DATABASE_URL", "REDIS_URL", "TMDB_API_TOKEN", "TMDB_API_KEY"]) delete env[key];
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "packages/dev-stack/src/start.ts")], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const stop = async () => {
    child.kill("SIGINT");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  };
  const started = performance.now();
  try {
    await until(() => output.includes("movierec is running") || child.exitCode !== null, 300_000, "the start command");
    if (child.exitCode !== null) throw new Error(`the start command exited with ${child.exitCode}:\n${output.slice(-3000)}`);
  } catch (error) {
    await stop();
    throw error;
  }
  log(`npm start ready in ${Math.round((performance.now() - started) / 1000)} s (API on :${apiPort})`);
  const gql: Gql = async (query, variables, headers = {}) => {
    const response = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    return { status: response.status, body: await response.json() };
  };
  return { pid: child.pid!, output: () => output, gql, stop };
}

/** A person signed in as the web server signs one in, with an API token made from that session; and titles to favourite. */
async function personAndTitles(gql: Gql) {
  const email = `faults-${Date.now()}@example.test`;
  const userId = (await gql("mutation($input: SignUpInput!) { signUp(input: $input) { id } }", { input: { email, password: "long-enough-1" } })).body.data
    .signUp.id;
  const internal = { [INTERNAL_KEY_HEADER]: internalKey(AUTH_SECRET) };
  const sid = (await gql("mutation($userId: ID!) { startWebSession(userId: $userId) }", { userId }, internal)).body.data.startWebSession;
  const cookie = `next-auth.session-token=${await encode({ token: { sub: userId, email, sid }, secret: AUTH_SECRET })}`;
  const token = (await gql(`mutation { createApiToken(input: { name: "faults" }) { secret } }`, {}, { cookie })).body.data.createApiToken.secret as string;
  const refs: Array<{ type: string; tmdbId: number }> = [];
  for (const type of ["MOVIE", "TV"]) {
    const page = await gql(`query($type: MediaType!) { browse(filter: { type: $type }, first: 50) { edges { node { tmdbId } } } }`, { type });
    for (const edge of page.body.data.browse.edges) refs.push({ type, tmdbId: edge.node.tmdbId });
  }
  return { token, refs };
}

/** Adds favourites one after another until stopped, remembering each the API acknowledged and counting every failure by kind. */
function startWriter(gql: Gql, token: string, refs: Array<{ type: string; tmdbId: number }>) {
  const acknowledged = new Set<string>();
  const state = { writing: true, killedAt: null as number | null, observed: { requests: 0, acknowledged: 0, errors: {}, recoveredAfterMs: null } as Observed };
  const count = (kind: string) => (state.observed.errors[kind] = (state.observed.errors[kind] ?? 0) + 1);
  const done = (async () => {
    for (let index = 0; state.writing; index++) {
      const ref = refs[index % refs.length]!;
      state.observed.requests += 1;
      try {
        const result = await gql(
          "mutation($media: MediaRefInput!) { addFavourite(media: $media) { id } }",
          { media: ref },
          { authorization: `Bearer ${token}` },
        );
        const code = result.body.errors?.[0]?.extensions?.code as string | undefined;
        if (result.status !== 200 || code) count(code ?? `HTTP ${result.status}`);
        else {
          acknowledged.add(`${ref.type}:${ref.tmdbId}`);
          state.observed.acknowledged += 1;
          if (state.killedAt !== null && state.observed.recoveredAfterMs === null)
            state.observed.recoveredAfterMs = Math.round(performance.now() - state.killedAt);
        }
      } catch (error) {
        count((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name);
      }
      await new Promise((resolve) => setTimeout(resolve, THINK_MS));
    }
  })();
  return { acknowledged, state, stop: async () => ((state.writing = false), await done) };
}

/** Kills one of the start command's processes and watches it come back while the writer writes. */
async function killAndWatch(product: Awaited<ReturnType<typeof startProduct>>, writer: ReturnType<typeof startWriter>, name: "api" | "worker", marker: string) {
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  writer.state.observed = { requests: 0, acknowledged: 0, errors: {}, recoveredAfterMs: null };
  const pid = childPid(product.pid, marker);
  if (!pid) throw new Error(`no ${name} process under the start command`);
  const from = product.output().length;
  const killedAt = performance.now();
  writer.state.killedAt = killedAt;
  process.kill(pid, "SIGKILL");
  await until(() => product.output().slice(from).includes(`${name} restarted`), 60_000, `the ${name} to be restarted`);
  const restartedAfterMs = Math.round(performance.now() - killedAt);
  await until(() => writer.state.observed.recoveredAfterMs !== null, 60_000, "writes to succeed again");
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  writer.state.killedAt = null;
  return {
    ...writer.state.observed,
    restartedAfterMs,
    newPid: childPid(product.pid, marker),
    startLog:
      product
        .output()
        .slice(from)
        .match(new RegExp(`\\[movierec\\] ${name} [^\\n]*`, "g")) ?? [],
  };
}

/** Every favourite in the person's list, read page by page. */
async function listedFavourites(gql: Gql, token: string): Promise<Set<string>> {
  const listed = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const page = await gql(
      "query($after: String) { favourites(first: 50, after: $after) { edges { node { type tmdbId } } pageInfo { hasNextPage endCursor } } }",
      { after },
      { authorization: `Bearer ${token}` },
    );
    const favourites = page.body.data.favourites;
    for (const edge of favourites.edges) listed.add(`${edge.node.type}:${edge.node.tmdbId}`);
    if (!favourites.pageInfo.hasNextPage) return listed;
    after = favourites.pageInfo.endCursor;
  }
}

const errorsText = (errors: Record<string, number>) =>
  Object.entries(errors)
    .map(([code, count]) => `${count} ${code}`)
    .join(", ") || "none";

export async function startCommandFaults(log: (message: string) => void): Promise<{ rows: SummaryRow[]; details: Record<string, unknown> }> {
  const product = await startProduct(log);
  try {
    const { token, refs } = await personAndTitles(product.gql);
    const writer = startWriter(product.gql, token, refs);
    const api = await killAndWatch(product, writer, "api", "src/main.ts");
    log(`SIGKILL api: ${JSON.stringify(api)}`);
    const worker = await killAndWatch(product, writer, "worker", "src/worker.ts");
    log(`SIGKILL worker: ${JSON.stringify(worker)}`);
    await writer.stop();
    const listed = await listedFavourites(product.gql, token);
    const lost = [...writer.acknowledged].filter((key) => !listed.has(key));
    const stoppedEverything = /stopping everything/.test(product.output());
    const rows: SummaryRow[] = [
      {
        measure: "e. npm start, API SIGKILLed under writes: restarted by the start command after; writes again after; what the writer saw",
        value: `${(api.restartedAfterMs / 1000).toFixed(1)} s; ${((api.recoveredAfterMs ?? Number.NaN) / 1000).toFixed(1)} s; ${api.requests} requests, errors: ${errorsText(api.errors)}`,
        target: "restarted without a human",
        met: api.recoveredAfterMs !== null && api.newPid !== undefined,
      },
      {
        measure: "e. npm start, worker SIGKILLed: restarted after; what the writer saw meanwhile",
        value: `${(worker.restartedAfterMs / 1000).toFixed(1)} s; ${worker.requests} requests, errors: ${errorsText(worker.errors)}`,
        target: "restarted, 0 errors",
        met: worker.newPid !== undefined && Object.keys(worker.errors).length === 0,
      },
      {
        measure: "e. npm start: acknowledged favourites lost; the rest of the product stopped",
        value: `${lost.length} of ${writer.acknowledged.size}; ${stoppedEverything ? "yes (stopping everything)" : "no"}`,
        target: "0; no",
        met: lost.length === 0 && !stoppedEverything,
      },
    ];
    return { rows, details: { api, worker, acknowledged: writer.acknowledged.size, lost } };
  } finally {
    await product.stop();
  }
}
