// Baselines the product's recommendations are measured against on MovieLens: popularity, item-kNN
// and EASE, all on the binary "liked" matrix (≥ 4 stars) of the training histories. None of them
// ever recommends a film the person has in training, whatever they rated it: the product does not
// recommend what a person has already favourited, watched or dismissed either.
import { invertSymmetricPositiveDefinite } from "../../apps/api/src/modules/recommendations/model/linear-algebra.ts";
import { trainingDataOf, validationSplit, type TrainingData } from "./movielens.ts";
import { evaluate, meanInterval, ndcg, perPerson, type Recommender } from "./quality-metrics.ts";

const LIKED_FROM = 4;

/** The training data as dense indices: films in catalogue order (ascending id, which also breaks
 * score ties), each person's liked films and every film they rated. */
interface LikedMatrix {
  itemIds: number[];
  liked: Map<number, number[]>;
  seen: Map<number, Set<number>>;
}

function likedMatrix(training: TrainingData): LikedMatrix {
  const itemIds = training.films.map((film) => film.id).sort((a, b) => a - b);
  const indexOf = new Map(itemIds.map((id, index) => [id, index]));
  const liked = new Map<number, number[]>();
  const seen = new Map<number, Set<number>>();
  for (const [person, history] of training.histories) {
    const rated = history.filter((rating) => indexOf.has(rating.item));
    liked.set(
      person,
      rated.filter((rating) => rating.rating >= LIKED_FROM).map((rating) => indexOf.get(rating.item)!),
    );
    seen.set(person, new Set(rated.map((rating) => indexOf.get(rating.item)!)));
  }
  return { itemIds, liked, seen };
}

/** Ranks films by score (ties by id), leaving out everything the person has rated. */
function rankUnseen(matrix: LikedMatrix, person: number, scores: Float64Array, count: number): number[] {
  const seen = matrix.seen.get(person) ?? new Set<number>();
  const candidates: number[] = [];
  for (let index = 0; index < scores.length; index++) if (!seen.has(index)) candidates.push(index);
  candidates.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return candidates.slice(0, count).map((index) => matrix.itemIds[index]!);
}

/** Sums rows of an n×n row-major matrix: the rows of the person's liked films. */
function sumOfRows(matrix: Float64Array, n: number, rows: readonly number[]): Float64Array {
  const scores = new Float64Array(n);
  for (const row of rows) {
    const start = row * n;
    for (let column = 0; column < n; column++) scores[column] = scores[column]! + matrix[start + column]!;
  }
  return scores;
}

/** Films by how many people liked them in training. */
export function popularityRecommender(training: TrainingData): Recommender {
  const matrix = likedMatrix(training);
  const counts = new Float64Array(matrix.itemIds.length);
  for (const liked of matrix.liked.values()) for (const index of liked) counts[index] = counts[index]! + 1;
  return (person, count) => rankUnseen(matrix, person, counts, count);
}

/** XᵀX of the binary liked matrix: co-likes of every pair of films, likes on the diagonal. */
function coLikes(matrix: LikedMatrix): Float64Array {
  const n = matrix.itemIds.length;
  const gram = new Float64Array(n * n);
  for (const liked of matrix.liked.values()) {
    for (const i of liked) for (const j of liked) gram[i * n + j] = gram[i * n + j]! + 1;
  }
  return gram;
}

/** Item-kNN: cosine similarity of films' liker sets, a candidate scored by the sum of its similarity
 * to every film the person liked (full neighbourhoods, no top-k pruning). */
export function itemKnnRecommender(training: TrainingData): Recommender {
  const matrix = likedMatrix(training);
  const n = matrix.itemIds.length;
  const similarity = coLikes(matrix);
  const norms = Array.from({ length: n }, (_, index) => Math.sqrt(similarity[index * n + index]!));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) similarity[i * n + j] = norms[i]! && norms[j]! ? similarity[i * n + j]! / (norms[i]! * norms[j]!) : 0;
  }
  return (person, count) => rankUnseen(matrix, person, sumOfRows(similarity, n, matrix.liked.get(person) ?? []), count);
}

/** EASE (Steck 2019): B = I − P·diag(1/diag(P)), P = (XᵀX + λI)⁻¹, score = x_u·B. Only films somebody
 * liked enter the inverse: a film nobody liked is a decoupled block of P with a zero row and column in
 * B, so leaving it out changes no score and saves a cubic amount of work. */
export function easeRecommender(training: TrainingData, options: { lambda: number }): Recommender {
  const matrix = likedMatrix(training);
  const n = matrix.itemIds.length;
  const gram = coLikes(matrix);
  const active = Array.from({ length: n }, (_, index) => index).filter((index) => gram[index * n + index]! > 0);
  const weights = easeWeights(gram, n, active, options.lambda);
  const m = active.length;
  const activeIndexOf = new Map(active.map((index, position) => [index, position]));
  return (person, count) => {
    const liked = (matrix.liked.get(person) ?? []).map((index) => activeIndexOf.get(index)!);
    const activeScores = sumOfRows(weights, m, liked);
    const scores = new Float64Array(n);
    active.forEach((index, position) => (scores[index] = activeScores[position]!));
    return rankUnseen(matrix, person, scores, count);
  };
}

/** B over the active films: B[i][j] = −P[i][j] / P[j][j], zero diagonal. */
function easeWeights(gram: Float64Array, n: number, active: readonly number[], lambda: number): Float64Array {
  const m = active.length;
  const weights = new Float64Array(m * m);
  active.forEach((i, row) => active.forEach((j, column) => (weights[row * m + column] = gram[i * n + j]!)));
  for (let diagonal = 0; diagonal < m; diagonal++) weights[diagonal * m + diagonal] = weights[diagonal * m + diagonal]! + lambda;
  invertSymmetricPositiveDefinite(weights, m);
  const pivots = Array.from({ length: m }, (_, index) => weights[index * m + index]!);
  for (let row = 0; row < m; row++) {
    for (let column = 0; column < m; column++) weights[row * m + column] = row === column ? 0 : -weights[row * m + column]! / pivots[column]!;
  }
  return weights;
}

export const EASE_LAMBDA_GRID = [10, 25, 50, 100, 200, 300, 500, 800, 1200, 2000];

export interface LambdaChoice {
  lambda: number;
  /** NDCG@20 on the validation split for every λ tried. */
  grid: { lambda: number; ndcg20: number }[];
}

/** Picks λ by NDCG@20 on a validation split cut from the training histories alone (the same temporal
 * rule), so the test never influences it. */
export async function chooseEaseLambda(training: TrainingData, grid: readonly number[] = EASE_LAMBDA_GRID): Promise<LambdaChoice> {
  const validation = validationSplit(training.histories);
  const validationTraining = trainingDataOf(validation, training.films);
  const results: LambdaChoice["grid"] = [];
  for (const lambda of grid) {
    const evaluation = await evaluate(easeRecommender(validationTraining, { lambda }), validation);
    results.push({ lambda, ndcg20: meanInterval(perPerson(evaluation, ndcg, 20)).value });
  }
  const best = results.reduce((a, b) => (b.ndcg20 > a.ndcg20 ? b : a));
  return { lambda: best.lambda, grid: results };
}
