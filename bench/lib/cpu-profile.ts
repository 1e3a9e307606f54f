// Reads the .cpuprofile files node writes under --cpu-prof (BENCH_API_NODE_ARGS="--cpu-prof
// --cpu-prof-dir=DIR" on the load bench) and prints where the time went, across every file in DIR:
//
//   node --import tsx bench/lib/cpu-profile.ts DIR                      self time by package, then by function
//   node --import tsx bench/lib/cpu-profile.ts DIR --callers writev      the call chains that lead to a function
//   node --import tsx bench/lib/cpu-profile.ts DIR --inclusive rank diversify   each function with everything it calls, as a share of busy time
//   node --import tsx bench/lib/cpu-profile.ts DIR --tasks             each profile's long busy stretches (≥ 50 ms without an idle sample: a
//                                                                      browser's long tasks) and what each was made of, by package and function
//
// Busy time leaves out (idle) and (program). Async work is attributed to the function that resumed
// it, so inclusive shares of async functions (a resolver awaiting Postgres) are lower bounds.
// A tool, not a benchmark (bench/lib is not run by `npm run bench`).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
interface Loaded {
  file: string;
  samples: number[];
  timeDeltas: number[];
  nodes: Map<number, ProfileNode>;
  parent: Map<number, number>;
  /** Microseconds spent in each node itself. */
  self: Map<number, number>;
}

function load(dir: string): Loaded[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".cpuprofile"))
    .sort()
    .map((file) => {
      const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Profile;
      const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
      const parent = new Map<number, number>();
      for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
      const self = new Map<number, number>();
      profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
      return { file, samples: profile.samples, timeDeltas: profile.timeDeltas, nodes, parent, self };
    });
}

const IDLE = new Set(["(idle)", "(program)"]);
const pkgOf = (url: string) =>
  /node_modules\/(?:\.pnpm\/)?((?:@[^/+]+[/+])?[^/@+]+)/.exec(url)?.[1] ?? (url ? (url.startsWith("node:") ? url : path.basename(url)) : "(native)");
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1).padStart(5)} %`;
const top = (totals: Map<string, number>, whole: number, count: number) =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, time]) => `${percent(time, whole)}  ${name}`)
    .join("\n");

function summary(profiles: Loaded[]) {
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const { nodes, self } of profiles) {
    for (const [id, time] of self) {
      const frame = nodes.get(id)!.callFrame;
      if (IDLE.has(frame.functionName)) continue;
      busy += time;
      const pkg = pkgOf(frame.url);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + time);
      const name = `${frame.functionName || "(anonymous)"} ${pkg}:${frame.lineNumber}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + time);
    }
  }
  console.log(
    `busy ${(busy / 1e6).toFixed(1)} s across ${profiles.length} profile(s)\n\nby package:\n${top(byPackage, busy, 25)}\n\nby function:\n${top(byFunction, busy, 40)}`,
  );
}

function callers(profiles: Loaded[], target: string, depth = 7) {
  const chains = new Map<string, number>();
  let total = 0;
  for (const { nodes, parent, self } of profiles) {
    for (const [id, time] of self) {
      if (nodes.get(id)!.callFrame.functionName !== target) continue;
      total += time;
      const chain: string[] = [];
      for (let at = parent.get(id); at !== undefined && chain.length < depth; at = parent.get(at)) {
        const frame = nodes.get(at)!.callFrame;
        chain.push(`${frame.functionName || "(anonymous)"}@${path.basename(frame.url)}:${frame.lineNumber}`);
      }
      const key = chain.join(" < ");
      chains.set(key, (chains.get(key) ?? 0) + time);
    }
  }
  console.log(`${target}: ${(total / 1e6).toFixed(1)} s of self time, by the calls that lead to it:\n${top(chains, total, 12)}`);
}

function inclusive(profiles: Loaded[], names: string[]) {
  const totals = new Map(names.map((name) => [name, 0]));
  let busy = 0;
  for (const { nodes, parent, self } of profiles) {
    for (const [id, time] of self) {
      if (IDLE.has(nodes.get(id)!.callFrame.functionName)) continue;
      busy += time;
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const name = nodes.get(at)!.callFrame.functionName;
        if (totals.has(name)) seen.add(name);
      }
      for (const name of seen) totals.set(name, (totals.get(name) ?? 0) + time);
    }
  }
  console.log(
    `share of ${(busy / 1e6).toFixed(1)} s busy time spent in each (with what it calls):\n${names.map((name) => `${percent(totals.get(name) ?? 0, busy)}  ${name}`).join("\n")}`,
  );
}

/** Busy stretches of at least `minMs` (no idle sample inside), with what each spent its time in. */
function tasks(profiles: Loaded[], minMs = 50) {
  for (const { file, samples, timeDeltas, nodes } of profiles) {
    console.log(`\n${file}`);
    let clock = 0;
    let stretch: { start: number; time: number; byPackage: Map<string, number>; byFunction: Map<string, number> } | null = null;
    const close = () => {
      if (stretch && stretch.time >= minMs * 1000) {
        const list = (totals: Map<string, number>) =>
          [...totals]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 5)
            .map(([name, time]) => `${name} ${Math.round(time / 1000)}`)
            .join(", ");
        console.log(
          `  ${Math.round(stretch.time / 1000)} ms at ${Math.round(stretch.start / 1000)}: ${list(stretch.byPackage)}\n      ${list(stretch.byFunction)}`,
        );
      }
      stretch = null;
    };
    samples.forEach((id, index) => {
      const delta = timeDeltas[index] ?? 0;
      clock += delta;
      const frame = nodes.get(id)!.callFrame;
      if (IDLE.has(frame.functionName)) return close();
      stretch ??= { start: clock, time: 0, byPackage: new Map(), byFunction: new Map() };
      stretch.time += delta;
      const pkg = pkgOf(frame.url);
      stretch.byPackage.set(pkg, (stretch.byPackage.get(pkg) ?? 0) + delta);
      const name = `${frame.functionName || "(anonymous)"}@${pkg}`;
      stretch.byFunction.set(name, (stretch.byFunction.get(name) ?? 0) + delta);
    });
    close();
  }
}

const [dir, mode, ...rest] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node --import tsx bench/lib/cpu-profile.ts DIR [--callers NAME | --inclusive NAME…]");
  process.exit(2);
}
const profiles = load(dir);
if (mode === "--callers" && rest[0]) callers(profiles, rest[0]);
else if (mode === "--inclusive" && rest.length) inclusive(profiles, rest);
else if (mode === "--tasks") tasks(profiles);
else summary(profiles);
