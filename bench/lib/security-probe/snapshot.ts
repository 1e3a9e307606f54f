// A's data: a snapshot of every row A owns, compared after every attempt (the IDOR guard that
// `attempt` runs), and a hint of what changed when it differs.
import type { Stack } from "./context.ts";

type Sql = Stack["sql"];

let guard: { sql: Sql; userId: string | undefined; baseline: string } | undefined;

export async function rowsOf(sql: Sql, userId: string) {
  const [favourites, watchlist, dismissals, preference, tokens, user, accounts] = await Promise.all([
    sql.query("SELECT media_type::text, tmdb_id, created_at FROM interaction WHERE user_id = $1 AND kind = 'favourite' ORDER BY 1, 2", [userId]),
    sql.query(
      "SELECT media_type::text, tmdb_id, kind::text, created_at FROM interaction WHERE user_id = $1 AND kind IN ('watchlist', 'watched') ORDER BY 1, 2, 3",
      [userId],
    ),
    sql.query("SELECT media_type::text, tmdb_id FROM interaction WHERE user_id = $1 AND kind = 'dismissed' ORDER BY 1, 2", [userId]),
    sql.query("SELECT * FROM preference WHERE user_id = $1", [userId]),
    sql.query("SELECT id, name, revoked_at, expires_at FROM api_token WHERE user_id = $1 ORDER BY id", [userId]),
    sql.query(`SELECT id, email, name, role, password_hash FROM "user" WHERE id = $1`, [userId]),
    sql.query("SELECT provider, provider_account_id FROM account WHERE user_id = $1 ORDER BY 1, 2", [userId]),
  ]);
  return {
    favourites: favourites.rows,
    watchlist: watchlist.rows,
    dismissals: dismissals.rows,
    preference: preference.rows,
    tokens: tokens.rows,
    user: user.rows,
    accounts: accounts.rows,
  };
}

/** From now on every attempt checks that this user's rows stay as they are now; returns that snapshot. */
export async function startIdorGuard(sql: Sql, userId: string): Promise<string> {
  const baseline = JSON.stringify(await rowsOf(sql, userId));
  guard = { sql, userId, baseline };
  return baseline;
}

/** From now on attempts no longer compare A's rows after each one (the final IDOR check compares them once more). */
export function stopIdorGuard(): void {
  if (guard) guard.userId = undefined;
}

/** After every attempt: A's rows are exactly what they were. */
export async function idorGuard(): Promise<string[]> {
  if (!guard?.userId || !guard.baseline) return [];
  const now = JSON.stringify(await rowsOf(guard.sql, guard.userId));
  return now === guard.baseline ? [] : [`LEAK: user A's rows changed: ${diffHint(guard.baseline, now)}`];
}

export function diffHint(before: string, after: string): string {
  const a = JSON.parse(before) as Record<string, unknown>;
  const b = JSON.parse(after) as Record<string, unknown>;
  return Object.keys(a)
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((key) => `${key}: ${JSON.stringify(a[key]).slice(0, 80)} → ${JSON.stringify(b[key]).slice(0, 80)}`)
    .join("; ");
}
