// Deleting an account over HTTP: confirmed by the password (or a fresh provider sign-in), it leaves
// no row of the person in any table and no stored ranking, ends their tokens and cookies at once,
// and leaves everyone else's data alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi, type TestUser } from "../../test-support/api-harness.ts";
import { encode } from "next-auth/jwt";
import { TEST_AUTH_SECRET } from "../../test-support/api-harness.ts";
import { SESSION_DAYS, startWebSession } from "../auth/web-session.service.ts";

let api: TestApi;
let movies: number[];
beforeAll(async () => {
  api = await startTestApi();
  await api.seedMediaCache(1);
  movies = (await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE" }, orderBy: { popularity: "desc" }, take: 6 })).map(
    (row) => row.tmdbId,
  );
});
afterAll(() => api?.close());

const DELETE = `mutation($password: String) { deleteAccount(input: { password: $password }) }`;
const ME = `{ me { id } }`;
const PASSWORD = "correct horse battery";

/** Favourites, a rating, the watchlist, a dismissal, preferences and a ranking stored in Redis. */
async function useTheApp(user: TestUser) {
  const auth = { token: user.token };
  const media = (id: number) => ({ media: { type: "MOVIE", tmdbId: id } });
  for (const [query, variables] of [
    [`mutation($media: MediaRefInput!) { addFavourite(media: $media) { id } }`, media(movies[0]!)],
    [`mutation($media: MediaRefInput!) { rate(media: $media, rating: 8) { id } }`, media(movies[1]!)],
    [`mutation($media: MediaRefInput!) { markWatched(media: $media) { id } }`, media(movies[2]!)],
    [`mutation($media: MediaRefInput!) { dismiss(media: $media) { id } }`, media(movies[3]!)],
    [`mutation { updatePreferences(input: { likedGenreIds: [18] }) { likedGenreIds } }`, {}],
    [`{ recommendations(first: 5) { edges { node { score } } } }`, {}],
  ] as const) {
    const result = await api.graphql(query, variables, auth);
    expect(result.errors, query).toBeUndefined();
  }
}

/** Rows with this user id in every table that has a user_id column, and the user row itself. */
async function rowsOf(userId: string): Promise<Record<string, number>> {
  const { prisma } = api.services;
  const tables = await prisma.$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'user_id' ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "${table_name}" WHERE user_id = $1::uuid`, userId);
    counts[table_name] = row!.n;
  }
  const [user] = await prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "user" WHERE id = ${userId}::uuid`;
  counts.user = user!.n;
  return counts;
}

const rankingsKey = (userId: string) => `${api.config.REDIS_KEY_PREFIX}recommendations:${userId}`;

describe("deleting an account", () => {
  it("with the password: no row of the person left in any table, tokens and cookies end at once, others untouched", async () => {
    const [leaving, staying] = await Promise.all([api.createUser({ password: PASSWORD }), api.createUser({ password: PASSWORD })]);
    await useTheApp(leaving);
    await useTheApp(staying);
    const before = await rowsOf(leaving.id);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(["account", "api_token", "interaction", "preference", "session", "user"]));
    expect(before.interaction).toBeGreaterThanOrEqual(4);
    expect(await api.services.redis.exists(rankingsKey(leaving.id))).toBe(1);
    // Their credentials are cached in this process by now.
    expect((await api.graphql(ME, {}, { token: leaving.token })).data?.me?.id).toBe(leaving.id);

    const deleted = await api.graphql(DELETE, { password: PASSWORD }, { cookie: leaving.cookie });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data?.deleteAccount).toBe(true);

    expect(
      Object.values(await rowsOf(leaving.id)).every((count) => count === 0),
      JSON.stringify(await rowsOf(leaving.id)),
    ).toBe(true);
    expect(await api.services.redis.exists(rankingsKey(leaving.id))).toBe(0);
    expect((await api.graphql(ME, {}, { token: leaving.token })).status).toBe(401);
    expect((await api.graphql(ME, {}, { cookie: leaving.cookie })).data?.me).toBeNull();

    expect(await rowsOf(staying.id)).toEqual(before);
    expect((await api.graphql(ME, {}, { token: staying.token })).data?.me?.id).toBe(staying.id);
  });

  it.each([
    ["a wrong password", "not my password", /not your password/],
    ["no password", null, /Enter your password/],
  ])("with %s: FORBIDDEN, and nothing is deleted", async (_label, password, message) => {
    const person = await api.createUser({ password: PASSWORD });
    await useTheApp(person);
    const before = await rowsOf(person.id);
    const result = await api.graphql(DELETE, { password }, { token: person.token });
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await rowsOf(person.id)).toEqual(before);
  });

  it("a provider-only account: refused with a token or an old session, done with a fresh sign-in", async () => {
    const person = await api.createUser(); // no password
    await useTheApp(person);
    const viaToken = await api.graphql(DELETE, {}, { token: person.token });
    expect(viaToken.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(viaToken.errors?.[0]?.message).toMatch(/sign in again/);

    // The test user's session began at sign-in, just now; make it eleven minutes old.
    await api.services.prisma.session.updateMany({
      where: { userId: person.id },
      data: { expires: new Date(Date.now() + SESSION_DAYS * 86_400_000 - 11 * 60_000) },
    });
    const oldSession = await api.graphql(DELETE, {}, { cookie: person.cookie });
    expect(oldSession.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await rowsOf(person.id)).user).toBe(1);

    const fresh = await api.createUser();
    const deleted = await api.graphql(DELETE, {}, { cookie: fresh.cookie });
    expect(deleted.data?.deleteAccount).toBe(true);
    expect((await rowsOf(fresh.id)).user).toBe(0);
  });

  it("anonymous: UNAUTHENTICATED", async () => {
    const result = await api.graphql(DELETE, { password: PASSWORD });
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("changing the password", () => {
  const CHANGE = `mutation($current: String!, $next: String!) { changePassword(input: { currentPassword: $current, newPassword: $next }) }`;
  const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { id } }`;

  it("needs the current password, signs out every other web session, keeps this one and the tokens", async () => {
    const user = await api.createUser({ password: PASSWORD });
    // The same person signed in on another device.
    const otherSid = await startWebSession(api.services, { userId: user.id });
    const otherDevice = `next-auth.session-token=${await encode({ token: { sub: user.id, email: user.email, sid: otherSid }, secret: TEST_AUTH_SECRET })}`;
    expect((await api.graphql(ME, {}, { cookie: otherDevice })).data!.me?.id).toBe(user.id);

    const wrong = await api.graphql(CHANGE, { current: "not it at all", next: "a brand new password" }, { cookie: user.cookie });
    expect(wrong.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const short = await api.graphql(CHANGE, { current: PASSWORD, next: "short" }, { cookie: user.cookie });
    expect(short.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const byToken = await api.graphql(CHANGE, { current: PASSWORD, next: "a brand new password" }, { token: user.token });
    expect(byToken.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const changed = await api.graphql(CHANGE, { current: PASSWORD, next: "a brand new password" }, { cookie: user.cookie });
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.changePassword).toBe(1);
    expect((await api.graphql(ME, {}, { cookie: otherDevice })).data!.me).toBeNull();
    expect((await api.graphql(ME, {}, { cookie: user.cookie })).data!.me?.id).toBe(user.id);
    expect((await api.graphql(ME, {}, { token: user.token })).data!.me?.id).toBe(user.id);
    expect((await api.graphql(SIGN_IN, { email: user.email, password: PASSWORD })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await api.graphql(SIGN_IN, { email: user.email, password: "a brand new password" })).data!.signIn.id).toBe(user.id);
  });
});

describe("changing the email", () => {
  const CHANGE = `mutation($email: String!, $password: String!) { changeEmail(input: { newEmail: $email, password: $password }) { id email } }`;
  const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { id } }`;

  it("needs the password and a free, valid address; the new one signs in, the old one no longer does", async () => {
    const user = await api.createUser({ password: PASSWORD });
    const other = await api.createUser({ password: PASSWORD });
    const next = `Renamed-${user.id.slice(0, 8)}@Example.test`;
    const code = async (variables: { email: string; password: string }, credential: { cookie?: string; token?: string }) =>
      (await api.graphql(CHANGE, variables, credential)).errors?.[0]?.extensions?.code;

    expect(await code({ email: next, password: "not it at all" }, { cookie: user.cookie })).toBe("FORBIDDEN");
    expect(await code({ email: next, password: PASSWORD }, { token: user.token })).toBe("FORBIDDEN");
    expect(await code({ email: "no at sign", password: PASSWORD }, { cookie: user.cookie })).toBe("BAD_USER_INPUT");
    expect(await code({ email: other.email.toUpperCase(), password: PASSWORD }, { cookie: user.cookie })).toBe("BAD_USER_INPUT");
    expect(await code({ email: user.email, password: PASSWORD }, { cookie: user.cookie })).toBe("BAD_USER_INPUT");
    expect((await api.graphql(ME, {}, { cookie: user.cookie })).data!.me?.id).toBe(user.id);

    const changed = await api.graphql(CHANGE, { email: next, password: PASSWORD }, { cookie: user.cookie });
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.changeEmail.email).toBe(next.toLowerCase());
    // Still signed in here and by token; sign-in now takes the new address.
    expect((await api.graphql(ME, {}, { cookie: user.cookie })).data!.me?.id).toBe(user.id);
    expect((await api.graphql(ME, {}, { token: user.token })).data!.me?.id).toBe(user.id);
    expect((await api.graphql(SIGN_IN, { email: user.email, password: PASSWORD })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await api.graphql(SIGN_IN, { email: next, password: PASSWORD })).data!.signIn.id).toBe(user.id);
    // The other account kept its address.
    expect((await api.services.prisma.user.findUniqueOrThrow({ where: { id: other.id } })).email).toBe(other.email);
  });
});
