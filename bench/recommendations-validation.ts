// Model choices made on the MovieLens 100K validation split (cut from the training histories by the
// same temporal rule; the test split is never read): the in-process product recommender
// (lib/quality-product.ts) at each number of seeds (MAX_SEEDS in ranking/weights.ts), HR@20,
// NDCG@20, recall@20 and coverage@20. Prints one line per setting.
// With RATINGS=likedFrom/atLikedFrom,… each history is fed as ratings (1–5 stars → 2–10, RATING
// interactions) under those weights (interaction-weights.ts), against the roles the bench uses by
// default (favourite / watched / dismissed), at the product's MAX_SEEDS.
//
// Run: MOVIELENS_100K_DIR=/path/to/ml-100k node --import tsx bench/recommendations-validation.ts
//      (SEEDS=200,100,60,40,30,20 by default; each setting takes a few seconds)
import { findMovieLens100kDir, loadMovieLens100k, MOVIELENS_DOWNLOAD_HELP, temporalSplit, trainingDataOf, validationSplit } from "./lib/movielens.ts";
import { INTERACTION_WEIGHTS } from "../apps/api/src/modules/recommendations/interaction-weights.ts";
import { productRecommender } from "./lib/quality-product.ts";
import { evaluate, summarize } from "./lib/quality-metrics.ts";

const directory = findMovieLens100kDir();
if (!directory) {
  process.stderr.write(`${MOVIELENS_DOWNLOAD_HELP}\n`);
  process.exit(2);
}
const { ratings, films } = loadMovieLens100k(directory);
const training = trainingDataOf(temporalSplit(ratings), films);
const validation = validationSplit(training.histories);
const validationTraining = trainingDataOf(validation, training.films);
const f = (value: number) => value.toFixed(4);
async function report(label: string, options: Parameters<typeof productRecommender>[1]) {
  const evaluation = await evaluate(productRecommender(validationTraining, options), validation, { depth: 20 });
  const { hitRate20, ndcg20, recall20, coverage20 } = summarize(evaluation, films.length, { resamples: 200 });
  console.log(`${label}: HR@20 ${f(hitRate20.value)}, NDCG@20 ${f(ndcg20.value)}, recall@20 ${f(recall20.value)}, coverage@20 ${f(coverage20.value)}`);
}
if (process.env.RATINGS) {
  await report("roles (favourite / watched / dismissed)", {});
  for (const setting of process.env.RATINGS.split(",")) {
    const [likedFrom, atLikedFrom] = setting.split("/").map(Number) as [number, number];
    await report(`ratings, likedFrom ${likedFrom}, atLikedFrom ${atLikedFrom}`, {
      asRatings: true,
      weights: { ...INTERACTION_WEIGHTS, rating: { likedFrom, atLikedFrom } },
    });
  }
} else {
  for (const maxSeeds of (process.env.SEEDS ?? "200,100,60,40,30,20").split(",").map(Number)) await report(`seeds ${maxSeeds}`, { maxSeeds });
}
