import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

/** Counts SQL statements, for tests and benchmarks that assert how many a request makes. */
export interface SqlQueryCounter {
  count: number;
}

export function createPrisma(databaseUrl: string, options: { queryCounter?: SqlQueryCounter } = {}): PrismaClient {
  if (!options.queryCounter) return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), log: [{ emit: "event", level: "query" }] });
  const counter = options.queryCounter;
  client.$on("query", () => {
    counter.count += 1;
  });
  return client;
}

export type { PrismaClient };
