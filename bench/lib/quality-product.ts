// movierec itself as a recommender of the quality bench, in-process: the model job's trainer
// (train-item-model.ts) on the training histories mapped to interactions exactly as the product
// maps them (interaction-weights.ts), and the request-time scorer (ranking/ with the neighbour
// lists) over the candidate pool the API builds, from the API's own in-memory catalogue index
// (serving/catalogue-index.ts: the collaborative best, popular, genre and top-rated pools). Films carry what a
// TMDB-shaped catalogue made from u.item has (title, year, genres), with popularity and votes from
// the training ratings, as the cache would have its own.
import { bestCollaborativeKeys, type NeighbourList } from "../../apps/api/src/modules/recommendations/collaborative.ts";
import { interactionWeight, INTERACTION_WEIGHTS, type InteractionWeights } from "../../apps/api/src/modules/recommendations/interaction-weights.ts";
import { DEFAULT_ITEM_MODEL_CONFIG, trainItemModel, type ItemModelConfig } from "../../apps/api/src/modules/recommendations/model/train-item-model.ts";
import { rankRecommendations } from "../../apps/api/src/modules/recommendations/ranking/rank.ts";
import { collaborativeEvidence } from "../../apps/api/src/modules/recommendations/ranking/taste-profile.ts";
import { MAX_SEEDS, type RankingOptions } from "../../apps/api/src/modules/recommendations/ranking/weights.ts";
import type { CandidateTitle, SeedTitle } from "../../apps/api/src/modules/recommendations/ranking/types.ts";
import { CatalogueIndex, NO_HARD_FILTERS, POOL_LIMITS } from "../../apps/api/src/modules/recommendations/serving/catalogue-index.ts";
import { ratingRole, type TrainingData } from "./movielens.ts";
import type { Recommender } from "./quality-metrics.ts";

export interface ProductOptions {
  weights?: Readonly<InteractionWeights>;
  model?: Partial<ItemModelConfig>;
  ranking?: RankingOptions;
  /** Experiments only: rank every film the person has not seen instead of the API's pools. */
  wholeCatalogue?: boolean;
  /** The most recent positive titles used as seeds (the product's MAX_SEEDS). */
  maxSeeds?: number;
  /**
   * Each MovieLens rating as a movierec rating (1–5 stars → 2–10, a RATING interaction, as `rate`
   * and an imported Letterboxd history store it) instead of its role (favourite / watched / dismissed).
   */
  asRatings?: boolean;
}

const KIND = { favourite: "FAVOURITE", watched: "WATCHED", dismissed: "DISMISSED" } as const;
const NOW = new Date("1998-05-01T00:00:00Z"); // just after the dataset's last rating

export function productRecommender(training: TrainingData, options: ProductOptions = {}): Recommender {
  const weights = options.weights ?? INTERACTION_WEIGHTS;
  const weightOf = (stars: number) =>
    options.asRatings ? interactionWeight("RATING", 2 * stars, weights) : interactionWeight(KIND[ratingRole(stars)], null, weights);
  const keyOf = (item: number) => `movie:${item}`;
  const itemKeys = training.films.map((film) => keyOf(film.id));
  const itemIndex = new Map(training.films.map((film, index) => [film.id, index]));
  const people = [...training.histories.keys()];
  const user: number[] = [];
  const item: number[] = [];
  const value: number[] = [];
  people.forEach((person, index) => {
    for (const rating of training.histories.get(person)!) {
      user.push(index);
      item.push(itemIndex.get(rating.item)!);
      value.push(weightOf(rating.rating));
    }
  });
  const model = trainItemModel(
    { userCount: people.length, itemKeys, user: Int32Array.from(user), item: Int32Array.from(item), value: Float32Array.from(value), length: user.length },
    { ...DEFAULT_ITEM_MODEL_CONFIG, ...options.model },
  );
  const neighbours = new Map<string, NeighbourList>(
    model.lists.map((list) => [itemKeys[list.item]!, { keys: Array.from(list.neighbours, (n) => itemKeys[n]!), weights: list.weights }]),
  );
  const catalogue = buildCatalogue(training, neighbours);
  const index = new CatalogueIndex();
  index.upsert(catalogue.map((film) => ({ ...film, adult: false, streamingOn: [], updatedAt: 1 })));
  const inModel = new Set(neighbours.keys());
  const filters = NO_HARD_FILTERS;

  return (person, count) => {
    const history = [...training.histories.get(person)!].sort((a, b) => b.timestamp - a.timestamp);
    const seen = new Set(history.map((rating) => keyOf(rating.item)));
    const seeds: SeedTitle[] = history
      .map((rating) => ({ rating, weight: weightOf(rating.rating) }))
      .filter(({ weight }) => weight > 0)
      .slice(0, options.maxSeeds ?? MAX_SEEDS)
      .map(({ rating, weight }) => ({ ...toSeed(catalogue[itemIndex.get(rating.item)!]!), weight, addedAt: NOW }));
    const genreCounts = new Map<number, number>();
    for (const seed of seeds) for (const genre of seed.genreIds) genreCounts.set(genre, (genreCounts.get(genre) ?? 0) + 1);
    const genreIds = [...genreCounts]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 4)
      .map(([genre]) => genre);
    const collaborative = collaborativeEvidence(seeds, neighbours, NOW);
    const collaborativeKeys = bestCollaborativeKeys(collaborative, POOL_LIMITS.collaborative * 2);
    const pool = index.candidatePool({ filters, excluded: seen, genreIds, castIds: [], directorIds: [], collaborativeKeys, inModel });
    if (options.wholeCatalogue) {
      const inPool = new Set(pool.map((film) => film.key));
      pool.push(...catalogue.filter((film) => !seen.has(film.key) && !inPool.has(film.key)));
    }
    const ranked = rankRecommendations(
      {
        profile: { likedGenreIds: [], dislikedGenreIds: [], languages: [], yearFrom: null, yearTo: null, seeds },
        candidates: pool,
        neighbours,
        collaborative,
        genreNames: new Map(),
        personNames: new Map(),
        now: NOW,
        limit: count,
      },
      options.ranking,
    );
    return ranked.map((entry) => entry.candidate.tmdbId);
  };
}

function buildCatalogue(training: TrainingData, neighbours: ReadonlyMap<string, NeighbourList>): CandidateTitle[] {
  const ratings = new Map<number, number[]>();
  for (const history of training.histories.values())
    for (const rating of history) ratings.set(rating.item, [...(ratings.get(rating.item) ?? []), rating.rating]);
  return training.films.map((film) => {
    const stars = ratings.get(film.id) ?? [];
    const key = `movie:${film.id}`;
    return {
      key,
      mediaType: "movie",
      tmdbId: film.id,
      title: film.title,
      genreIds: film.genreIds,
      castIds: [],
      directorIds: [],
      keywordIds: [],
      originalLanguage: "en",
      releaseYear: film.year,
      popularity: stars.length,
      voteAverage: stars.length ? (2 * stars.reduce((sum, star) => sum + star, 0)) / stars.length : null,
      voteCount: stars.length,
      runtime: null,
      sources: ["genre"],
      inModel: neighbours.has(key),
    };
  });
}

const toSeed = (film: CandidateTitle): Omit<SeedTitle, "weight" | "addedAt"> => ({
  key: film.key,
  mediaType: film.mediaType,
  tmdbId: film.tmdbId,
  title: film.title,
  genreIds: film.genreIds,
  castIds: film.castIds,
  directorIds: film.directorIds,
  keywordIds: film.keywordIds,
  originalLanguage: film.originalLanguage,
  releaseYear: film.releaseYear,
});
