// The API process: `tsx src/main.ts` (the start command runs it for you).
import { boot } from "./boot.ts";
import { createPrisma } from "./db.ts";
import { createRedis } from "./redis.ts";
import { buildServer } from "./server.ts";

const { config, logger } = boot("api");
const prisma = createPrisma(config.DATABASE_URL);
const redis = createRedis(config.REDIS_URL, "movierec-api");
const app = await buildServer({ config, logger, prisma, redis });

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  logger.info({ signal }, "shutting down");
  await app.close();
  await Promise.allSettled([prisma.$disconnect(), redis.quit()]);
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));

try {
  await app.listen({ host: config.API_HOST, port: config.API_PORT });
  logger.info({ tmdb: config.tmdbMode, tmdbBaseUrl: config.TMDB_API_BASE_URL }, config.tmdbMode === "offline" ? "TMDB is OFFLINE: using the offline catalogue" : "TMDB is online");
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  logger.fatal(code === "EADDRINUSE" ? `API_PORT=${config.API_PORT} is already in use; stop what holds it or set another API_PORT` : error);
  process.exit(1);
}
