import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** Git-ignored; the start command keeps Postgres and Redis data here between runs. */
export const dataRoot = path.join(repoRoot, ".data");
