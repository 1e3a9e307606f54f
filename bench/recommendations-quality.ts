// Recommendation quality on real people's histories: MovieLens 100K (GroupLens), per-person temporal
// hold-out (bench/lib/movielens.ts), against popularity, item-kNN and EASE (bench/lib/quality-baselines.ts).
//
//   MOVIELENS_100K_DIR=/path/to/ml-100k node --import tsx bench/recommendations-quality.ts
//   MOVIELENS_100K_DIR=/path/to/ml-100k npm run bench -- recommendations-quality
//
// The dataset's terms forbid redistributing it, so it is not in this repository: download it from
// https://grouplens.org/datasets/movielens/100k/ and unzip it. Without it this bench exits with code 2.
//
// Prints HR@10/20, NDCG@10/20 and coverage@20 with 95 % intervals for every recommender, then the
// paired difference (row − earlier row, per person on the same people) of HR@20, NDCG@20 and
// coverage@20 for every pair. A recommender is one line in RECOMMENDERS. The "GraphQL API" row runs
// the whole product (Postgres, Redis, the API's production build) and takes about 5 of the ~6 minutes.
import { chooseEaseLambda, easeRecommender, itemKnnRecommender, popularityRecommender } from "./lib/quality-baselines.ts";
import {
  evaluate,
  compare,
  summarize,
  type Evaluation,
  type Interval,
  type PairedComparison,
  type QualitySummary,
  type RecommenderEntry,
} from "./lib/quality-metrics.ts";
import { findMovieLens100kDir, loadMovieLens100k, MOVIELENS_DOWNLOAD_HELP, temporalSplit, trainingDataOf } from "./lib/movielens.ts";
import { productRecommender } from "./lib/quality-product.ts";
import { agreementRow, productApiEntry } from "./lib/quality-api.ts";
import { log, round, writeResult } from "./lib/report.ts";

/** One seed for every bootstrap, so intervals are reproducible and paired differences share resamples. */
const BOOTSTRAP = { resamples: 1000, seed: 20261202 };

const directory = findMovieLens100kDir();
if (!directory) {
  process.stderr.write(`${MOVIELENS_DOWNLOAD_HELP}\n`);
  process.exit(2);
}

const started = performance.now();
const { ratings, films } = loadMovieLens100k(directory);
const split = temporalSplit(ratings);
const training = trainingDataOf(split, films);
const testFilms = split.evaluated.reduce((sum, person) => sum + split.people.get(person)!.test.length, 0);
log(
  `MovieLens 100K: ${ratings.length} ratings, ${split.people.size} people, ${films.length} films; ${split.evaluated.length} people evaluated, ${testFilms} held-out liked films`,
);

const easeChoice = await chooseEaseLambda(training);
log(
  `EASE λ on the validation split (NDCG@20): ${easeChoice.grid.map(({ lambda, ndcg20 }) => `${lambda} → ${ndcg20.toFixed(4)}`).join(", ")}; chosen ${easeChoice.lambda}`,
);

// The whole product over its public GraphQL API (bench/lib/quality-api.ts): a stack it stops at the end.
const productApi = productApiEntry();
const RECOMMENDERS: RecommenderEntry[] = [
  { name: "popularity", build: popularityRecommender },
  { name: "item-kNN", build: itemKnnRecommender },
  { name: `EASE (λ ${easeChoice.lambda})`, build: (data) => easeRecommender(data, { lambda: easeChoice.lambda }) },
  // The product's own trainer and request-time scorer, in-process (bench/lib/quality-product.ts).
  { name: "movierec (in-process)", build: (data) => productRecommender(data) },
  productApi,
];

interface Row {
  name: string;
  evaluation: Evaluation;
  summary: QualitySummary;
  buildMs: number;
  rankMs: number;
}

async function run(entry: RecommenderEntry): Promise<Row> {
  const buildStarted = performance.now();
  const recommender = await entry.build(training);
  const rankStarted = performance.now();
  const evaluation = await evaluate(recommender, split, { depth: 20, concurrency: entry.concurrency });
  const rankMs = performance.now() - rankStarted;
  log(`${entry.name}: built in ${(rankStarted - buildStarted).toFixed(0)} ms, ranked ${evaluation.people.length} people in ${rankMs.toFixed(0)} ms`);
  return { name: entry.name, evaluation, summary: summarize(evaluation, films.length, BOOTSTRAP), buildMs: rankStarted - buildStarted, rankMs };
}

const rows: Row[] = [];
for (const entry of RECOMMENDERS) rows.push(await run(entry));

const pairs: { a: string; b: string; difference: PairedComparison }[] = [];
rows.forEach((row, index) => {
  for (const earlier of rows.slice(0, index))
    pairs.push({ a: row.name, b: earlier.name, difference: compare(row.evaluation, earlier.evaluation, films.length, BOOTSTRAP) });
});

const apiVsInProcess = pairs.find(({ a, b }) => a === productApi.name && b === "movierec (in-process)");
const agreement = apiVsInProcess ? [agreementRow(apiVsInProcess.difference)] : [];
const apiSummary = [...(await productApi.summary()), ...agreement];
await productApi.stop();

const formatInterval = ({ value, low, high }: Interval, signed = false) => {
  const sign = signed && value >= 0 ? "+" : "";
  return `${sign}${value.toFixed(3)} [${low.toFixed(3)}, ${high.toFixed(3)}]`;
};

console.log(`\nquality on ${split.evaluated.length} people's held-out liked films (value [95 % interval])`);
console.table(
  Object.fromEntries(
    rows.map(({ name, summary }) => [
      name,
      {
        "HR@10": formatInterval(summary.hitRate10),
        "HR@20": formatInterval(summary.hitRate20),
        "NDCG@10": formatInterval(summary.ndcg10),
        "NDCG@20": formatInterval(summary.ndcg20),
        "recall@20": formatInterval(summary.recall20),
        "coverage@20": formatInterval(summary.coverage20),
      },
    ]),
  ),
);
console.log("paired differences, row − column recommender, per person (coverage: paired bootstrap)");
console.table(
  Object.fromEntries(
    pairs.map(({ a, b, difference }) => [
      `${a} − ${b}`,
      {
        "ΔHR@20": formatInterval(difference.hitRate20, true),
        "ΔNDCG@20": formatInterval(difference.ndcg20, true),
        "Δcoverage@20": formatInterval(difference.coverage20, true),
      },
    ]),
  ),
);
for (const { measure, value, target, met } of apiSummary) log(`${measure}: ${value}${target ? ` (target ${target}: ${met ? "met" : "NOT met"})` : ""}`);

const roundInterval = ({ value, low, high }: Interval) => ({ value: round(value, 4), low: round(low, 4), high: round(high, 4) });
const roundAll = <T extends object>(record: T) =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, typeof value === "number" ? value : roundInterval(value as Interval)]));

writeResult("recommendations-quality", {
  title: "Recommendation quality on MovieLens 100K, per-person temporal hold-out (HR, NDCG, coverage with 95 % intervals)",
  summary: [
    ...rows.map(({ name, summary }) => ({
      measure: `${name}: HR@20 / NDCG@20 / coverage@20, ${summary.people} people`,
      value: `HR@20 ${formatInterval(summary.hitRate20)}, NDCG@20 ${formatInterval(summary.ndcg20)}, coverage@20 ${formatInterval(summary.coverage20)}`,
    })),
    ...apiSummary,
  ],
  protocol:
    "People with ≥ 10 liked ratings (≥ 4 stars): the most recent ceil(20 %) of liked ratings (by timestamp, ties by item id) are the test; everything else they rated is training. " +
    "Nothing a person rated in training is ever recommended. Intervals: mean ± 1.96·sd/√n per person; coverage by a bias-corrected percentile bootstrap over people (1,000 resamples, seeded).",
  split: { ratings: ratings.length, people: split.people.size, films: films.length, evaluatedPeople: split.evaluated.length, testFilms },
  easeLambda: { chosen: easeChoice.lambda, validationNdcg20: easeChoice.grid.map(({ lambda, ndcg20 }) => ({ lambda, ndcg20: round(ndcg20, 4) })) },
  recommenders: rows.map(({ name, summary, buildMs, rankMs }) => ({ name, ...roundAll(summary), buildMs: round(buildMs, 0), rankMs: round(rankMs, 0) })),
  pairedDifferences: pairs.map(({ a, b, difference }) => ({ a, b, ...roundAll(difference) })),
  totalSeconds: round((performance.now() - started) / 1000, 1),
});
