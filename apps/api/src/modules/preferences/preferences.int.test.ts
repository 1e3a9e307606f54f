// Preferences over real HTTP: defaults, partial updates, validation, and isolation between users.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type GraphQLResponse, type TestApi, type TestUser } from "../../test-support/api-harness.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 200 });
});
afterAll(() => api?.close());

const FIELDS = `likedGenreIds dislikedGenreIds mediaTypes languages yearFrom yearTo maxRuntime minRating includeAdult onboarded`;
const GET = `{ preferences { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { ${FIELDS} } }`;

const DEFAULTS = {
  likedGenreIds: [],
  dislikedGenreIds: [],
  mediaTypes: [],
  languages: [],
  yearFrom: null,
  yearTo: null,
  maxRuntime: null,
  minRating: null,
  includeAdult: false,
  onboarded: false,
};
type Prefs = typeof DEFAULTS & { likedGenreIds: number[]; dislikedGenreIds: number[]; mediaTypes: string[]; languages: string[] } & Record<
    "yearFrom" | "yearTo" | "maxRuntime" | "minRating",
    number | null
  >;

// TMDB genre ids the catalogue knows: 28 Action, 12 Adventure, 18 Drama (movies), 10759 Action & Adventure (TV).
const ACTION = 28;
const ADVENTURE = 12;
const DRAMA = 18;
const TV_ACTION_ADVENTURE = 10759;

function onlyError(result: GraphQLResponse, code: string) {
  expect(result.errors, JSON.stringify(result)).toHaveLength(1);
  const error = result.errors![0]!;
  expect(error.extensions?.code, error.message).toBe(code);
  return error;
}

async function read(user: TestUser): Promise<Prefs> {
  const result = await api.graphql<{ preferences: Prefs }>(GET, {}, { token: user.token });
  expect(result.errors).toBeUndefined();
  return result.data!.preferences;
}

async function update(user: TestUser, input: Record<string, unknown>): Promise<Prefs> {
  const result = await api.graphql<{ updatePreferences: Prefs }>(UPDATE, { input }, { cookie: user.cookie });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.updatePreferences;
}

describe("preferences", () => {
  it("a new user has the defaults: empty lists, no limits, includeAdult false, not onboarded", async () => {
    const user = await api.createUser();
    expect(await read(user)).toEqual(DEFAULTS);
    // Reading does not write a row.
    expect(await api.services.prisma.preference.findUnique({ where: { userId: user.id } })).toBeNull();
  });

  it("updatePreferences changes only the fields given, and the change is stored", async () => {
    const user = await api.createUser();
    expect(await update(user, { minRating: 7.5 })).toEqual({ ...DEFAULTS, minRating: 7.5 });
    expect(await update(user, { languages: ["en", "ko"], yearFrom: 1990 })).toEqual({ ...DEFAULTS, minRating: 7.5, languages: ["en", "ko"], yearFrom: 1990 });
    const all = {
      likedGenreIds: [ACTION, TV_ACTION_ADVENTURE],
      dislikedGenreIds: [DRAMA],
      mediaTypes: ["MOVIE"],
      yearTo: 2020,
      maxRuntime: 150,
      includeAdult: true,
    };
    const expected = { ...DEFAULTS, minRating: 7.5, languages: ["en", "ko"], yearFrom: 1990, ...all };
    expect(await update(user, all)).toEqual(expected);
    expect(await read(user)).toEqual(expected);
    // An empty input changes nothing.
    expect(await update(user, {})).toEqual(expected);
  });

  it("null clears a limit and leaves the others; null includeAdult leaves it as it was", async () => {
    const user = await api.createUser();
    await update(user, { minRating: 6, maxRuntime: 120, yearFrom: 1980, yearTo: 2000, includeAdult: true });
    const cleared = await update(user, { minRating: null, yearTo: null, includeAdult: null });
    expect(cleared).toMatchObject({ minRating: null, yearTo: null, maxRuntime: 120, yearFrom: 1980, includeAdult: true });
    expect(await read(user)).toEqual(cleared);
  });

  it("lists replace the stored ones, without duplicates; an empty list clears", async () => {
    const user = await api.createUser();
    expect((await update(user, { likedGenreIds: [ACTION, ADVENTURE, ACTION], languages: ["fr", "fr"] })).likedGenreIds).toEqual([ACTION, ADVENTURE]);
    expect((await read(user)).languages).toEqual(["fr"]);
    expect(await update(user, { likedGenreIds: [DRAMA] })).toMatchObject({ likedGenreIds: [DRAMA], languages: ["fr"] });
    expect(await update(user, { likedGenreIds: [] })).toMatchObject({ likedGenreIds: [], languages: ["fr"] });
  });

  it("onboarded: true sticks through later updates, including onboarded: false", async () => {
    const user = await api.createUser();
    expect((await update(user, { onboarded: true })).onboarded).toBe(true);
    const row = await api.services.prisma.preference.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.onboardedAt).toBeInstanceOf(Date);

    expect((await update(user, { minRating: 5 })).onboarded).toBe(true);
    expect((await update(user, { onboarded: false })).onboarded).toBe(true);
    expect((await update(user, { onboarded: true })).onboarded).toBe(true);
    expect((await read(user)).onboarded).toBe(true);
    // Marking it again keeps the first time it was done.
    const again = await api.services.prisma.preference.findUniqueOrThrow({ where: { userId: user.id } });
    expect(again.onboardedAt).toEqual(row.onboardedAt);
  });

  describe("bad input is BAD_USER_INPUT with a message naming the problem, and changes nothing", () => {
    let user: TestUser;
    let stored: Prefs;
    beforeAll(async () => {
      user = await api.createUser();
      stored = await update(user, { minRating: 5, yearFrom: 1990, yearTo: 2000, likedGenreIds: [ACTION], languages: ["en"] });
    });

    it.each([
      ["minRating 11", { minRating: 11 }, /minRating must not be greater than 10/],
      ["minRating -1", { minRating: -1 }, /minRating must not be less than 0/],
      ["maxRuntime 0", { maxRuntime: 0 }, /maxRuntime must not be less than 1/],
      ["yearFrom 1800", { yearFrom: 1800 }, /yearFrom must not be less than 1874/],
      ["yearTo 2500", { yearTo: 2500 }, /yearTo must not be greater than 2100/],
      ['languages ["english"]', { languages: ["english"] }, /languages must be ISO 639-1 codes such as "en"/],
      ['languages ["EN"]', { languages: ["EN"] }, /languages must be ISO 639-1 codes/],
      ["a genre id below 1", { likedGenreIds: [0] }, /likedGenreIds.*must not be less than 1/],
      ["more than 40 genres", { dislikedGenreIds: Array.from({ length: 41 }, (_, i) => i + 1) }, /dislikedGenreIds must contain no more than 40 elements/],
      ["yearFrom after yearTo in one update", { yearFrom: 2010, yearTo: 2005 }, /yearFrom must not be after yearTo/],
      ["yearFrom after the stored yearTo", { yearFrom: 2001 }, /yearFrom must not be after yearTo/],
      ["yearTo before the stored yearFrom", { yearTo: 1980 }, /yearFrom must not be after yearTo/],
      ["an unknown genre id", { likedGenreIds: [ACTION, 999999] }, /Unknown genre ids: 999999\. The genres query lists them/],
      ["an unknown disliked genre id", { dislikedGenreIds: [424242] }, /Unknown genre ids: 424242/],
      [
        "a genre both liked and disliked in one update",
        { likedGenreIds: [ADVENTURE, DRAMA], dislikedGenreIds: [DRAMA] },
        /A genre cannot be both liked and disliked: 18/,
      ],
      ["disliking a genre that is stored as liked", { dislikedGenreIds: [ACTION] }, /A genre cannot be both liked and disliked: 28/],
      ["a valid change together with an invalid one", { minRating: 8, maxRuntime: 0 }, /maxRuntime must not be less than 1/],
    ])("%s", async (_label, input, message) => {
      const result = await api.graphql(UPDATE, { input }, { token: user.token });
      expect(result.status).toBe(400);
      expect(result.data).toBeNull();
      const error = onlyError(result, "BAD_USER_INPUT");
      expect(error.message).toMatch(message);
      expect(error.path).toEqual(["updatePreferences"]);
      expect(await read(user)).toEqual(stored);
    });

    it("names every invalid field at once", async () => {
      const result = await api.graphql(UPDATE, { input: { minRating: 11, maxRuntime: 0, languages: ["english"] } }, { token: user.token });
      const error = onlyError(result, "BAD_USER_INPUT");
      expect(error.message).toMatch(/minRating/);
      expect(error.message).toMatch(/maxRuntime/);
      expect(error.message).toMatch(/languages/);
      const fields = (error.extensions!.details as { fields: Array<{ field: string }> }).fields.map((entry) => entry.field).sort();
      expect(fields).toEqual(["languages", "maxRuntime", "minRating"]);
    });

    it("a value of the wrong type is refused (HTTP 400) before anything runs", async () => {
      const result = await api.graphql(UPDATE, { input: { yearFrom: "1990" } }, { token: user.token });
      expect(result.status).toBe(400);
      expect(result.data).toBeUndefined();
      expect(onlyError(result, "BAD_USER_INPUT").message).toMatch(/input\.yearFrom.*Int cannot represent/);
      expect(await read(user)).toEqual(stored);
    });

    it("the bounds themselves are accepted", async () => {
      const other = await api.createUser();
      expect(await update(other, { minRating: 10, maxRuntime: 1, yearFrom: 1874, yearTo: 2100 })).toMatchObject({
        minRating: 10,
        maxRuntime: 1,
        yearFrom: 1874,
        yearTo: 2100,
      });
      expect(await update(other, { minRating: 0, maxRuntime: 1000, yearFrom: 2100 })).toMatchObject({
        minRating: 0,
        maxRuntime: 1000,
        yearFrom: 2100,
        yearTo: 2100,
      });
    });
  });

  it.each([
    ["preferences", GET, {}],
    ["updatePreferences", UPDATE, { input: { onboarded: true } }],
  ])("%s needs a signed-in caller (UNAUTHENTICATED)", async (_label, query, variables) => {
    const before = await api.services.prisma.preference.count();
    const result = await api.graphql(query, variables);
    expect(result.status).toBe(401);
    expect(result.data).toBeNull();
    expect(onlyError(result, "UNAUTHENTICATED").message).toMatch(/Sign in, or send a personal API token/);
    expect(await api.services.prisma.preference.count()).toBe(before);
  });

  it("user B's updates never change user A's preferences", async () => {
    const [a, b] = await Promise.all([api.createUser(), api.createUser()]);
    const mine = await update(a, { likedGenreIds: [ACTION], languages: ["en"], minRating: 7, onboarded: true });
    const theirs = await update(b, {
      likedGenreIds: [DRAMA],
      dislikedGenreIds: [ACTION],
      languages: ["ja"],
      minRating: null,
      maxRuntime: 90,
      includeAdult: true,
    });
    expect(theirs).toMatchObject({ likedGenreIds: [DRAMA], dislikedGenreIds: [ACTION], languages: ["ja"], maxRuntime: 90, onboarded: false });
    expect(await read(a)).toEqual(mine);
    expect(await read(b)).toEqual(theirs);
  });
});
