// What a simulated user of bench/load.ts does when it reads: recommendations, browse, search, a
// title page, its favourites and its watchlist; every answer checked against the user's own state.
import { idOf, refOf, type SimUser } from "./config.ts";
import type { Session } from "./session.ts";

export async function recommendations(s: Session, user: SimUser): Promise<void> {
  const { random } = user;
  const filter = random() < 0.15 ? (random() < 0.5 ? { type: random() < 0.7 ? "MOVIE" : "TV" } : { genreIds: [s.pick(random, user.taste)] }) : undefined;
  let body = await s.send(user, "recommendations", { filter });
  if (body && random() < 0.25 && body.data.recommendations.pageInfo.hasNextPage)
    body = await s.send(user, "recommendations", { filter, after: body.data.recommendations.pageInfo.endCursor });
  for (const edge of body?.data.recommendations.edges ?? []) {
    const id = edge.node.media.id;
    s.check(
      !user.favourites.has(id) && !user.watchlist.has(id) && !user.dismissed.has(id),
      "recommendations: recommends a title the user favourited, listed or dismissed",
      () => id,
    );
    s.expectFlags(user, edge.node.media, "recommendations");
  }
}

export async function browse(s: Session, user: SimUser): Promise<void> {
  const { random } = user;
  const type = random() < 0.7 ? "MOVIE" : "TV";
  const filter: Record<string, unknown> = { type };
  if (random() < 0.6) filter.genreIds = [s.pick(random, type === "MOVIE" ? [28, 35, 18, 53, 878, 27, 10749, 16] : [18, 35, 10765, 10759, 80])];
  if (random() < 0.3) filter.yearFrom = 1970 + Math.floor(random() * 50);
  if (random() < 0.2) filter.minRating = 5 + Math.floor(random() * 3);
  if (random() < 0.1) filter.language = "en";
  const sort = s.pick(random, ["POPULARITY", "POPULARITY", "RATING", "NEWEST", "OLDEST", "TITLE"]);
  let body = await s.send(user, "browse", { filter, sort });
  if (body && random() < 0.3 && body.data.browse.pageInfo.hasNextPage)
    body = await s.send(user, "browse", { filter, sort, after: body.data.browse.pageInfo.endCursor });
  for (const edge of body?.data.browse.edges ?? []) s.expectFlags(user, edge.node, "browse");
}

export async function searchMedia(s: Session, user: SimUser): Promise<void> {
  const { random } = user;
  const query = s.pick(random, s.searchTerms);
  let body = await s.send(user, "searchMedia", { query });
  if (body && random() < 0.15 && body.data.searchMedia.pageInfo.hasNextPage)
    body = await s.send(user, "searchMedia", { query, after: body.data.searchMedia.pageInfo.endCursor });
  for (const edge of body?.data.searchMedia.edges ?? []) s.expectFlags(user, edge.node, "searchMedia");
}

export async function media(s: Session, user: SimUser): Promise<void> {
  const { random } = user;
  // Now and then one of the user's own favourites, else a title from the head of the catalogue.
  const title = random() < 0.3 && user.favourites.size ? s.pick(random, [...user.favourites.values()]).title : s.headTitle(random);
  const body = await s.send(user, "media", refOf(title));
  if (body) {
    s.expectFlags(user, body.data.media, "media");
    s.check(body.data.media.id === idOf(title), "media: another title", () => `${idOf(title)} → ${body.data.media.id}`);
  }
}

export async function favourites(s: Session, user: SimUser): Promise<void> {
  const body = await s.send(user, "favourites");
  if (body) s.checkFavourites(user, body.data.favourites.edges);
}

export async function watchlist(s: Session, user: SimUser): Promise<void> {
  const body = await s.send(user, "watchlist");
  if (!body) return;
  const edges: Array<{ watchedAt: string | null; node: { id: string } }> = body.data.watchlist.edges;
  s.check(
    edges.length === user.watchlist.size && edges.every((edge) => user.watchlist.has(edge.node.id)),
    "watchlist: not the set the user's actions imply",
    () => `expected ${user.watchlist.size}, got ${edges.length}`,
  );
  for (const edge of edges)
    s.check(
      (edge.watchedAt !== null) === user.watchlist.get(edge.node.id)?.watched,
      "watchlist: watchedAt",
      () => `${edge.node.id} watchedAt=${edge.watchedAt}`,
    );
}
