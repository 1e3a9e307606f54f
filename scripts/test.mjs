// `npm test`: every test tier, in order, stopping at the first that fails.
//   1. types        tsc over the API, the packages and the web app; Biome's lint and format check (biome.json)
//   2. unit         vitest "unit" project (no Postgres/Redis)
//   3. integration  vitest "integration" project (real Postgres, Redis, catalogue server)
//   4. e2e          Playwright against the whole stack in Chromium
// Pass tier names to run only those: `npm test -- unit integration`.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { bootstrap, log, pnpm, repoRoot } from "./bootstrap.mjs";

const allTiers = ["types", "unit", "integration", "e2e"];
const requested = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const unknown = requested.filter((tier) => !allTiers.includes(tier));
if (unknown.length) {
  console.error(`unknown test tier(s): ${unknown.join(", ")}; the tiers are ${allTiers.join(", ")}`);
  process.exit(2);
}
const tiers = requested.length ? requested : allTiers;

bootstrap({ browser: tiers.includes("e2e") });

const bin = (name) => path.join(repoRoot, "node_modules", ".bin", name);
const commands = {
  types: [
    [bin("tsc"), ["-p", "tsconfig.json"]],
    // next-env.d.ts and the route types are Next's to write (next dev and next build each write their
    // own form of it, so it is not tracked): generated here before the web app is type-checked.
    [path.join(repoRoot, "apps/web/node_modules/.bin/next"), ["typegen"], { cwd: path.join(repoRoot, "apps/web") }],
    [bin("tsc"), ["-p", "apps/web/tsconfig.json"]],
    [bin("tsc"), ["-p", "e2e/tsconfig.json"]],
    [bin("biome"), ["check", "."]],
  ],
  unit: [[bin("vitest"), ["run", "--project", "unit"]]],
  integration: [[bin("vitest"), ["run", "--project", "integration"]]],
  e2e: [[pnpm(), ["--filter", "@movierec/e2e", "exec", "playwright", "test"]]],
};

// Playwright's stack keeps its data in .data/e2e: start each run from nothing.
const resetE2eData = () => rmSync(path.join(repoRoot, ".data", "e2e"), { recursive: true, force: true });

const timings = [];
for (const tier of tiers) {
  const started = Date.now();
  log(`── ${tier} tests ──`);
  if (tier === "e2e") resetE2eData();
  for (const [command, args, options] of commands[tier]) {
    const result = spawnSync(command, args, {
      cwd: options?.cwd ?? repoRoot,
      stdio: "inherit",
      env: process.env.CI ? { ...process.env, FORCE_COLOR: "0" } : process.env,
    });
    if (result.status !== 0) {
      log(`${tier} tests failed (${command.split("/").pop()} exited with ${result.status ?? result.signal})`);
      process.exit(1);
    }
  }
  timings.push(`${tier} ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
log(`all test tiers passed: ${timings.join(", ")}`);
