// `npm run bench`: every benchmark in bench/ (each `bench/*.ts`), one after the other, then one
// table of the `summary` rows they wrote to bench/results/<name>.json.
// `npm run bench -- recommendations-latency load` runs only those.
// Not part of `npm test`: benchmarks measure, they do not pass or fail.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { bootstrap, log, repoRoot } from "./bootstrap.mjs";

const benchDir = path.join(repoRoot, "bench");
const all = readdirSync(benchDir)
  .filter((file) => file.endsWith(".ts"))
  .map((file) => file.slice(0, -3))
  .sort();
const only = process.argv.slice(2);
const unknown = only.filter((name) => !all.includes(name));
if (unknown.length) {
  log(`no such benchmark: ${unknown.join(", ")} (there are: ${all.join(", ")})`);
  process.exit(2);
}
const chosen = only.length ? only : all;

bootstrap({ browser: chosen.some((name) => name.startsWith("web")) });
const failed = [];
for (const name of chosen) {
  log(`── bench ${name} ──`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join("bench", `${name}.ts`)], { cwd: repoRoot, stdio: "inherit" });
  // Exit 2: a benchmark that needs something this machine lacks (it said what); not a failure.
  if (result.status === 2) log(`${name} skipped`);
  else if (result.status !== 0) failed.push(`${name} (exit ${result.status ?? result.signal})`);
  log(`${name} took ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const rows = [];
for (const name of chosen) {
  const file = path.join(benchDir, "results", `${name}.json`);
  if (!existsSync(file)) continue;
  const result = JSON.parse(readFileSync(file, "utf8"));
  for (const row of result.summary ?? []) {
    rows.push({ bench: name, measure: row.measure, value: row.value, target: row.target ? `${row.target} ${row.met ? "✓" : "✗"}` : "" });
  }
}
console.table(rows);
if (failed.length) {
  log(`failed: ${failed.join(", ")}`);
  process.exit(1);
}
