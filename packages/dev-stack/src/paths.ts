import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** Git-ignored; the start command keeps Postgres and Redis data here between runs (MOVIEREC_DATA_DIR moves it). */
export const dataRoot = process.env.MOVIEREC_DATA_DIR ? path.resolve(process.env.MOVIEREC_DATA_DIR) : path.join(repoRoot, ".data");
