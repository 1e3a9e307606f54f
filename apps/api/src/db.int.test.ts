// The Prisma client's own guarantees (db.ts): interactive transactions that collide in a deadlock
// or a serialization failure are run again, so every writer succeeds and nothing is lost.
import { createTestDatabase } from "@movierec/dev-stack/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, isTransientDatabaseError, type PrismaClient } from "./db.ts";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let prisma: PrismaClient;
const retries: number[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url, { onTransientRetry: (_error, attempt) => retries.push(attempt) });
  await prisma.$executeRawUnsafe("CREATE TABLE collide (id int PRIMARY KEY, n int NOT NULL)");
  await prisma.$executeRawUnsafe("SET deadlock_timeout = '100ms'");
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

/** Locks `first`, waits, then locks `second`: two of these in opposite orders deadlock. */
function crossing(first: number, second: number) {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE collide SET n = n + 1 WHERE id = ${first}`;
    await tx.$executeRaw`SELECT pg_sleep(0.3)`;
    await tx.$executeRaw`UPDATE collide SET n = n + 1 WHERE id = ${second}`;
    return first;
  });
}

describe("interactive transactions", () => {
  it("that deadlock are run again: both writers succeed and both writes are there", async () => {
    await prisma.$executeRawUnsafe("INSERT INTO collide VALUES (1, 0), (2, 0)");
    retries.length = 0;
    expect(await Promise.all([crossing(1, 2), crossing(2, 1)])).toEqual([1, 2]);
    expect(retries.length).toBeGreaterThanOrEqual(1);
    const rows = await prisma.$queryRaw<Array<{ id: number; n: number }>>`SELECT id, n FROM collide ORDER BY id`;
    expect(rows).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });

  it("that fail serializably are run again", async () => {
    await prisma.$executeRawUnsafe("INSERT INTO collide VALUES (10, 0)");
    retries.length = 0;
    // Read-then-write under SERIALIZABLE, 4 at once: all but one fail with 40001 on each round. The
    // first round's transactions all read before any writes (a barrier, at most 2 s), so they
    // overlap however busy the machine is.
    let arrived = 0;
    let allRead!: () => void;
    const barrier = new Promise<void>((resolve) => (allRead = resolve));
    const bump = () =>
      prisma.$transaction(
        async (tx) => {
          const [row] = await tx.$queryRaw<Array<{ n: number }>>`SELECT n FROM collide WHERE id = 10`;
          arrived += 1;
          if (arrived >= 4) allRead();
          await Promise.race([barrier, new Promise((resolve) => setTimeout(resolve, 2_000))]);
          await tx.$executeRaw`UPDATE collide SET n = ${row!.n + 1} WHERE id = 10`;
        },
        { isolationLevel: "Serializable" },
      );
    const results = await Promise.allSettled(Array.from({ length: 4 }, bump));
    const [row] = await prisma.$queryRaw<Array<{ n: number }>>`SELECT n FROM collide WHERE id = 10`;
    // Each bump that reports success really counted once.
    expect(row!.n).toBe(results.filter((result) => result.status === "fulfilled").length);
    expect(results.every((result) => result.status === "fulfilled")).toBe(true);
    expect(retries.length).toBeGreaterThanOrEqual(1);
  });

  it("that fail for any other reason are not run again", async () => {
    retries.length = 0;
    await expect(prisma.$transaction(async (tx) => tx.$executeRawUnsafe("INSERT INTO collide VALUES (1, 0)"))).rejects.toThrow();
    expect(retries).toEqual([]);
  });
});

describe("isTransientDatabaseError", () => {
  it("knows deadlocks and serialization failures, wherever they are wrapped", () => {
    expect(isTransientDatabaseError({ code: "P2034" })).toBe(true);
    expect(isTransientDatabaseError({ meta: { driverAdapterError: { cause: { originalCode: "40P01" } } } })).toBe(true);
    expect(isTransientDatabaseError(new Error("x", { cause: { code: "40001" } }))).toBe(true);
    expect(isTransientDatabaseError({ code: "23505" })).toBe(false);
    expect(isTransientDatabaseError(new Error("boom"))).toBe(false);
  });
});
