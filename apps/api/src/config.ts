// Every environment variable the API and the worker read, parsed once at boot. A bad or missing
// value stops the process with a message that names the variable (see .env.example).
import { availableParallelism } from "node:os";
import { z } from "zod";

const V3_API_KEY = /^[0-9a-f]{32}$/i;

/** How the TMDB client proves who it is: a bearer token, a v3 key as ?api_key=, or nothing (offline). */
export type TmdbCredential = { kind: "read-access-token"; value: string } | { kind: "api-key"; value: string } | { kind: "none" };

/** What the start logs say about TMDB: where, and with which kind of credential (never its value). */
export function describeTmdb(config: { tmdbMode: "online" | "offline"; TMDB_API_BASE_URL: string; tmdbCredential: TmdbCredential }): string {
  if (config.tmdbMode === "offline") return `TMDB is OFFLINE: using the offline catalogue at ${config.TMDB_API_BASE_URL}`;
  const how = config.tmdbCredential.kind === "api-key" ? "a v3 API key (sent as api_key)" : "an API Read Access Token (sent as a bearer token)";
  return `TMDB is online at ${config.TMDB_API_BASE_URL}, with ${how}`;
}

function tmdbCredential(env: { TMDB_API_TOKEN?: string; TMDB_API_KEY?: string }): TmdbCredential {
  if (env.TMDB_API_TOKEN)
    return V3_API_KEY.test(env.TMDB_API_TOKEN) ? { kind: "api-key", value: env.TMDB_API_TOKEN } : { kind: "read-access-token", value: env.TMDB_API_TOKEN };
  if (env.TMDB_API_KEY) return { kind: "api-key", value: env.TMDB_API_KEY };
  return { kind: "none" };
}

/** Whether `value` is exactly a web origin: http(s), host, optional port, nothing else. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
  } catch {
    return false;
  }
}

const port = z.coerce.number().int().min(1).max(65_535);
const positiveInt = z.coerce.number().int().positive();

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:$/.test(new URL(value).protocol), "must be a postgresql:// URL");
const redisUrl = z
  .string()
  .url()
  .refine((value) => /^rediss?:$/.test(new URL(value).protocol), "must be a redis:// or rediss:// URL");

export const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATABASE_URL: postgresUrl,
    REDIS_URL: redisUrl,
    // Every Redis key this process writes starts with it (rate limits, queues, fallback memos), so
    // several deployments or test runs can share one Redis.
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[\w:.{}-]{1,40}$/, "letters, digits and : . _ - { } only")
      .default("movierec:"),
    // How many reverse proxies stand in front of the API (their X-Forwarded-For is trusted for the
    // client IP that per-IP rate limits use). 0 = none: the API faces clients directly.
    // Whose X-Forwarded-For names the client: a number of proxy hops, or the proxies' addresses /
    // CIDRs, comma-separated (e.g. the web server's, so sign-ins it relays count per browser IP).
    TRUST_PROXY: z
      .string()
      .trim()
      .default("0")
      .refine((value) => /^(10|[0-9])$/.test(value) || value.split(",").every((part) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(part.trim())), {
        message: "a number of proxy hops (0-10) or comma-separated proxy addresses/CIDRs such as 127.0.0.1,10.0.0.0/8",
      })
      .transform((value): number | string[] => (/^\d+$/.test(value) ? Number(value) : value.split(",").map((part) => part.trim()))),
    // Web pages on these origins (comma-separated, e.g. https://app.example.com) may call the API
    // with a token from the browser (CORS; never with cookies). Empty: no cross-origin calls.
    CORS_ALLOWED_ORIGINS: z
      .string()
      .trim()
      .default("")
      .refine((value) => value === "" || value.split(",").every((origin) => isOrigin(origin.trim())), {
        message: "comma-separated origins such as https://app.example.com,http://localhost:5173 (scheme, host and port only, no path)",
      })
      .transform((value) => (value === "" ? [] : value.split(",").map((origin) => origin.trim()))),
    // The web app's address: its Settings (linked from /docs), and the pages where people approve
    // third-party apps (/oauth/authorize/…) and devices (/activate). The start command sets it.
    WEB_URL: z.string().url().default("http://localhost:3000"),
    // The API's address as third-party apps reach it (the OAuth issuer is this + /oauth). Unset:
    // http://API_HOST:port. Set it behind a proxy or a domain (e.g. https://api.example.com).
    API_PUBLIC_URL: z.string().url().optional(),
    API_HOST: z.string().min(1).default("127.0.0.1"),
    API_PORT: port.default(4000),
    // How many API processes share API_PORT (node:cluster): one per core in production, where one
    // Node process tops out at one core; one in development. Each holds its own caches.
    API_PROCESSES: positiveInt.max(64).optional(),
    // Signs the web app's next-auth session cookies, which the API reads. The start command sets it.
    AUTH_SECRET: z.string().min(16, "must be at least 16 characters (e.g. `openssl rand -base64 32`)").optional(),
    // TMDB's credential, either of the two its account settings page shows: the API Read Access
    // Token (a long JWT, sent as a bearer token) or the v3 API key (32 hex characters, sent as
    // ?api_key=). A v3 key given as TMDB_API_TOKEN is used as a key.
    TMDB_API_TOKEN: z
      .string()
      .trim()
      .min(
        20,
        "looks too short for a TMDB credential: use the API Read Access Token (a long JWT) or set TMDB_API_KEY to the v3 API key (32 hexadecimal characters), both from your TMDB account's API settings; unset it to run offline",
      )
      .optional(),
    TMDB_API_KEY: z
      .string()
      .trim()
      .regex(
        V3_API_KEY,
        "is not a TMDB v3 API key (32 hexadecimal characters from your TMDB account's API settings); the long API Read Access Token goes in TMDB_API_TOKEN",
      )
      .optional(),
    TMDB_API_BASE_URL: z.string().url().optional(),
    // Requests a minute to /graphql: per person for their web session, as much again for their apps
    // (API tokens and OAuth apps together), and per IP without a credential.
    API_RATE_LIMIT_PER_MINUTE_TOKEN: positiveInt.default(600),
    API_RATE_LIMIT_PER_MINUTE_IP: positiveInt.default(300),
    // Password sign-in attempts a minute per client address, whatever credential the request carries
    // (modules/auth/sign-in-throttle.ts; each attempt costs an Argon2 hash).
    SIGN_IN_ATTEMPTS_PER_MINUTE_IP: positiveInt.default(30),
    // How long a user's ranked recommendations are reused (Redis) while their taste is unchanged;
    // any change to favourites, watchlist, dismissals or preferences drops them at once. 0 = never reuse.
    RECOMMENDATIONS_CACHE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
    // How often an API process checks Postgres for catalogue and model changes (its in-memory index
    // for ranking, search and similar titles): titles written by the worker show up this much later.
    CATALOGUE_REFRESH_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
    // How long an API process trusts what it found a token or session cookie to be before asking
    // Postgres again (0: every request asks). Revoking, signing out and signing out everywhere
    // reach every process at once through Redis; a role changed by hand shows up this much later.
    CREDENTIAL_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
    // graphql-jit compiles an operation on this sighting and runs the compiled form from then on
    // (graphql/jit-executor.ts); 0 leaves every operation to graphql-js. Tests use 1.
    GRAPHQL_JIT_SIGHTINGS: z.coerce.number().int().min(0).max(100).default(2),
    // The ingest worker (modules/ingest): how often it pages TMDB's lists, how many pages of each
    // list one run fetches, and when fetched details count as stale.
    // 0 turns the schedule off (runs then come only from the admin mutation and the CLI).
    INGEST_EVERY_MINUTES: z.coerce.number().int().min(0).optional(),
    INGEST_PAGES_PER_LIST: positiveInt.max(500).default(20),
    DETAILS_MAX_AGE_DAYS: positiveInt.default(30),
    WORKER_DETAILS_CONCURRENCY: positiveInt.max(100).default(8),
    // How long a worker holds a job before others may take it over (a killed worker's job is
    // picked up again after this).
    WORKER_LOCK_MS: positiveInt.min(1_000).default(30_000),
    // The worker's CPU priority (nice, 0–19; the training process inherits it): on a machine it shares
    // with the API, ingest and training take the CPU the API leaves (bench/README.md, load).
    WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
    // Ingest yields to people's requests (api-load.ts): while an API process's event loop is busy at
    // least this share of the time (0–1; 0 never yields), ingest jobs run one at a time, each after
    // WORKER_YIELD_PAUSE_MS, so ingest goes on at a trickle instead of competing for CPU and Postgres.
    WORKER_YIELD_ABOVE_ELU: z.coerce.number().min(0).max(1).default(0.5),
    WORKER_YIELD_PAUSE_MS: z.coerce.number().int().min(0).max(60_000).default(250),
    // The recommendation model (modules/recommendations/model): trained when MODEL_TRAIN_AFTER_INTERACTIONS
    // new interactions have arrived since the live model's data, or MODEL_TRAIN_EVERY_MINUTES after it
    // when there are any new ones; checked every MODEL_CHECK_EVERY_SECONDS (0 = only on demand).
    MODEL_TRAIN_EVERY_MINUTES: positiveInt.optional(),
    MODEL_TRAIN_AFTER_INTERACTIONS: positiveInt.default(500),
    MODEL_CHECK_EVERY_SECONDS: z.coerce.number().int().min(0).default(60),
    // A training still running after this many minutes is stopped and counted as failed (its trainer
    // process killed; the schedule then waits before the next, train-model.job.ts). At bench scale
    // (100,000 people, 5 M interactions) a training takes about a minute (bench/README.md).
    MODEL_TRAINING_TIMEOUT_MINUTES: positiveInt.max(30_000).default(30),
    // How many of the most-liked titles the EASE part of the model covers (memory n², time n³).
    MODEL_DENSE_MAX_TITLES: z.coerce.number().int().min(0).max(20_000).optional(),
    // TMDB calls one import may make to find the titles the cache does not have (import-matching.ts):
    // TMDB's rate limit is the deployment's, shared with ingest and title pages.
    IMPORT_TMDB_LOOKUPS: positiveInt.default(5_000),
    // TMDB calls a minute one address may cause, signed out, by asking for what the cache lacks:
    // searches, browse filters, titles by id (media/tmdb-fallbacks.ts).
    ANONYMOUS_TMDB_FALLBACKS_PER_MINUTE: positiveInt.default(120),
    TMDB_RATE_LIMIT_PER_SECOND: positiveInt.default(40),
    TMDB_MAX_IN_FLIGHT: positiveInt.default(20),
    TMDB_TIMEOUT_MS: positiveInt.default(10_000),
    TMDB_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(4),
  })
  // `when`: report this alongside other problems, not only once everything else is valid.
  .refine((env) => env.TMDB_API_TOKEN || env.TMDB_API_KEY || env.TMDB_API_BASE_URL, {
    path: ["TMDB_API_TOKEN"],
    message:
      "neither TMDB_API_TOKEN (or TMDB_API_KEY) nor TMDB_API_BASE_URL is set. Set TMDB_API_TOKEN or TMDB_API_KEY to use TMDB, or TMDB_API_BASE_URL to an offline catalogue server (`npm start` does this for you).",
    when: () => true,
  })
  .transform((env) => ({
    ...env,
    TMDB_API_BASE_URL: (env.TMDB_API_BASE_URL ?? "https://api.themoviedb.org/3").replace(/\/+$/, ""),
    tmdbMode: env.TMDB_API_TOKEN || env.TMDB_API_KEY ? ("online" as const) : ("offline" as const),
    tmdbCredential: tmdbCredential(env),
    // Daily in production; every 10 minutes in development, so a fresh checkout fills up quickly.
    INGEST_EVERY_MINUTES: env.INGEST_EVERY_MINUTES ?? (env.NODE_ENV === "production" ? 1440 : 10),
    // Every 6 hours in production; every 10 minutes in development.
    MODEL_TRAIN_EVERY_MINUTES: env.MODEL_TRAIN_EVERY_MINUTES ?? (env.NODE_ENV === "production" ? 360 : 10),
    API_PROCESSES: env.API_PROCESSES ?? (env.NODE_ENV === "production" ? availableParallelism() : 1),
  }));

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses `env`; throws a ConfigError listing every bad variable. */
export function parseConfig(rawEnv: Record<string, string | undefined> = process.env): Config {
  // `VAR=` in a .env file means "not set", as it does for the start command.
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, value]) => value !== ""));
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.join(".") || "environment";
    const value = env[variable];
    if (value === undefined && issue.code === "invalid_type") return `  - ${variable} is required but not set`;
    const shown = value === undefined ? "" : `=${/TOKEN|KEY|SECRET/.test(variable) ? "<hidden>" : JSON.stringify(value)}`;
    return `  - ${variable}${shown}: ${issue.message}`;
  });
  throw new ConfigError(`invalid configuration:\n${problems.join("\n")}\nSee .env.example for every variable.`);
}
