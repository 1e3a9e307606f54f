import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

/** Counts SQL statements, for tests and benchmarks that assert how many a request makes. */
export interface SqlQueryCounter {
  count: number;
  /** When present, each statement's SQL is appended (to say which ones a request made). */
  statements?: string[];
}

export function createPrisma(databaseUrl: string, options: { queryCounter?: SqlQueryCounter } = {}): PrismaClient {
  if (!options.queryCounter) return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), log: [{ emit: "event", level: "query" }] });
  const counter = options.queryCounter;
  client.$on("query", (event) => {
    counter.count += 1;
    counter.statements?.push(event.query);
  });
  return client;
}

export type { PrismaClient };
