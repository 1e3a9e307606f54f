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

export function createPrisma(databaseUrl: string, options: { queryCounter?: SqlQueryCounter } = {}): PrismaClient {
  const transactionOptions = TRANSACTION_OPTIONS;
  if (!options.queryCounter) return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), transactionOptions });
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), transactionOptions, log: [{ emit: "event", level: "query" }] });
  const counter = options.queryCounter;
  client.$on("query", (event) => {
    counter.count += 1;
    counter.statements?.push(event.query);
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

/**
 * True when `error` says Postgres cannot be reached right now (down, restarting, the connection
 * lost), as opposed to a query that is wrong. Follows `cause`, Prisma's `meta.driverAdapterError`
 * and GraphQL's `originalError`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length) {
    const current = pending.pop();
    if (!current || typeof current !== "object" || seen.has(current) || seen.size > 10) continue;
    seen.add(current);
    const candidate = current as {
      code?: unknown;
      kind?: unknown;
      originalCode?: unknown;
      message?: unknown;
      cause?: unknown;
      originalError?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    const codes = [candidate.code, candidate.originalCode].filter((code): code is string => typeof code === "string");
    if (codes.some((code) => UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    if (typeof candidate.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(candidate.kind)) return true;
    if (typeof candidate.message === "string" && UNAVAILABLE_MESSAGES.test(candidate.message)) return true;
    pending.push(candidate.cause, candidate.originalError, candidate.meta?.driverAdapterError);
  }
  return false;
}
