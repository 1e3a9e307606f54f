// `npm start`: installs what is missing, then runs the whole product (packages/dev-stack/src/start.ts).
import { existsSync } from "node:fs";
import path from "node:path";
import { bootstrap, repoRoot } from "./bootstrap.mjs";

// A .env file beside package.json (see .env.example) is read first; the real environment wins.
const envFile = path.join(repoRoot, ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);

bootstrap();
const { register } = await import("tsx/esm/api");
register();
await import("../packages/dev-stack/src/start.ts");
