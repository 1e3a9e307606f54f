// `npm run pnpm -- <args>`: the project's pinned pnpm (installed into .tools/ on first use), so the
// docs' `pnpm …` commands work without a global pnpm on PATH.
import { spawnSync } from "node:child_process";
import { pnpm, repoRoot } from "./bootstrap.mjs";

const result = spawnSync(pnpm(), process.argv.slice(2), { cwd: repoRoot, stdio: "inherit" });
process.exit(result.status ?? 1);
