// The end-state check of bench/load.ts: each user's favourites, watchlist, dismissals and watched
// titles in Postgres against what their own acknowledged actions imply.
import type { Stack } from "../stack.ts";
import type { SimUser } from "./config.ts";
import type { Session } from "./session.ts";

async function idsOf(stack: Stack, userId: string, kind: string): Promise<string[]> {
  return (await stack.sql.query(`SELECT media_type::text || ':' || tmdb_id AS id FROM interaction WHERE user_id = $1 AND kind = $2`, [userId, kind])).rows.map(
    (row) => row.id as string,
  );
}

/** Counts each difference as a wrong answer; returns how many rows were lost and how many unexpected. */
export async function checkEndState(stack: Stack, users: SimUser[], s: Session): Promise<{ lost: number; extra: number }> {
  let lost = 0;
  let extra = 0;
  for (const user of users) {
    for (const [table, expected] of [
      ["favourite", [...user.favourites.keys()]],
      ["watchlist", [...user.watchlist.keys()]],
      ["dismissed", [...user.dismissed.keys()]],
    ] as const) {
      const rows = await idsOf(stack, user.id, table);
      const missing = expected.filter((id) => !rows.includes(id));
      const surplus = rows.filter((id) => !expected.includes(id));
      lost += missing.length;
      extra += surplus.length;
      if (missing.length || surplus.length)
        s.countProblem(
          s.wrong,
          `end state: ${table} differs from the user's acknowledged actions`,
          `user ${user.index}: missing ${missing.join(",")} extra ${surplus.join(",")}`,
        );
    }
    const watchedRows = (
      await stack.sql.query(`SELECT media_type::text || ':' || tmdb_id AS id FROM interaction WHERE user_id = $1 AND kind = 'watched'`, [user.id])
    ).rows.map((row) => row.id as string);
    const watchedExpected = [...user.watchlist.entries()].filter(([, entry]) => entry.watched).map(([id]) => id);
    if (watchedRows.length !== watchedExpected.length || watchedExpected.some((id) => !watchedRows.includes(id)))
      s.countProblem(s.wrong, "end state: watched titles differ", `user ${user.index}`);
  }
  return { lost, extra };
}
