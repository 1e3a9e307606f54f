// What a caller reads must be the caller's own: every list item (favourites, watchlist, API tokens),
// preferences and every per-user field on titles (media, recommendations) in an answer, checked
// against the caller's rows in Postgres; anything else is a LEAK.
import type { ProbeUser, Stack } from "./context.ts";
import type { Response } from "./http.ts";
import { rowsOf } from "./snapshot.ts";

export function ownershipChecks(sql: Stack["sql"], B: ProbeUser) {
  // What B reads must be B's own: every list item and every per-user field, against B's rows.
  async function bOwns(data: any, who = B): Promise<string[]> {
    const rows = await rowsOf(sql, who.id);
    const key = (row: { media_type: string; tmdb_id: number }) => `${row.media_type.toLowerCase()}:${row.tmdb_id}`;
    const favourites = new Set(rows.favourites.map(key));
    // The interaction log: a title on the watchlist has a `watchlist` row, a watched one a `watched` row.
    const watchlist = new Set(rows.watchlist.filter((row) => row.kind === "watchlist").map(key));
    const watched = new Set(rows.watchlist.filter((row) => row.kind === "watched").map(key));
    const dismissed = new Set(rows.dismissals.map(key));
    const tokens = new Set(rows.tokens.map((row) => row.id as string));
    const problems: string[] = [];
    const other = who === B ? "A" : "another user";
    if (data?.me && data.me.id !== who.id) problems.push(`LEAK: me is ${data.me.id}, not the caller`);
    for (const edge of data?.favourites?.edges ?? []) if (!favourites.has(edge.node.id)) problems.push(`LEAK: favourites lists ${edge.node.id}, ${other}'s`);
    for (const edge of data?.watchlist?.edges ?? [])
      if (!watchlist.has(edge.node.id) && !watched.has(edge.node.id)) problems.push(`LEAK: watchlist lists ${edge.node.id}, ${other}'s`);
    for (const token of data?.apiTokens ?? []) if (!tokens.has(token.id)) problems.push(`LEAK: apiTokens lists ${token.id}, ${other}'s`);
    if (data?.preferences && rows.preference[0] && JSON.stringify(data.preferences.likedGenreIds) !== JSON.stringify(rows.preference[0].liked_genre_ids))
      problems.push(`LEAK: preferences are not the caller's`);
    const medias = [
      data?.media,
      ...Object.values(data ?? {}).filter((value: any) => value?.isFavourite !== undefined && value?.id),
      ...(data?.recommendations?.edges ?? []).map((edge: any) => edge.node.media),
    ].filter(Boolean);
    for (const media of new Set(medias)) {
      const expected = {
        isFavourite: favourites.has(media.id),
        inWatchlist: watchlist.has(media.id),
        isDismissed: dismissed.has(media.id),
        watched: watched.has(media.id),
      };
      const got = { isFavourite: media.isFavourite, inWatchlist: media.inWatchlist, isDismissed: media.isDismissed, watched: Boolean(media.watchedAt) };
      if (JSON.stringify(expected) !== JSON.stringify(got))
        problems.push(`LEAK: per-user fields of ${media.id} are ${JSON.stringify(got)}, the caller's rows say ${JSON.stringify(expected)}`);
    }
    return problems;
  }
  const scopedTo = (who: typeof B) => async (response: Response) => bOwns(response.json?.data, who);
  return { bOwns, scopedTo };
}
