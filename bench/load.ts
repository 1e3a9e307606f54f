// Load: 50 simulated users at once, for 60 s, each doing what a person in the app does — mostly
// recommendations, then browsing, searching, title pages (with similar titles), their lists, and
// changes: favourites, watchlist, dismissals, preferences — with 0–200 ms between actions.
//
// The product runs as in production: the API and the worker are their production builds, each its
// own process (bench/lib/stack.ts), on Postgres, Redis and the offline TMDB catalogue (20,000
// titles, 60 ms per answer). MediaCache holds the whole catalogue, but a slice of it has stale
// details and an ingest run is asked for as load starts, so the worker pages TMDB's lists and
// rewrites details into the same tables the users read while they read them.
//
// Every answer is checked: HTTP status, GraphQL errors, and wrong answers against what each user's
// own actions imply (each user acts one step at a time, so its state is known exactly): a favourite
// just added is in `favourites` (same set, newest first), a title on a list or dismissed is never
// recommended, `isFavourite`/`inWatchlist`/`isDismissed` on title pages and browse results agree.
// At the end each user's favourites, watchlist and dismissals in Postgres must equal that state.
//
// Run: npm run bench -- load   (LOAD_SECONDS, LOAD_USERS, LOAD_TITLES, LOAD_STALE change the sizes;
// writes bench/results/load.json)
import { mulberry32 } from "../packages/tmdb-catalogue/src/index.ts";
import { createApiToken } from "../apps/api/src/modules/auth/api-token.service.ts";
import { requestIngestRun } from "../apps/api/src/modules/ingest/ingest-queue.ts";
import { mediaKey } from "../apps/api/src/modules/media/media-key.ts";
import { trainCrowdModel, createCrowd, pickFavourites, popularTitles, TASTES, type CrowdTitle } from "./lib/crowd.ts";
import { log, percentile, round, writeResult, type SummaryRow } from "./lib/report.ts";
import { cacheWholeCatalogue } from "./lib/seed-cache.ts";
import { graphqlClient, problemsOf, startStack, type CallResult } from "./lib/stack.ts";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const USERS = Number(process.env.LOAD_USERS ?? 50);
const TITLES = Number(process.env.LOAD_TITLES ?? 20_000);
const STALE = Number(process.env.LOAD_STALE ?? 3_000);
const CROWD = Number(process.env.LOAD_CROWD ?? 1_000);
const THINK_MS = 200;
/** Lists are kept under one page (50) so a whole list can be compared with the expected state. */
const LIST_CAP = 45;

const Q = {
  recommendations: `query Recommendations($after: String, $filter: RecommendationFilter) { recommendations(first: 20, after: $after, filter: $filter) { coldStart edges { node { score reasons { kind text } media { id title year posterUrl genres { name } isFavourite inWatchlist } } } pageInfo { hasNextPage endCursor } } }`,
  browse: `query Browse($filter: BrowseFilter!, $sort: BrowseSort, $after: String) { browse(filter: $filter, sort: $sort, first: 20, after: $after) { edges { node { id title year posterUrl voteAverage genres { name } isFavourite inWatchlist } } pageInfo { hasNextPage endCursor } } }`,
  searchMedia: `query Search($query: String!, $after: String) { searchMedia(query: $query, first: 20, after: $after) { edges { node { id title year type posterUrl isFavourite } } pageInfo { hasNextPage endCursor } } }`,
  media: `query Title($type: MediaType!, $tmdbId: Int!) { media(type: $type, tmdbId: $tmdbId) { id title originalTitle overview tagline year releaseDate runtime voteAverage voteCount posterUrl backdropUrl genres { id name } cast(first: 10) { id name profileUrl } directors { id name } isFavourite inWatchlist isDismissed watchedAt similar(first: 12) { id title year posterUrl } } }`,
  favourites: `query Favourites($after: String) { favourites(first: 50, after: $after) { edges { addedAt node { id title posterUrl } } pageInfo { hasNextPage endCursor } } }`,
  watchlist: `query Watchlist($watched: Boolean) { watchlist(first: 50, watched: $watched) { edges { addedAt watchedAt node { id title posterUrl } } pageInfo { hasNextPage endCursor } } }`,
  addFavourite: `mutation AddFavourite($media: MediaRefInput!) { addFavourite(media: $media) { id isFavourite } }`,
  removeFavourite: `mutation RemoveFavourite($media: MediaRefInput!) { removeFavourite(media: $media) { id isFavourite } }`,
  addToWatchlist: `mutation AddToWatchlist($media: MediaRefInput!) { addToWatchlist(media: $media) { id inWatchlist } }`,
  markWatched: `mutation MarkWatched($media: MediaRefInput!) { markWatched(media: $media) { id inWatchlist watchedAt } }`,
  dismiss: `mutation Dismiss($media: MediaRefInput!) { dismiss(media: $media) { id isDismissed } }`,
  undoDismiss: `mutation UndoDismiss($media: MediaRefInput!) { undoDismiss(media: $media) { id isDismissed } }`,
  updatePreferences: `mutation UpdatePreferences($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { likedGenreIds minRating yearFrom yearTo } }`,
} as const;
type Operation = keyof typeof Q;

/** How often each action is picked (relative weights). */
const MIX: Array<[Operation, number]> = [
  ["recommendations", 30],
  ["browse", 15],
  ["searchMedia", 10],
  ["media", 14],
  ["favourites", 5],
  ["watchlist", 4],
  ["addFavourite", 6],
  ["removeFavourite", 3],
  ["addToWatchlist", 4],
  ["markWatched", 2],
  ["dismiss", 3],
  ["undoDismiss", 1],
  ["updatePreferences", 3],
];
const MIX_TOTAL = MIX.reduce((sum, [, weight]) => sum + weight, 0);

const idOf = (title: CrowdTitle) => mediaKey(title);
const refOf = (title: CrowdTitle) => ({ type: title.mediaType, tmdbId: title.tmdbId });

interface SimUser {
  index: number;
  id: string;
  token: string;
  taste: readonly number[];
  /** Favourites, oldest first (the API lists newest first); `seeded` ones share one createdAt. */
  favourites: Map<string, { title: CrowdTitle; seeded: boolean }>;
  watchlist: Map<string, { title: CrowdTitle; watched: boolean }>;
  dismissed: Map<string, CrowdTitle>;
  random: () => number;
}

interface OpStats {
  clientMs: number[];
  serverMs: number[];
  errors: number;
}

const backingLog = (message: string) => log(message);
const stack = await startStack({ name: "load", titles: TITLES, tmdbLatencyMs: 60, log: backingLog });
try {
  const { services } = stack;
  await cacheWholeCatalogue(services.prisma, stack.catalogue.catalogue, log);
  const popular = await popularTitles(services.prisma, Math.min(TITLES, 20_000));
  await createCrowd(services.prisma, popular, CROWD, log);
  await trainCrowdModel(services.prisma, log);
  // A slice of the cache with old details: the worker's sweep rewrites them while users read.
  const stale = await services.prisma.$executeRawUnsafe(
    `UPDATE media_cache SET details_fetched_at = now() - interval '400 days' WHERE (media_type, tmdb_id) IN (SELECT media_type, tmdb_id FROM media_cache ORDER BY md5(tmdb_id::text) LIMIT ${STALE})`,
  );

  const seedRandom = mulberry32(6060);
  const users: SimUser[] = [];
  for (let index = 0; index < USERS; index++) {
    const taste = TASTES[index % TASTES.length]!;
    const user = await services.prisma.user.create({ data: { email: `load-${index}@example.test` } });
    await services.prisma.preference.create({ data: { userId: user.id, likedGenreIds: [...taste] } });
    // A few newcomers with nothing yet (cold start), the rest with up to 20 favourites.
    const picks = index % 10 === 0 ? [] : pickFavourites(popular.slice(0, 5_000), taste, 1 + Math.floor(seedRandom() * 20), seedRandom);
    await services.prisma.interaction.createMany({
      data: picks.map((title) => ({ userId: user.id, mediaType: title.mediaType, tmdbId: title.tmdbId, kind: "FAVOURITE" as const })),
    });
    users.push({
      index,
      id: user.id,
      token: (await createApiToken(services, { userId: user.id, name: "load" })).secret,
      taste,
      favourites: new Map(picks.map((title) => [idOf(title), { title, seeded: true }])),
      watchlist: new Map(),
      dismissed: new Map(),
      random: mulberry32(1_000 + index),
    });
  }
  // Search terms as people type them: a whole title, or one word of it.
  const named = await services.prisma.mediaCache.findMany({ orderBy: { popularity: "desc" }, take: 3_000, select: { title: true } });
  const searchTerms = named.flatMap(({ title }, index) => {
    if (index % 7) return [];
    const words = title.split(/\s+/).filter((word) => word.length >= 4);
    return index % 2 ? [title.slice(0, 100)] : words.slice(0, 1);
  });
  log(`${USERS} users with tokens, ${stale} titles with stale details, ${searchTerms.length} search terms`);

  const api = await stack.startApi();
  const worker = await stack.startWorker({ LOG_LEVEL: "info" });
  const call = graphqlClient(api.url, { timeoutMs: 30_000 });

  const stats = Object.fromEntries(Object.keys(Q).map((name) => [name, { clientMs: [], serverMs: [], errors: 0 } as OpStats])) as Record<Operation, OpStats>;
  const problems = new Map<string, number>();
  const wrong = new Map<string, number>();
  const examples: string[] = [];
  const countProblem = (map: Map<string, number>, key: string, example: string) => {
    map.set(key, (map.get(key) ?? 0) + 1);
    if (examples.length < 20) examples.push(`${key}: ${example.slice(0, 400)}`);
  };

  async function send(user: SimUser, operation: Operation, variables: Record<string, unknown> = {}): Promise<CallResult["body"] | undefined> {
    const result = await call(Q[operation], variables, user.token);
    const stat = stats[operation];
    stat.clientMs.push(result.clientMs);
    if (result.serverMs !== undefined) stat.serverMs.push(result.serverMs);
    const found = problemsOf(result);
    if (found.length) {
      stat.errors += 1;
      for (const problem of found) countProblem(problems, `${operation}: ${problem}`, `${result.body?.errors?.[0]?.message ?? result.failure ?? ""}`);
      return undefined;
    }
    return result.body;
  }
  const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const headTitle = (random: () => number) => popular[Math.floor(Math.min(popular.length, 8_000) * random() ** 2)]!;
  const check = (ok: boolean, what: string, detail: () => string) => {
    if (!ok) countProblem(wrong, what, detail());
  };
  /** Per-user flags on a title as the user's own actions imply them. */
  const expectFlags = (user: SimUser, node: { id: string; isFavourite?: boolean; inWatchlist?: boolean; isDismissed?: boolean }, where: string) => {
    if (node.isFavourite !== undefined)
      check(node.isFavourite === user.favourites.has(node.id), `${where}: isFavourite`, () => `${node.id} isFavourite=${node.isFavourite}`);
    if (node.inWatchlist !== undefined)
      check(node.inWatchlist === user.watchlist.has(node.id), `${where}: inWatchlist`, () => `${node.id} inWatchlist=${node.inWatchlist}`);
    if (node.isDismissed !== undefined)
      check(node.isDismissed === user.dismissed.has(node.id), `${where}: isDismissed`, () => `${node.id} isDismissed=${node.isDismissed}`);
  };
  const checkFavourites = (user: SimUser, edges: Array<{ node: { id: string } }>) => {
    const got = edges.map((edge) => edge.node.id);
    const expected = [...user.favourites.keys()];
    check(
      got.length === expected.length && expected.every((id) => got.includes(id)),
      "favourites: not the set the user's actions imply",
      () =>
        `expected ${expected.length}, got ${got.length}: missing ${expected.filter((id) => !got.includes(id)).join(",")} extra ${got.filter((id) => !expected.includes(id)).join(",")}`,
    );
    const added = [...user.favourites.entries()]
      .filter(([, entry]) => !entry.seeded)
      .map(([id]) => id)
      .reverse();
    check(
      added.every((id, position) => got[position] === id),
      "favourites: not newest first",
      () => `expected ${added.slice(0, 5).join(",")}…, got ${got.slice(0, 5).join(",")}…`,
    );
  };

  async function act(user: SimUser, operation: Operation): Promise<void> {
    const { random } = user;
    switch (operation) {
      case "recommendations": {
        const filter = random() < 0.15 ? (random() < 0.5 ? { type: random() < 0.7 ? "MOVIE" : "TV" } : { genreIds: [pick(random, user.taste)] }) : undefined;
        let body = await send(user, "recommendations", { filter });
        if (body && random() < 0.25 && body.data.recommendations.pageInfo.hasNextPage)
          body = await send(user, "recommendations", { filter, after: body.data.recommendations.pageInfo.endCursor });
        for (const edge of body?.data.recommendations.edges ?? []) {
          const id = edge.node.media.id;
          check(
            !user.favourites.has(id) && !user.watchlist.has(id) && !user.dismissed.has(id),
            "recommendations: recommends a title the user favourited, listed or dismissed",
            () => id,
          );
          expectFlags(user, edge.node.media, "recommendations");
        }
        return;
      }
      case "browse": {
        const type = random() < 0.7 ? "MOVIE" : "TV";
        const filter: Record<string, unknown> = { type };
        if (random() < 0.6) filter.genreIds = [pick(random, type === "MOVIE" ? [28, 35, 18, 53, 878, 27, 10749, 16] : [18, 35, 10765, 10759, 80])];
        if (random() < 0.3) filter.yearFrom = 1970 + Math.floor(random() * 50);
        if (random() < 0.2) filter.minRating = 5 + Math.floor(random() * 3);
        if (random() < 0.1) filter.language = "en";
        const sort = pick(random, ["POPULARITY", "POPULARITY", "RATING", "NEWEST", "OLDEST", "TITLE"]);
        let body = await send(user, "browse", { filter, sort });
        if (body && random() < 0.3 && body.data.browse.pageInfo.hasNextPage)
          body = await send(user, "browse", { filter, sort, after: body.data.browse.pageInfo.endCursor });
        for (const edge of body?.data.browse.edges ?? []) expectFlags(user, edge.node, "browse");
        return;
      }
      case "searchMedia": {
        const query = pick(random, searchTerms);
        let body = await send(user, "searchMedia", { query });
        if (body && random() < 0.15 && body.data.searchMedia.pageInfo.hasNextPage)
          body = await send(user, "searchMedia", { query, after: body.data.searchMedia.pageInfo.endCursor });
        for (const edge of body?.data.searchMedia.edges ?? []) expectFlags(user, edge.node, "searchMedia");
        return;
      }
      case "media": {
        // Now and then one of the user's own favourites, else a title from the head of the catalogue.
        const title = random() < 0.3 && user.favourites.size ? pick(random, [...user.favourites.values()]).title : headTitle(random);
        const body = await send(user, "media", refOf(title));
        if (body) {
          expectFlags(user, body.data.media, "media");
          check(body.data.media.id === idOf(title), "media: another title", () => `${idOf(title)} → ${body.data.media.id}`);
        }
        return;
      }
      case "favourites": {
        const body = await send(user, "favourites");
        if (body) checkFavourites(user, body.data.favourites.edges);
        return;
      }
      case "watchlist": {
        const body = await send(user, "watchlist");
        if (!body) return;
        const edges: Array<{ watchedAt: string | null; node: { id: string } }> = body.data.watchlist.edges;
        check(
          edges.length === user.watchlist.size && edges.every((edge) => user.watchlist.has(edge.node.id)),
          "watchlist: not the set the user's actions imply",
          () => `expected ${user.watchlist.size}, got ${edges.length}`,
        );
        for (const edge of edges)
          check(
            (edge.watchedAt !== null) === user.watchlist.get(edge.node.id)?.watched,
            "watchlist: watchedAt",
            () => `${edge.node.id} watchedAt=${edge.watchedAt}`,
          );
        return;
      }
      case "addFavourite": {
        if (user.favourites.size >= LIST_CAP) return act(user, "removeFavourite");
        const title = headTitle(random);
        const body = await send(user, "addFavourite", { media: refOf(title) });
        if (!body) return;
        check(body.data.addFavourite.isFavourite === true, "addFavourite: isFavourite false", () => idOf(title));
        if (!user.favourites.has(idOf(title))) user.favourites.set(idOf(title), { title, seeded: false });
        // Read your own write, now and then, as the app's favourites page does right after.
        if (random() < 0.3) {
          const list = await send(user, "favourites");
          if (list) checkFavourites(user, list.data.favourites.edges);
        }
        return;
      }
      case "removeFavourite": {
        if (!user.favourites.size) return act(user, "addFavourite");
        const [id, { title }] = pick(random, [...user.favourites.entries()]);
        const body = await send(user, "removeFavourite", { media: refOf(title) });
        if (!body) return;
        check(body.data.removeFavourite.isFavourite === false, "removeFavourite: isFavourite true", () => id);
        user.favourites.delete(id);
        return;
      }
      case "addToWatchlist": {
        if (user.watchlist.size >= LIST_CAP) return act(user, "watchlist");
        const title = headTitle(random);
        const body = await send(user, "addToWatchlist", { media: refOf(title) });
        if (!body) return;
        check(body.data.addToWatchlist.inWatchlist === true, "addToWatchlist: inWatchlist false", () => idOf(title));
        if (!user.watchlist.has(idOf(title))) user.watchlist.set(idOf(title), { title, watched: false });
        return;
      }
      case "markWatched": {
        const listed = [...user.watchlist.values()];
        const title = listed.length && random() < 0.8 ? pick(random, listed).title : headTitle(random);
        if (!user.watchlist.has(idOf(title)) && user.watchlist.size >= LIST_CAP) return;
        const body = await send(user, "markWatched", { media: refOf(title) });
        if (!body) return;
        check(body.data.markWatched.inWatchlist === true && body.data.markWatched.watchedAt !== null, "markWatched: not watched", () => idOf(title));
        user.watchlist.set(idOf(title), { title, watched: true });
        return;
      }
      case "dismiss": {
        const title = headTitle(random);
        const body = await send(user, "dismiss", { media: refOf(title) });
        if (!body) return;
        check(body.data.dismiss.isDismissed === true, "dismiss: isDismissed false", () => idOf(title));
        user.dismissed.set(idOf(title), title);
        return;
      }
      case "undoDismiss": {
        if (!user.dismissed.size) return act(user, "dismiss");
        const [id, title] = pick(random, [...user.dismissed.entries()]);
        const body = await send(user, "undoDismiss", { media: refOf(title) });
        if (!body) return;
        check(body.data.undoDismiss.isDismissed === false, "undoDismiss: isDismissed true", () => id);
        user.dismissed.delete(id);
        return;
      }
      case "updatePreferences": {
        const input = {
          likedGenreIds: [...(random() < 0.7 ? user.taste : pick(random, TASTES))],
          minRating: random() < 0.3 ? 6 : null,
          yearFrom: random() < 0.2 ? 1990 : null,
        };
        const body = await send(user, "updatePreferences", { input });
        if (body)
          check(JSON.stringify(body.data.updatePreferences.likedGenreIds) === JSON.stringify(input.likedGenreIds), "updatePreferences: not saved", () =>
            JSON.stringify(body.data.updatePreferences),
          );
        return;
      }
    }
  }

  // Warm up: every user once (connections, JIT, each user's first ranking), not measured.
  await Promise.all(users.map((user) => call(Q.recommendations, {}, user.token)));
  await requestIngestRun(services.queues.ingest, { reason: "cli" });
  await services.queues.detailsRefresh.add("details-refresh", {});
  stack.catalogue.resetCounts();
  const detailsBefore = Number((await stack.sql.query("SELECT count(*) FROM media_cache WHERE details_fetched_at > now() - interval '1 day'")).rows[0].count);

  log(`load: ${USERS} users for ${SECONDS} s`);
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  let actions = 0;
  await Promise.all(
    users.map(async (user) => {
      while (performance.now() < deadline) {
        let roll = user.random() * MIX_TOTAL;
        const operation = MIX.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? "recommendations";
        await act(user, operation);
        actions += 1;
        await new Promise((resolve) => setTimeout(resolve, user.random() * THINK_MS));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  // What the worker did meanwhile.
  const tmdbRequests = stack.catalogue.totalRequests();
  const detailsAfter = Number((await stack.sql.query("SELECT count(*) FROM media_cache WHERE details_fetched_at > now() - interval '1 day'")).rows[0].count);
  const cursors = (await stack.sql.query("SELECT list, pages_fetched FROM ingest_cursor ORDER BY list")).rows;

  // Each user's lists in Postgres against what their own acknowledged actions imply.
  let lost = 0;
  let extra = 0;
  for (const user of users) {
    for (const [table, expected] of [
      ["favourite", [...user.favourites.keys()]],
      ["watchlist", [...user.watchlist.keys()]],
      ["dismissed", [...user.dismissed.keys()]],
    ] as const) {
      const rows = (
        await stack.sql.query(`SELECT media_type::text || ':' || tmdb_id AS id FROM interaction WHERE user_id = $1 AND kind = $2`, [user.id, table])
      ).rows.map((row) => row.id as string);
      const missing = expected.filter((id) => !rows.includes(id));
      const surplus = rows.filter((id) => !expected.includes(id));
      lost += missing.length;
      extra += surplus.length;
      if (missing.length || surplus.length)
        countProblem(
          wrong,
          `end state: ${table} differs from the user's acknowledged actions`,
          `user ${user.index}: missing ${missing.join(",")} extra ${surplus.join(",")}`,
        );
    }
    const watchedRows = (
      await stack.sql.query(`SELECT media_type::text || ':' || tmdb_id AS id FROM interaction WHERE user_id = $1 AND kind = 'watched'`, [user.id])
    ).rows.map((row) => row.id as string);
    const watchedExpected = [...user.watchlist.entries()].filter(([, entry]) => entry.watched).map(([id]) => id);
    if (watchedRows.length !== watchedExpected.length || watchedExpected.some((id) => !watchedRows.includes(id)))
      countProblem(wrong, "end state: watched titles differ", `user ${user.index}`);
  }
  call.close();
  const apiAlive = api.process.child.exitCode === null;
  const workerAlive = worker.child.exitCode === null;
  const apiLog = api.process.output();

  const all = Object.values(stats);
  const requests = all.reduce((sum, stat) => sum + stat.clientMs.length, 0);
  const errors = all.reduce((sum, stat) => sum + stat.errors, 0);
  const wrongAnswers = [...wrong.values()].reduce((sum, count) => sum + count, 0);
  const allClient = all.flatMap((stat) => stat.clientMs);
  const allServer = all.flatMap((stat) => stat.serverMs);
  const perOperation = Object.entries(stats)
    .filter(([, stat]) => stat.clientMs.length)
    .map(([operation, stat]) => ({
      operation,
      requests: stat.clientMs.length,
      errors: stat.errors,
      clientP50Ms: round(percentile(stat.clientMs, 50)),
      clientP99Ms: round(percentile(stat.clientMs, 99)),
      serverP50Ms: stat.serverMs.length ? round(percentile(stat.serverMs, 50)) : null,
      serverP99Ms: stat.serverMs.length ? round(percentile(stat.serverMs, 99)) : null,
    }));
  for (const row of perOperation) log(JSON.stringify(row));
  log(`problems: ${JSON.stringify(Object.fromEntries(problems))}; wrong answers: ${JSON.stringify(Object.fromEntries(wrong))}`);
  if (examples.length) log(`examples:\n  ${examples.join("\n  ")}`);

  const summary: SummaryRow[] = [
    {
      measure: `requests in ${round(seconds, 0)} s, ${USERS} users, think time 0–${THINK_MS} ms`,
      value: `${requests} (${round(requests / seconds, 0)} req/s, ${actions} actions)`,
    },
    { measure: "errors (HTTP non-200, GraphQL errors, no answer)", value: String(errors), target: "0", met: errors === 0 },
    {
      measure: "wrong answers (against each user's own actions; end state in Postgres)",
      value: `${wrongAnswers} (lost ${lost}, unexpected ${extra})`,
      target: "0",
      met: wrongAnswers === 0,
    },
    {
      measure: "all requests p50 / p99, server-side (client)",
      value: `${round(percentile(allServer, 50))} / ${round(percentile(allServer, 99))} ms (${round(percentile(allClient, 50))} / ${round(percentile(allClient, 99))})`,
    },
    ...perOperation.map((row) => ({
      measure: `${row.operation} p50 / p99 server-side (client), ${row.requests} requests`,
      value: `${row.serverP50Ms} / ${row.serverP99Ms} ms (${row.clientP50Ms} / ${row.clientP99Ms})`,
    })),
    {
      measure: "worker meanwhile: TMDB requests, details rewritten, list pages",
      value: `${tmdbRequests} requests, ${detailsAfter - detailsBefore} details, ${cursors.reduce((sum, row) => sum + Number(row.pages_fetched), 0)} pages`,
    },
    {
      measure: "API and worker processes still running",
      value: `${apiAlive && workerAlive ? "yes" : `no (api ${apiAlive}, worker ${workerAlive})`}`,
      target: "yes",
      met: apiAlive && workerAlive,
    },
  ];
  writeResult("load", {
    title: `${USERS} simulated users, mixed reads and writes, ${SECONDS} s, production build (API and worker processes), ${TITLES} titles`,
    summary,
    config: {
      seconds: SECONDS,
      users: USERS,
      titles: TITLES,
      staleDetails: STALE,
      crowd: CROWD,
      thinkMs: THINK_MS,
      mix: Object.fromEntries(MIX),
      tmdbLatencyMs: 60,
    },
    totals: { requests, actions, seconds: round(seconds, 1), requestsPerSecond: round(requests / seconds, 1), errors, wrongAnswers, lost, extra },
    problems: Object.fromEntries(problems),
    wrongAnswers: Object.fromEntries(wrong),
    examples,
    perOperation,
    worker: { tmdbRequests, detailsRewritten: detailsAfter - detailsBefore, cursors },
    apiLogTail: apiLog.slice(-4_000),
  });
} finally {
  await stack.stop();
}
