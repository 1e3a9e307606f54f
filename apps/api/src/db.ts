import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

/** Counts SQL statements, for tests and benchmarks that assert how many a request makes. */
export interface SqlQueryCounter {
  count: number;
  /** When present, each statement's SQL is appended (to say which ones a request made). */
  statements?: string[];
}

/**
 * Interactive transactions (the writes: favourites, watchlist, dismissals…) wait for a pool
 * connection like every other query does. Prisma's defaults (2 s to get one, 5 s to finish) made
 * writes fail as internal errors under load, when slow reads held every connection for a while,
 * while reads simply waited their turn.
 */
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

/** Attempts of a transaction that keeps losing to deadlocks or serialization failures. */
const TRANSIENT_ATTEMPTS = 5;
const TRANSIENT_BASE_DELAY_MS = 20;

/**
 * Runs `attempt` again, after a jittered exponential pause (full jitter: 0–20, 0–40, 0–80… ms), while
 * it fails with a transient database error (`isTransientDatabaseError`), at most TRANSIENT_ATTEMPTS
 * times in all. Only for work that is whole on its own: a transaction, or one statement outside one.
 */
export async function retryTransient<T>(attempt: () => Promise<T>, onRetry?: (error: unknown, attempt: number) => void): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= TRANSIENT_ATTEMPTS || !isTransientDatabaseError(error)) throw error;
      onRetry?.(error, tries);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * TRANSIENT_BASE_DELAY_MS * 2 ** (tries - 1)));
    }
  }
}

export function createPrisma(
  databaseUrl: string,
  options: { queryCounter?: SqlQueryCounter; onTransientRetry?: (error: unknown, attempt: number) => void } = {},
): PrismaClient {
  const transactionOptions = TRANSACTION_OPTIONS;
  const counter = options.queryCounter;
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl }),
    transactionOptions,
    ...(counter ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
  if (counter)
    (client as PrismaClient<"query">).$on("query", (event) => {
      counter.count += 1;
      counter.statements?.push(event.query);
    });
  // Every interactive transaction (a callback: rolled back whole on failure, so safe to run again)
  // is retried on deadlocks and serialization failures, so two writers that collide both succeed
  // and no caller sees Postgres' 40P01 / 40001. The batch form ($transaction([...])) runs Prisma
  // promises that cannot be replayed: it is passed through as it is.
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  Object.defineProperty(client, "$transaction", {
    value: (work: unknown, ...rest: unknown[]) =>
      typeof work === "function" ? retryTransient(() => transaction(work, ...rest), options.onTransientRetry) : transaction(work, ...rest),
  });
  return client;
}

export type { PrismaClient };

// Postgres answers these while it cannot serve at all: class 08 (connection exception), shutting
// down or starting up (57P01–57P03), too many connections (53300).
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;
// Prisma: can't reach the server, timed out, the server closed the connection, no pool connection.
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// @prisma/adapter-pg's error kinds for a connection that is refused, reset or timed out (it maps
// the socket errors; raw socket codes are not checked here, as Redis and TMDB errors carry them too).
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// What node-postgres throws itself when a connection dies mid-query or cannot be opened in time.
const UNAVAILABLE_MESSAGES = /^(Connection terminated unexpectedly|Connection terminated due to connection timeout|timeout exceeded when trying to connect)/;

/** Every error object `error` wraps (`cause`, Prisma's `meta.driverAdapterError`, GraphQL's `originalError`), itself first. */
function* errorChain(error: unknown): Generator<Record<string, unknown>> {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length) {
    const current = pending.pop();
    if (!current || typeof current !== "object" || seen.has(current) || seen.size > 10) continue;
    seen.add(current);
    const candidate = current as { cause?: unknown; originalError?: unknown; meta?: { driverAdapterError?: unknown } };
    yield current as Record<string, unknown>;
    pending.push(candidate.cause, candidate.originalError, candidate.meta?.driverAdapterError);
  }
}

// Postgres' deadlock_detected and serialization_failure, and Prisma's "write conflict or deadlock".
const TRANSIENT_CODES = new Set(["40P01", "40001", "P2034"]);

/** True when `error` is a deadlock or serialization failure: the same work, run again, may well succeed. */
export function isTransientDatabaseError(error: unknown): boolean {
  for (const candidate of errorChain(error)) {
    const codes = [candidate.code, candidate.originalCode].filter((code): code is string => typeof code === "string");
    if (codes.some((code) => TRANSIENT_CODES.has(code))) return true;
    if (candidate.kind === "TransactionWriteConflict") return true;
  }
  return false;
}

// A foreign key that does not hold: Prisma's P2003, Postgres' foreign_key_violation, the adapter's kind.
const FOREIGN_KEY_CODES = new Set(["P2003", "23503"]);
// The foreign keys to "user" (prisma/migrations): each table's user_id, and an OAuth grant's account_id.
const USER_FOREIGN_KEYS = /\b[a-z_]+_user_id_fkey\b|\boauth_record_account_id_fkey\b/;

/**
 * True when `error` is a write refused because the person it names is gone: a foreign key to "user"
 * that does not hold. A request that raced its account's deletion (this process
 * still trusted the credential, CREDENTIAL_CACHE_MS) is then UNAUTHENTICATED, not a server error.
 */
export function isMissingUserReference(error: unknown): boolean {
  const candidates = [...errorChain(error)];
  const foreignKey = candidates.some(
    (candidate) =>
      [candidate.code, candidate.originalCode].some((code) => typeof code === "string" && FOREIGN_KEY_CODES.has(code)) ||
      candidate.kind === "ForeignKeyConstraintViolation",
  );
  if (!foreignKey) return false;
  // By the constraint's name only (never the message: outside production Prisma's quotes the calling code).
  return candidates.some((candidate) => USER_FOREIGN_KEYS.test(JSON.stringify({ constraint: candidate.constraint, meta: candidate.meta }) ?? ""));
}

/**
 * True when `error` says Postgres cannot be reached right now (down, restarting, the connection
 * lost), as opposed to a query that is wrong. Follows `cause`, Prisma's `meta.driverAdapterError`
 * and GraphQL's `originalError`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const candidate of errorChain(error)) {
    const codes = [candidate.code, candidate.originalCode].filter((code): code is string => typeof code === "string");
    if (codes.some((code) => UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    if (typeof candidate.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(candidate.kind)) return true;
    if (typeof candidate.message === "string" && UNAVAILABLE_MESSAGES.test(candidate.message)) return true;
  }
  return false;
}
