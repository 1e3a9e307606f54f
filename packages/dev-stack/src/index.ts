export { startBackingServices, persistentSecret, redactUrl, type BackingServices } from "./services.ts";
export { ensureDatabase, withDatabase, databaseName } from "./postgres.ts";
export { startRedis } from "./redis.ts";
export { choosePort, isPortFree, anyFreePort, PortInUseError } from "./ports.ts";
export { Supervisor } from "./supervisor.ts";
export { waitForHttp } from "./http.ts";
export { repoRoot, dataRoot } from "./paths.ts";
