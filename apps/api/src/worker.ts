// The worker process: `tsx src/worker.ts`. It will run the BullMQ ingest jobs (issue 4); for now
// it checks its connections and waits, so the start command's process set is complete.
import { boot } from "./boot.ts";
import { createPrisma } from "./db.ts";
import { createRedis } from "./redis.ts";

const { config, logger } = boot("worker");
const prisma = createPrisma(config.DATABASE_URL);
const redis = createRedis(config.REDIS_URL, "movierec-worker");

await prisma.$queryRaw`SELECT 1`;
await redis.ping();
logger.info({ tmdb: config.tmdbMode }, "worker connected to Postgres and Redis; ingest jobs arrive with issue 4");

const keepAlive = setInterval(() => {}, 1 << 30);
async function shutdown(signal: string) {
  logger.info({ signal }, "worker shutting down");
  clearInterval(keepAlive);
  await Promise.allSettled([prisma.$disconnect(), redis.quit()]);
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
