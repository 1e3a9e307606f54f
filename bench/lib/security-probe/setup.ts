// Before the first attempt: the probe's users (A, whose data is attacked; B, the attacker; an admin;
// one that gets deleted), A's data made over HTTP, the tokens that must not work, and the snapshot
// of A's rows that the IDOR guard compares against after every attempt.
import { randomBytes, randomUUID } from "node:crypto";
import { encode } from "../../../apps/api/node_modules/next-auth/jwt/index.js";
import { createApiToken } from "../../../apps/api/src/modules/auth/api-token.service.ts";
import { startWebSession } from "../../../apps/api/src/modules/auth/web-session.service.ts";
import { log } from "../report.ts";
import type { Catalogue, CookieFor, CreatedToken, Prisma, ProbeContext, ProbeUser, Stack } from "./context.ts";
import { must } from "./http.ts";
import { ownershipChecks } from "./ownership.ts";
import { mediaMutation, Q } from "./queries.ts";
import { startIdorGuard } from "./snapshot.ts";

// A web session as the web server starts one at sign-in (its row, and its id in the cookie).
function cookieMaker(prisma: Prisma, secret: string): CookieFor {
  const cookieFor = async (user: { id: string; email: string }, options: { secret?: string; maxAge?: number } = {}) =>
    encode({
      // (A made-up user has no session to start: its cookie names one that does not exist.)
      token: { sub: user.id, email: user.email, sid: await startWebSession({ prisma }, { userId: user.id }).catch(() => randomUUID()) },
      secret: options.secret ?? secret,
      ...(options.maxAge !== undefined ? { maxAge: options.maxAge } : {}),
    }).then((jwt) => `next-auth.session-token=${jwt}`);
  return cookieFor;
}

function userMaker(prisma: Prisma, cookieFor: CookieFor) {
  async function newUser(label: string, role: "USER" | "ADMIN" = "USER") {
    const email = `${label}-${randomBytes(3).toString("hex")}@probe.test`;
    const password = `pw-${randomBytes(6).toString("hex")}`;
    const { signUp } = await must<{ signUp: { id: string } }>(Q.signUp, { input: { email, password, name: `Probe ${label}` } }, {});
    if (role === "ADMIN") await prisma.user.update({ where: { id: signUp.id }, data: { role } });
    const { secret: token, token: row } = await createApiToken({ prisma }, { userId: signUp.id, name: "probe" });
    const user = { id: signUp.id, email, password, token, tokenId: row.id };
    return { ...user, cookie: await cookieFor(user) };
  }
  return newUser;
}

async function makeDataOfA(A: ProbeUser, B: ProbeUser, ref: ProbeContext["ref"]) {
  // A's data, made over HTTP: favourites 0 and 1, watchlist 2 (to watch) and 3 (watched), dismissal 4, preferences, a second token.
  await must(mediaMutation("addFavourite"), { media: ref(0) }, A);
  await must(mediaMutation("addFavourite"), { media: ref(1) }, A);
  await must(mediaMutation("addToWatchlist"), { media: ref(2) }, A);
  await must(mediaMutation("markWatched", "watched"), { media: ref(3), watched: true }, A);
  await must(mediaMutation("dismiss"), { media: ref(4) }, A);
  await must('mutation { updatePreferences(input: { likedGenreIds: [80, 18], languages: ["en"], minRating: 6, onboarded: true }) { onboarded } }', {}, A);
  const a2 = (await must<{ createApiToken: { secret: string; token: { id: string } } }>(Q.createToken, { input: { name: "A second" } }, A)).createApiToken;
  const aLists = await must<any>(Q.lists, {}, A);
  const aFavouriteCursor = aLists.favourites.edges[1].cursor as string;
  const aWatchlistCursor = aLists.watchlist.edges[1].cursor as string;
  // B has a little of its own: favourite 5, so its lists are not empty.
  await must(mediaMutation("addFavourite"), { media: ref(5) }, B);

  return { a2, aLists, aFavouriteCursor, aWatchlistCursor };
}

async function tokensThatMustNotWork(prisma: Prisma, A: ProbeUser, doomed: ProbeUser): Promise<{ revoked: CreatedToken; expired: CreatedToken }> {
  // Tokens that must not work: revoked (by A, over HTTP), expired, and a deleted user's.
  const revoked = (await must<{ createApiToken: { secret: string; token: { id: string } } }>(Q.createToken, { input: { name: "to revoke" } }, A))
    .createApiToken;
  await must(Q.revokeToken, { id: revoked.token.id }, A);
  const expired = await createApiToken({ prisma }, { userId: A.id, name: "expired", expiresAt: new Date(Date.now() - 60_000) });
  await prisma.user.delete({ where: { id: doomed.id } });
  return { revoked, expired };
}

/** Users, A's data and the IDOR guard on A's rows; everything the attack families need. */
export async function setUpProbe(stack: Stack, catalogue: Catalogue): Promise<ProbeContext> {
  const prisma = stack.services.prisma;
  const secret = stack.env.AUTH_SECRET!;
  const popular = catalogue.popular("movie").slice(0, 12);
  const ref = (index: number) => ({ type: "MOVIE" as const, tmdbId: popular[index]!.id });
  const idOf = (index: number) => `movie:${popular[index]!.id}`;

  // ── users ──
  const cookieFor = cookieMaker(prisma, secret);
  const newUser = userMaker(prisma, cookieFor);
  const A = await newUser("a");
  const B = await newUser("b");
  const admin = await newUser("admin", "ADMIN");
  const doomed = await newUser("deleted");

  const { a2, aLists, aFavouriteCursor, aWatchlistCursor } = await makeDataOfA(A, B, ref);
  const { revoked, expired } = await tokensThatMustNotWork(prisma, A, doomed);

  const aBaseline = await startIdorGuard(stack.sql, A.id);
  log(
    `users A ${A.id}, B ${B.id}, admin ${admin.id}; A owns ${aLists.favourites.edges.length} favourites, ${aLists.watchlist.edges.length} watchlist items, 1 dismissal, ${aLists.apiTokens.length} tokens`,
  );
  return {
    stack,
    prisma,
    secret,
    catalogue,
    popular,
    ref,
    idOf,
    A,
    B,
    admin,
    doomed,
    a2,
    aLists,
    aFavouriteCursor,
    aWatchlistCursor,
    revoked,
    expired,
    aBaseline,
    cookieFor,
    newUser,
    ...ownershipChecks(stack.sql, B),
  };
}
