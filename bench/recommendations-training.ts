// Training time and memory of the collaborative item model
// (apps/api/src/modules/recommendations/model/train-item-model.ts) on synthetic ratings-shaped data.
//
//   node --import tsx bench/recommendations-training.ts
//     [--sizes 0.5M,1.5M,5M] [--dense N (default: DEFAULT_ITEM_MODEL_CONFIG's)] [--no-kernel]
//
// Each size trains in a fresh child process, so its peak memory (maxRSS) is its own. The data: title
// popularity Zipf-like (weight ∝ 1/(rank + 10)), people's activity heavy-tailed (Pareto, α = 1.5, at
// least 3 titles, mean ≈ 50, at most a tenth of the catalogue), and 40 taste clusters: every title has
// a home cluster, every person 1–3 clusters; 60 % of a person's picks come from their clusters' titles
// (popularity-weighted), 35 % from the whole catalogue by popularity and 5 % uniformly (noise that
// reaches the tail too). Values are ratings-like: 1 or 1.5 for in-taste picks, 0.5 or 1 for the
// others. The "same cluster" figure (the share of top-10 neighbours from the title's own cluster;
// 1 in 40 by chance) shows the model learns the structure.
//
// A child also times the kernel alone (the SPD inverse EASE needs) at n = 500 … 3000.

import { spawnSync } from "node:child_process";
import { mulberry32 } from "../packages/tmdb-catalogue/src/index.ts";
import { invertSymmetricPositiveDefinite } from "../apps/api/src/modules/recommendations/model/linear-algebra.ts";
import {
  DEFAULT_ITEM_MODEL_CONFIG,
  trainItemModel,
  type InteractionData,
  type TrainedItemModel,
} from "../apps/api/src/modules/recommendations/model/train-item-model.ts";
import { log, round, writeResult, type SummaryRow } from "./lib/report.ts";

const SIZES = {
  "0.5M": { people: 10_000, titles: 5_000, interactions: 500_000 },
  "1.5M": { people: 30_000, titles: 10_000, interactions: 1_500_000 },
  "5M": { people: 100_000, titles: 20_000, interactions: 5_000_000 },
} as const;
type SizeName = keyof typeof SIZES;
const CLUSTERS = 40;
const KERNEL_SIZES = [500, 1000, 2000, 3000];

const option = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const megabytes = (bytes: number) => round(bytes / 2 ** 20, 0);
const seconds = (ms: number) => round(ms / 1000, 2);

// ------------------------------------------------------------------------------------- synthetic data
interface Synthetic {
  data: InteractionData;
  homeCluster: Int32Array;
}

function cumulative(weights: ArrayLike<number>): Float64Array {
  const sums = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sums[i] = sum += weights[i]!;
  return sums;
}

/** An index drawn with probability ∝ its weight, given cumulative weights. */
function draw(sums: Float64Array, random: () => number): number {
  const x = random() * sums[sums.length - 1]!;
  let lo = 0,
    hi = sums.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sums[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Titles per person: Pareto(α = 1.5) rescaled to the wanted total, clipped to [3, titles / 10]. */
function activities(size: (typeof SIZES)[SizeName], random: () => number): Int32Array {
  const raw = Float64Array.from({ length: size.people }, () => Math.pow(1 - random(), -1 / 1.5));
  const cap = Math.floor(size.titles / 10);
  let factor = size.interactions / raw.reduce((s, x) => s + x, 0);
  const clipped = (f: number) => Int32Array.from(raw, (x) => Math.max(3, Math.min(cap, Math.round(x * f))));
  for (let pass = 0; pass < 3; pass++) factor *= size.interactions / clipped(factor).reduce((s, x) => s + x, 0); // clipping moves the total
  return clipped(factor);
}

function generate(name: SizeName, seed = 11): Synthetic {
  const size = SIZES[name];
  const random = mulberry32(seed);
  const rank = Int32Array.from({ length: size.titles }, (_, i) => i);
  for (let i = rank.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rank[i], rank[j]] = [rank[j]!, rank[i]!]; // popularity not tied to the index
  }
  const popularity = Float64Array.from(rank, (r) => 1 / (r + 10));
  const homeCluster = Int32Array.from({ length: size.titles }, () => Math.floor(random() * CLUSTERS));
  const members = Array.from({ length: CLUSTERS }, (_, c) => Int32Array.from([...homeCluster.keys()].filter((i) => homeCluster[i] === c)));
  const clusterSums = members.map((titles) => cumulative(Array.from(titles, (i) => popularity[i]!)));
  const everySum = cumulative(popularity);
  const counts = activities(size, random);
  const total = counts.reduce((s, x) => s + x, 0);
  const user = new Int32Array(total),
    item = new Int32Array(total),
    value = new Float32Array(total);
  const seenBy = new Int32Array(size.titles).fill(-1);
  let length = 0;
  for (let u = 0; u < size.people; u++) {
    const mine = Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * CLUSTERS));
    for (let picked = 0, attempts = 0; picked < counts[u]! && attempts < 20 * counts[u]!; attempts++) {
      const roll = random();
      const inTaste = roll < 0.6;
      const c = mine[Math.floor(random() * mine.length)]!;
      const title = inTaste ? members[c]![draw(clusterSums[c]!, random)]! : roll < 0.95 ? draw(everySum, random) : Math.floor(random() * size.titles);
      if (seenBy[title] === u) continue;
      seenBy[title] = u;
      user[length] = u;
      item[length] = title;
      value[length++] = (inTaste ? 1 : 0.5) + (random() < 0.5 ? 0.5 : 0);
      picked++;
    }
  }
  const itemKeys = Array.from({ length: size.titles }, (_, i) => `movie:${i}`);
  return { data: { userCount: size.people, itemKeys, user, item, value, length }, homeCluster };
}

/** Share of top-10 neighbours in the title's own taste cluster, over dense and over tail titles. */
function sameClusterShare(model: TrainedItemModel, homeCluster: Int32Array, dense: Set<number>): { dense: number; tail: number } {
  const tally = { dense: [0, 0], tail: [0, 0] };
  for (const list of model.lists) {
    const bucket = dense.has(list.item) ? tally.dense : tally.tail;
    for (const j of list.neighbours.subarray(0, 10)) {
      bucket[0]! += homeCluster[j] === homeCluster[list.item] ? 1 : 0;
      bucket[1]!++;
    }
  }
  return { dense: round(tally.dense[0]! / Math.max(1, tally.dense[1]!), 3), tail: round(tally.tail[0]! / Math.max(1, tally.tail[1]!), 3) };
}

// ------------------------------------------------------------------------------------------- children
function trainChild(name: SizeName, denseMaxItems: number) {
  const moment = performance.now();
  const { data, homeCluster } = generate(name);
  const generateMs = performance.now() - moment;
  const rssBeforeTraining = process.memoryUsage().rss;
  const config = { ...DEFAULT_ITEM_MODEL_CONFIG, denseMaxItems };
  const model = trainItemModel(data, config);
  const { milliseconds } = model.stats;
  // Dense titles are the ones whose lists hold EASE weights; recover them as the most-supported eligible.
  const support = new Int32Array(data.itemKeys.length);
  for (let e = 0; e < data.length; e++) support[data.item[e]!]!++;
  const dense = new Set(
    model.lists
      .map((l) => l.item)
      .sort((a, b) => support[b]! - support[a]! || a - b)
      .slice(0, model.stats.denseItems),
  );
  const denseInteractions = [...dense].reduce((sum, item) => sum + support[item]!, 0);
  const memory = process.memoryUsage();
  return {
    size: name,
    ...SIZES[name],
    config,
    stats: { ...model.stats, milliseconds: undefined },
    lists: model.lists.length,
    meanListLength: round(model.lists.reduce((s, l) => s + l.neighbours.length, 0) / Math.max(1, model.lists.length), 1),
    denseInteractionShare: round(denseInteractions / data.length, 3),
    sameClusterTop10: sameClusterShare(model, homeCluster, dense),
    seconds: {
      generate: seconds(generateMs),
      prepare: seconds(milliseconds.total - milliseconds.gram - milliseconds.invert - milliseconds.tail),
      gram: seconds(milliseconds.gram),
      invert: seconds(milliseconds.invert),
      tail: seconds(milliseconds.tail),
      total: seconds(milliseconds.total),
    },
    memoryMB: {
      peakRss: megabytes(process.resourceUsage().maxRSS * 1024),
      rssBeforeTraining: megabytes(rssBeforeTraining),
      heapUsed: megabytes(memory.heapUsed),
      heapTotal: megabytes(memory.heapTotal),
      arrayBuffers: megabytes(memory.arrayBuffers),
    },
  };
}

function kernelChild() {
  invertRandomMatrix(300); // lets the JIT compile the kernel before anything is timed
  return KERNEL_SIZES.map((n) => {
    const s = invertRandomMatrix(n);
    return { n, seconds: round(s, 3), gflops: round(n ** 3 / s / 1e9, 2) };
  });
}

/** Seconds to invert a random diagonally dominant (so positive definite) n×n matrix. */
function invertRandomMatrix(n: number): number {
  const random = mulberry32(n);
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) matrix[i * n + j] = matrix[j * n + i] = random() - 0.5;
  for (let i = 0; i < n; i++) matrix[i * n + i]! += n;
  const started = performance.now();
  invertSymmetricPositiveDefinite(matrix, n);
  return (performance.now() - started) / 1000;
}

/** Runs this file again as a child with `args` and returns the JSON it prints last. */
function inChild<T>(args: string[]): T {
  const result = spawnSync(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, "--child", ...args], {
    encoding: "utf8",
    maxBuffer: 16 * 2 ** 20,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (result.status !== 0) throw new Error(`child ${args.join(" ")} failed: exit ${result.status ?? result.signal}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1)!) as T;
}

// ------------------------------------------------------------------------------------------- parent
type TrainResult = ReturnType<typeof trainChild>;
type KernelResult = ReturnType<typeof kernelChild>;

function summaryRows(runs: TrainResult[], kernel: KernelResult | null): SummaryRow[] {
  const rows: SummaryRow[] = runs.map((r) => ({
    measure: `train ${r.people / 1000}k people × ${r.titles / 1000}k titles × ${r.size} interactions (${r.stats.denseItems} EASE titles): total / gram / invert / tail`,
    value: `${r.seconds.total} / ${r.seconds.gram} / ${r.seconds.invert} / ${r.seconds.tail} s, peak ${r.memoryMB.peakRss} MB`,
  }));
  for (let k = 1; k < runs.length; k++) {
    const [a, b] = [runs[k - 1]!, runs[k]!];
    const ratio = (x: number, y: number) => (x > 0 ? round(y / x, 2) : "–");
    rows.push({
      measure: `growth ${a.size} → ${b.size} (interactions ×${round(b.stats.interactions / a.stats.interactions, 2)}): total / gram / invert / tail / peak`,
      value: `×${ratio(a.seconds.total, b.seconds.total)} / ×${ratio(a.seconds.gram, b.seconds.gram)} / ×${ratio(a.seconds.invert, b.seconds.invert)} / ×${ratio(a.seconds.tail, b.seconds.tail)} / ×${ratio(a.memoryMB.peakRss, b.memoryMB.peakRss)}`,
    });
  }
  if (kernel) {
    const at2000 = kernel.find((k) => k.n === 2000);
    rows.push({
      measure: `SPD inverse (Cholesky) n = ${kernel.map((k) => k.n).join(" / ")}`,
      value: `${kernel.map((k) => k.seconds).join(" / ")} s (${kernel.map((k) => k.gflops).join(" / ")} GFLOP/s)`,
      target: "≥ 1 GFLOP/s at n = 2000",
      met: at2000 !== undefined && at2000.gflops >= 1,
    });
  }
  return rows;
}

function main(): void {
  if (process.argv.includes("--child")) {
    const task = option("child")!;
    const result = task === "kernel" ? kernelChild() : trainChild(task as SizeName, Number(option("dense")));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const sizes = (option("sizes")?.split(",") ?? Object.keys(SIZES)) as SizeName[];
  const dense = option("dense") ?? String(DEFAULT_ITEM_MODEL_CONFIG.denseMaxItems);
  const kernel = process.argv.includes("--no-kernel") ? null : inChild<KernelResult>(["kernel"]);
  if (kernel) for (const k of kernel) log(`SPD inverse n = ${k.n}: ${k.seconds} s, ${k.gflops} GFLOP/s`);
  const runs: TrainResult[] = [];
  for (const size of sizes) {
    const run = inChild<TrainResult>([size, "--dense", dense]);
    log(
      `${size}: ${JSON.stringify({ seconds: run.seconds, memoryMB: run.memoryMB, sameClusterTop10: run.sameClusterTop10, denseInteractionShare: run.denseInteractionShare, dense: run.stats.denseItems, tail: run.stats.tailItems })}`,
    );
    runs.push(run);
  }
  writeResult("recommendations-training", {
    title: "Training the item model (EASE on the most-supported titles + item-kNN for the tail) on synthetic power-law data",
    summary: summaryRows(runs, kernel),
    note: "2 shared cores: times are noisy, compare ratios. peakRss includes the generated data (rssBeforeTraining).",
    kernel,
    runs,
  });
}

main();
