// `npm run bench`: every benchmark in bench/, one after the other, then one table of their results.
// Not part of `npm test`: benchmarks measure, they do not pass or fail.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { bootstrap, log, repoRoot } from "./bootstrap.mjs";

const benches = [
  ["recommendations-latency", "recommendations(first: 20) p50/p99 by favourites, concurrency 1"],
  ["ingest-rate", "ingest: sustained TMDB requests/s against the limit, titles/s"],
  ["recommendations-offline-eval", "ranking quality on simulated held-out histories"],
];
const only = process.argv.slice(2);

bootstrap();
for (const [name] of benches) {
  if (only.length && !only.includes(name)) continue;
  log(`── bench ${name} ──`);
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join("bench", `${name}.ts`)], { cwd: repoRoot, stdio: "inherit" });
  if (result.status !== 0) log(`${name} exited with ${result.status ?? result.signal}`);
}

const rows = [];
for (const [name, what] of benches) {
  const file = path.join(repoRoot, "bench", "results", `${name}.json`);
  if (!existsSync(file)) continue;
  const result = JSON.parse(readFileSync(file, "utf8"));
  if (name === "recommendations-latency") {
    for (const row of result.results) rows.push({ bench: name, measure: `${row.favourites} favourites`, value: `p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms` });
  } else if (name === "ingest-rate") {
    rows.push({ bench: name, measure: `limit ${result.limitPerSecond}/s`, value: `${result.sustainedPerSecond}/s (${result.shareOfLimit} %), busiest second ${result.busiestSecond}, ${result.titlesPerSecond} titles/s` });
  } else {
    for (const method of result.results) {
      rows.push({ bench: name, measure: method.name, value: `recall@20 ${method.recall.toFixed(3)}, NDCG@20 ${method.ndcg.toFixed(3)}, coverage ${(method.coverage * 100).toFixed(1)} %` });
    }
  }
  rows.push({ bench: "", measure: "", value: `↑ ${what}` });
}
console.table(rows);
