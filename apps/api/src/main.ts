// The API process: `tsx src/main.ts` (the start command runs it for you).
import { createAppServices } from "./app-services.ts";
import { boot } from "./boot.ts";
import { buildServer } from "./server.ts";

const { config, logger } = boot("api");
const services = createAppServices({ config, logger, name: "movierec-api" });
const app = await buildServer(services);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  logger.info({ signal }, "shutting down");
  await app.close();
  await services.close();
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));

try {
  await app.listen({ host: config.API_HOST, port: config.API_PORT });
  if (!config.AUTH_SECRET) logger.warn("AUTH_SECRET is not set: web sessions cannot be read; only API tokens authenticate");
  logger.info({ tmdb: config.tmdbMode, tmdbBaseUrl: config.TMDB_API_BASE_URL }, config.tmdbMode === "offline" ? "TMDB is OFFLINE: using the offline catalogue" : "TMDB is online");
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  logger.fatal(code === "EADDRINUSE" ? `API_PORT=${config.API_PORT} is already in use; stop what holds it or set another API_PORT` : error);
  process.exit(1);
}
