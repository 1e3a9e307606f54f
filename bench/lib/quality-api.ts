// movierec over its public GraphQL API as a recommender of the quality bench: the whole product (the
// API's production build on Postgres and Redis, bench/lib/stack.ts) fed the MovieLens training
// histories the way people would feed it — one account each, every rating replayed in order through
// the mutations a person clicks — then the model job's own code trained on what the API stored, and
// each person's first page of recommendations read back over GraphQL. It must agree with the
// in-process row (quality-product.ts) within ±0.01 on HR@20 and NDCG@20: that is what shows the
// in-process row, on which tuning runs in seconds, measures what the product serves.
//
// The catalogue goes straight into media_cache (it stands for what ingest would have cached). Accounts
// come from the public signUp mutation, but an API token can only be created by a signed-in person
// (a web session), so tokens are made in-process with the same service, as bench/load.ts does. The
// worker is not started: it would try to fetch TMDB details for films the offline catalogue lacks.
import type { PrismaClient } from "../../apps/api/src/db.ts";
import { createLogger } from "../../apps/api/src/logger.ts";
import { createApiToken } from "../../apps/api/src/modules/auth/api-token.service.ts";
import { DEFAULT_ITEM_MODEL_CONFIG } from "../../apps/api/src/modules/recommendations/model/train-item-model.ts";
import { trainModel, type TrainingSummary } from "../../apps/api/src/modules/recommendations/model/train-model.job.ts";
import { ratingRole, type MovieLensFilm, type TrainingData } from "./movielens.ts";
import type { PairedComparison, Recommender, RecommenderEntry } from "./quality-metrics.ts";
import { log, percentile, round, type SummaryRow } from "./report.ts";
import { graphqlClient, problemsOf, startStack, type Stack } from "./stack.ts";

/** People replayed at once: enough to keep both cores busy, few enough that the API never queues long. */
const REPLAY_CONCURRENCY = 12;
const TARGET_DIFFERENCE = 0.01;

const Q = {
  signUp: `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { id } }`,
  favourite: `mutation AddFavourite($media: MediaRefInput!) { addFavourite(media: $media) { id } }`,
  watched: `mutation MarkWatched($media: MediaRefInput!) { markWatched(media: $media) { id } }`,
  dismissed: `mutation Dismiss($media: MediaRefInput!) { dismiss(media: $media) { id } }`,
  recommendations: `query Recommendations($first: Int!) { recommendations(first: $first) { edges { node { media { id } } } } }`,
} as const;

type GraphqlClient = ReturnType<typeof graphqlClient>;

/** Calls of one kind: how many, how many failed (and how), and how long they took. */
class CallStats {
  clientMs: number[] = [];
  errors = 0;
  problems = new Map<string, number>();
  async send(call: GraphqlClient, query: string, variables: Record<string, unknown>, token?: string) {
    const result = await call(query, variables, token);
    this.clientMs.push(result.clientMs);
    const problems = problemsOf(result);
    if (!problems.length) return result.body!.data;
    this.errors++;
    for (const problem of problems) this.problems.set(problem, (this.problems.get(problem) ?? 0) + 1);
    return undefined;
  }
  describe() {
    const times = this.clientMs.length ? `p50 ${round(percentile(this.clientMs, 50))} / p99 ${round(percentile(this.clientMs, 99))} ms` : "none";
    return `${this.clientMs.length} calls, ${times}, ${this.errors} errors${this.problems.size ? ` ${JSON.stringify(Object.fromEntries(this.problems))}` : ""}`;
  }
}

export interface ProductApiEntry extends RecommenderEntry {
  /** What the run did (accounts, replay, training, reads, catalogue), for the result file; call it
   * after the evaluation and before stop(). */
  summary(): Promise<SummaryRow[]>;
  /** Stops the API, Postgres, Redis and the offline catalogue; safe to call when never built. */
  stop(): Promise<void>;
}

export function productApiEntry(): ProductApiEntry {
  let stack: Stack | undefined;
  let call: GraphqlClient | undefined;
  let filmCount = 0;
  const stats = { signUp: new CallStats(), replay: new CallStats(), recommendations: new CallStats() };
  const figures = { replaySeconds: 0, training: undefined as TrainingSummary | undefined };

  const stop = async () => {
    call?.close();
    await stack?.stop();
    call = stack = undefined;
  };

  async function build(training: TrainingData): Promise<Recommender> {
    filmCount = training.films.length;
    stack = await startStack({ name: "quality-api", titles: 100, log });
    try {
      const { prisma } = stack.services;
      await seedCatalogue(prisma, training);
      const api = await stack.startApi();
      call = graphqlClient(api.url, { timeoutMs: 60_000 });
      const tokens = await createAccounts(prisma, call, [...training.histories.keys()], stats.signUp);
      const started = performance.now();
      await replayRatings(call, training, tokens, stats.replay);
      figures.replaySeconds = (performance.now() - started) / 1000;
      log(
        `replayed training ratings in ${figures.replaySeconds.toFixed(0)} s (${(stats.replay.clientMs.length / figures.replaySeconds).toFixed(0)} mutations/s): ${stats.replay.describe()}`,
      );
      figures.training = await trainModel({ prisma, logger: createLogger({ level: "silent", name: "bench" }) }, { model: DEFAULT_ITEM_MODEL_CONFIG });
      await prisma.$executeRawUnsafe("ANALYZE interaction, item_neighbours");
      log(
        `model version ${figures.training.version}: ${figures.training.titles} titles, ${figures.training.interactions} interactions, ${figures.training.users} people, trained in ${figures.training.trainingMs} ms`,
      );
      return recommender(call, tokens);
    } catch (error) {
      await stop();
      throw error;
    }
  }

  /** Ids are "movie:<tmdbId>", and the catalogue's TMDB ids are MovieLens ids. A failed read is
   * retried once; then it counts as an error (reported, target 0) and an empty list. */
  const recommender =
    (client: GraphqlClient, tokens: ReadonlyMap<number, string>): Recommender =>
    async (person, count) => {
      for (let attempt = 0; attempt < 2; attempt++) {
        const data = await stats.recommendations.send(client, Q.recommendations, { first: count }, tokens.get(person));
        if (data) return data.recommendations.edges.map((edge: { node: { media: { id: string } } }) => Number(edge.node.media.id.replace(/^movie:/, "")));
      }
      return [];
    };

  return {
    name: "movierec (GraphQL API)",
    build,
    // Requests in flight while reading recommendations: each ranking is CPU work in the one API process.
    concurrency: 4,
    stop,
    summary: async () => {
      const replayed = stats.replay.clientMs.length;
      const model = figures.training;
      // Still the MovieLens films alone after every read: nothing (discover, enrichment) added titles.
      const cached = stack ? await countCached(stack.services.prisma) : 0;
      return [
        {
          measure: "GraphQL API row: accounts created with signUp (tokens in-process)",
          value: stats.signUp.describe(),
          target: "0 errors",
          met: stats.signUp.errors === 0,
        },
        {
          measure: `GraphQL API row: training ratings replayed (addFavourite / markWatched / dismiss), ${REPLAY_CONCURRENCY} people at once`,
          value: `${replayed} mutations in ${round(figures.replaySeconds, 0)} s (${round(replayed / Math.max(figures.replaySeconds, 1e-9), 0)}/s); ${stats.replay.describe()}`,
          target: "0 errors",
          met: stats.replay.errors === 0,
        },
        {
          measure: "GraphQL API row: model trained by the job's code",
          value: model ? `version ${model.version}, ${model.titles} titles, ${model.interactions} interactions, ${model.trainingMs} ms` : "not trained",
        },
        {
          measure: "GraphQL API row: recommendations(first: 20) reads",
          value: stats.recommendations.describe(),
          target: "0 errors",
          met: stats.recommendations.errors === 0,
        },
        {
          measure: "GraphQL API row: titles in media_cache after the reads",
          value: String(cached),
          target: "the MovieLens films only",
          met: cached === filmCount,
        },
      ];
    },
  };
}

/**
 * The MovieLens films as TMDB-shaped movie rows, exactly as the in-process row sees them:
 * popularity and votes from the training ratings (vote average on TMDB's 10-point scale), English,
 * details marked fresh so nothing tries to enrich them. The release date keeps u.item's day when
 * its year is the title's; otherwise u.item's date is a later (re-)release (Taxi Driver, 1976, is
 * dated 1996) and the title's year is what TMDB would have, and what the in-process row uses.
 */
async function seedCatalogue(prisma: PrismaClient, training: TrainingData): Promise<void> {
  const before = await countCached(prisma);
  if (before) throw new Error(`media_cache already holds ${before} titles: the API row needs the MovieLens films alone`);
  const votes = new Map<number, { count: number; stars: number }>();
  for (const history of training.histories.values()) {
    for (const { item, rating } of history) {
      const film = votes.get(item) ?? { count: 0, stars: 0 };
      votes.set(item, { count: film.count + 1, stars: film.stars + rating });
    }
  }
  const rows = training.films.map((film) => {
    const { count, stars } = votes.get(film.id) ?? { count: 0, stars: 0 };
    return {
      tmdb_id: film.id,
      title: film.title,
      release_date: releaseDate(film),
      genre_ids: film.genreIds,
      popularity: count,
      vote_average: count ? (2 * stars) / count : null,
      vote_count: count,
    };
  });
  await prisma.$executeRaw`
    INSERT INTO media_cache (media_type, tmdb_id, title, original_title, release_date, genre_ids, original_language, popularity,
                             vote_average, vote_count, adult, details_fetched_at, updated_at)
    SELECT 'movie', r.tmdb_id, r.title, r.title, r.release_date::date, r.genre_ids, 'en', r.popularity, r.vote_average, r.vote_count, false, now(), now()
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r(tmdb_id int, title text, release_date text, genre_ids int[], popularity float8, vote_average float8, vote_count int)`;
  await prisma.$executeRawUnsafe("ANALYZE media_cache");
  log(`media_cache: ${await countCached(prisma)} MovieLens films as TMDB-shaped movies`);
}

const releaseDate = (film: MovieLensFilm) =>
  film.year === null ? null : film.releaseDate?.startsWith(`${film.year}-`) ? film.releaseDate : `${film.year}-01-01`;

const countCached = async (prisma: PrismaClient) => Number((await prisma.$queryRaw<[{ count: bigint }]>`SELECT count(*) FROM media_cache`)[0].count);

/** One account per MovieLens person through signUp, and an API token for each. */
async function createAccounts(prisma: PrismaClient, call: GraphqlClient, people: readonly number[], stats: CallStats): Promise<Map<number, string>> {
  const started = performance.now();
  const tokens = new Map<number, string>();
  // signUp hashes the password with argon2id: a few at once keep the API's thread pool busy.
  await forEachConcurrently(people, 4, async (person) => {
    const input = { email: `movielens-${person}@example.test`, name: `MovieLens ${person}`, password: `movielens-${person}-password` };
    const data = await stats.send(call, Q.signUp, { input });
    if (data) tokens.set(person, (await createApiToken({ prisma }, { userId: data.signUp.id, name: "quality bench" })).secret);
  });
  log(`${tokens.size} accounts in ${((performance.now() - started) / 1000).toFixed(0)} s: ${stats.describe()}`);
  if (tokens.size !== people.length) throw new Error(`signUp failed for ${people.length - tokens.size} people`);
  return tokens;
}

/** Each person's training ratings, oldest first (ties by item id, the split's order), one mutation
 * at a time, so the API stores them in the order the person gave them; people in parallel. */
async function replayRatings(call: GraphqlClient, training: TrainingData, tokens: ReadonlyMap<number, string>, stats: CallStats): Promise<void> {
  await forEachConcurrently([...training.histories.keys()], REPLAY_CONCURRENCY, async (person) => {
    for (const { item, rating } of training.histories.get(person)!) {
      await stats.send(call, Q[ratingRole(rating)], { media: { type: "MOVIE", tmdbId: item } }, tokens.get(person));
    }
  });
}

async function forEachConcurrently<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) await task(items[index]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** The issue's agreement check between the API row and the in-process row (a − b, per person). */
export function agreementRow(difference: PairedComparison): SummaryRow {
  const hitRate = Math.abs(difference.hitRate20.value);
  const ndcg = Math.abs(difference.ndcg20.value);
  return {
    measure: "movierec (GraphQL API) vs (in-process): |Δ HR@20| / |Δ NDCG@20|, same people",
    value: `${hitRate.toFixed(4)} / ${ndcg.toFixed(4)}`,
    target: `≤ ${TARGET_DIFFERENCE} each`,
    met: hitRate <= TARGET_DIFFERENCE && ndcg <= TARGET_DIFFERENCE,
  };
}
