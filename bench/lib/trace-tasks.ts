// The main thread's tasks in a Chromium trace (browser-profile.ts with PROFILE_TRACE=1 writes one per
// load), as Lighthouse's Total Blocking Time sees them: Lighthouse loads the page unthrottled and
// multiplies each task by its CPU slowdown, so at 1× a task of 12.5 ms or more blocks (4 × 12.5 = 50).
// For each such task: when it ran, the trace's events inside it (script evaluation, layout, GC…) and
// the V8 sampler's stacks in it, by function (self time, and with what it calls).
//
//   PROFILE_TRACE=1 PROFILE_CPU_RATE=1 PROFILE_PAGES=home node --import tsx bench/lib/browser-profile.ts
//   node --import tsx bench/lib/trace-tasks.ts /tmp/webprof/home-0.trace.json [MIN_MS=12.5] [SLOWDOWN=4]   (TRACE_TOP=n: more functions per task)
//   A Lighthouse run's own trace: BENCH_LIGHTHOUSE_ARGS="-GA=/tmp/lh --additional-trace-categories=disabled-by-default-v8.cpu_profiler", then /tmp/lh/trace.json
//   Add the `toplevel` category (…categories=toplevel,disabled-by-default-v8.cpu_profiler) and each task also says which
//   of Chromium's code posted it (`ThreadControllerImpl::RunTask`'s src_file and src_func): the navigation's commit
//   (ipc_mojo_bootstrap Accept), a frame (proxy_impl ScheduledActionSendBeginMainFrame), an async script
//   (script_runner), React's scheduler (a MessageChannel message: connector PostDispatchNextMessageFromPipe), a timer
//   (dom_timer), a web font loaded (font_face SetLoadStatus) — the tasks Lighthouse calls "Other" or "Unattributable".
//
// A tool, not a benchmark (bench/lib is not run by `npm run bench`).
import { readFileSync } from "node:fs";

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: {
    name?: string;
    src_file?: string;
    src_func?: string;
    data?: {
      url?: string;
      functionName?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const [file, minArg, slowdownArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node --import tsx bench/lib/trace-tasks.ts TRACE.json [MIN_MS] [SLOWDOWN]");
  process.exit(2);
}
const minMs = Number(minArg ?? 12.5);
const slowdown = Number(slowdownArg ?? 4);
/** TRACE_TOP=n lists n functions by self time (n + 2 with callees) in each task; 8 unless told. */
const listed = Number(process.env.TRACE_TOP ?? 8);
const raw = JSON.parse(readFileSync(file, "utf8")) as TraceEvent[] | { traceEvents: TraceEvent[] };
const events = Array.isArray(raw) ? raw : raw.traceEvents;

// The page's main thread: the renderer main thread with the most task time.
const threadNames = new Map<string, string>();
for (const event of events) if (event.ph === "M" && event.name === "thread_name") threadNames.set(`${event.pid}:${event.tid}`, event.args?.name ?? "");
const taskTime = new Map<string, number>();
for (const event of events) {
  const key = `${event.pid}:${event.tid}`;
  if (event.ph === "X" && event.name === "RunTask" && threadNames.get(key) === "CrRendererMain") taskTime.set(key, (taskTime.get(key) ?? 0) + (event.dur ?? 0));
}
const mainKey = [...taskTime].sort((a, b) => b[1] - a[1])[0]?.[0];
if (!mainKey) throw new Error(`${file}: no renderer main thread with tasks`);
const onMain = events.filter((event) => `${event.pid}:${event.tid}` === mainKey);
const tasks = onMain.filter((event) => event.ph === "X" && event.name === "RunTask").sort((a, b) => a.ts - b.ts);
const origin = onMain.find((event) => event.name === "navigationStart")?.ts ?? events.find((event) => event.name === "navigationStart")?.ts ?? tasks[0]!.ts;

// The V8 sampler's stacks on that thread (Profile / ProfileChunk events; node ids are per profile).
const nodes = new Map<string, ProfileNode>();
const samples: Array<{ ts: number; node: string }> = [];
const clocks = new Map<string, number>();
for (const event of events) {
  if (`${event.pid}:${event.tid}` !== mainKey && event.pid !== Number(mainKey.split(":")[0])) continue;
  if (event.name === "Profile" && event.id) clocks.set(event.id, event.args?.data?.startTime ?? event.ts);
  if (event.name !== "ProfileChunk" || !event.id || !clocks.has(event.id)) continue;
  const profile = event.args?.data?.cpuProfile ?? {};
  for (const node of profile.nodes ?? []) nodes.set(`${event.id}/${node.id}`, node);
  let clock = clocks.get(event.id)!;
  const deltas = event.args?.data?.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, index) => {
    clock += deltas[index] ?? 0;
    samples.push({ ts: clock, node: `${event.id}/${id}` });
  });
  clocks.set(event.id, clock);
}
samples.sort((a, b) => a.ts - b.ts);

const shortUrl = (url: string | undefined) => (url ?? "").replace(/^.*\/_next\/static\/chunks\//, "").replace(/^https?:\/\/[^/]+/, "");
const frameName = (node: ProfileNode) => `${node.callFrame.functionName || "(anonymous)"} ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber}`;
const top = (totals: Map<string, number>, count: number, unit: number) =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, value]) => `${name} ${(value / unit).toFixed(1)}`)
    .join(" | ");
const WATCHED = new Set([
  "EvaluateScript",
  "v8.compile",
  "v8.compileModule",
  "v8.evaluateModule",
  "FunctionCall",
  "TimerFire",
  "RunMicrotasks",
  "ParseHTML",
  "ParseAuthorStyleSheet",
  "UpdateLayoutTree",
  "Layout",
  "PrePaint",
  "Paint",
  "MinorGC",
  "MajorGC",
  "EventDispatch",
  "FireAnimationFrame",
  "HitTest",
  "CommitLoad",
  "XHRReadyStateChange",
]);

let blocking = 0;
for (const task of tasks) {
  const duration = (task.dur ?? 0) / 1000;
  if (duration < minMs) continue;
  blocking += Math.max(0, duration * slowdown - 50);
  const end = task.ts + (task.dur ?? 0);
  const inside = onMain.filter(
    (event) => event !== task && event.ph === "X" && WATCHED.has(event.name) && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= end,
  );
  const byEvent = new Map<string, number>();
  for (const event of inside) {
    const data = event.args?.data;
    const name =
      event.name === "EvaluateScript" || event.name === "FunctionCall"
        ? `${event.name}(${shortUrl(data?.url)}${data?.functionName ? ` ${data.functionName}` : ""})`
        : event.name;
    byEvent.set(name, (byEvent.get(name) ?? 0) + (event.dur ?? 0));
  }
  const self = new Map<string, number>();
  const withCallees = new Map<string, number>();
  let count = 0;
  for (const sample of samples) {
    if (sample.ts < task.ts || sample.ts > end) continue;
    const node = nodes.get(sample.node);
    if (!node || node.callFrame.functionName === "(idle)") continue;
    count++;
    self.set(frameName(node), (self.get(frameName(node)) ?? 0) + 1);
    const prefix = sample.node.slice(0, sample.node.indexOf("/") + 1);
    const seen = new Set<string>();
    for (let at: ProfileNode | undefined = node; at; at = at.parent === undefined ? undefined : nodes.get(`${prefix}${at.parent}`)) {
      const name = frameName(at);
      if (seen.has(name) || !at.callFrame.url) continue;
      seen.add(name);
      withCallees.set(name, (withCallees.get(name) ?? 0) + 1);
    }
  }
  const posted = onMain.find((event) => event.name === "ThreadControllerImpl::RunTask" && event.ts >= task.ts && event.ts < end)?.args;
  const postedFrom = posted?.src_file ? `; posted by ${posted.src_file.split("/").pop()} ${posted.src_func}` : "";
  console.log(`${duration.toFixed(1)} ms at ${((task.ts - origin) / 1000).toFixed(0)} ms (×${slowdown}: ${(duration * slowdown).toFixed(0)} ms)${postedFrom}`);
  console.log(`    events (ms): ${top(byEvent, 6, 1000)}`);
  if (count > 0) {
    console.log(`    self (% of ${count} samples): ${top(self, listed, count / 100)}`);
    console.log(`    with callees (%): ${top(withCallees, listed + 2, count / 100)}`);
  }
}
console.log(`\n${tasks.length} tasks; blocking at ${slowdown}× (each task ≥ ${minMs} ms: ${slowdown} × its length − 50 ms, summed): ${blocking.toFixed(0)} ms`);
