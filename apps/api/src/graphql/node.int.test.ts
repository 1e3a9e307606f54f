// Global object identification over HTTP: node(id:) gives back every kind of object the API hands
// out (the test walks the schema's Node types, so a new one without a case here fails), nodes(ids:)
// keeps order and hides other people's objects, and every mutation that takes a title takes its id.
import { getNamedType, type GraphQLInputObjectType, GraphQLNonNull, isInterfaceType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi, type TestUser } from "../test-support/api-harness.ts";
import { MAX_NODES } from "./node.resolver.ts";
import { getSchema } from "./schema.ts";

let api: TestApi;
let user: TestUser;
let other: TestUser;
let movie: { tmdbId: number; id: string };

beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 300 });
  [user, other] = await Promise.all([api.createUser(), api.createUser()]);
  await api.seedMediaCache(2);
  const row = await api.services.prisma.mediaCache.findFirstOrThrow({ where: { mediaType: "MOVIE" }, orderBy: { popularity: "desc" } });
  movie = { tmdbId: row.tmdbId, id: `movie:${row.tmdbId}` };
});
afterAll(() => api?.close());

const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;

/** One id of each Node type, as the API hands it out in its ordinary answers. */
async function idsHandedOut(): Promise<Record<string, string>> {
  const job = await api.services.prisma.importJob.create({
    data: { userId: user.id, source: "LETTERBOXD", fileName: "diary.csv", rowsTotal: 1, status: "DONE" },
  });
  await api.services.prisma.importRow.create({
    data: {
      jobId: job.id,
      position: 1,
      file: "diary.csv",
      line: 2,
      kind: "WATCHED",
      title: "Nowhere Film",
      happenedAt: new Date(),
      status: "UNMATCHED",
      reason: "no match",
    },
  });
  const auth = { token: user.token };
  const app = await api.graphql(`mutation { registerOAuthApp(input: { name: "Node walker", redirectUris: ["https://app.example.com/cb"] }) { id } }`, {}, auth);
  expect(app.errors).toBeUndefined();
  const answer = await api.graphql(
    `query($tmdbId: Int!) {
      me { id }
      apiTokens { id }
      oauthApps { id }
      imports { id unmatched(first: 1) { edges { node { id } } } }
      media(type: MOVIE, tmdbId: $tmdbId) { id genres { id } cast(first: 1) { id } directors { id } }
      genres(type: TV) { id }
      watchProviders { id }
    }`,
    { tmdbId: movie.tmdbId },
    auth,
  );
  expect(answer.errors).toBeUndefined();
  const data = answer.data!;
  const person = data.media.cast[0] ?? data.media.directors[0];
  expect(person, "the title has cast or a director").toBeDefined();
  expect(data.watchProviders.length, "the catalogue lists watch providers").toBeGreaterThan(0);
  return {
    User: data.me.id,
    ApiToken: data.apiTokens[0].id,
    OAuthApp: data.oauthApps[0].id,
    ImportJob: data.imports[0].id,
    ImportRow: data.imports[0].unmatched.edges[0].node.id,
    Media: data.media.id,
    Genre: data.media.genres[0].id,
    Person: person.id,
    WatchProvider: data.watchProviders[0].id,
  };
}

describe("node(id:)", () => {
  it("gives back every kind of Node the API hands out, by the id it handed out", async () => {
    const schema = await getSchema("public");
    const nodeInterface = schema.getType("Node");
    expect(nodeInterface && isInterfaceType(nodeInterface)).toBe(true);
    const nodeTypes = schema
      .getPossibleTypes(nodeInterface as never)
      .map((type) => type.name)
      .sort();
    const ids = await idsHandedOut();
    expect(Object.keys(ids).sort()).toEqual(nodeTypes);
    for (const [typeName, id] of Object.entries(ids)) {
      const result = await api.graphql(NODE, { id }, { token: user.token });
      expect(result.errors, typeName).toBeUndefined();
      expect(result.data!.node, typeName).toEqual({ __typename: typeName, id });
    }
  });

  it("is null for an id that names nothing, and for another person's objects", async () => {
    const ids = await idsHandedOut();
    for (const id of ["movie:987654321", "person:987654321", "genre:987654321", "provider:987654321", "not an id", "00000000-0000-7000-8000-000000000000"]) {
      const result = await api.graphql(NODE, { id }, { token: user.token });
      expect(result.errors, id).toBeUndefined();
      expect(result.data!.node, id).toBeNull();
    }
    for (const typeName of ["User", "ApiToken", "OAuthApp", "ImportJob", "ImportRow"]) {
      expect((await api.graphql(NODE, { id: ids[typeName] }, { token: other.token })).data!.node, typeName).toBeNull();
      expect((await api.graphql(NODE, { id: ids[typeName] })).data!.node, `${typeName}, anonymous`).toBeNull();
    }
  });

  it("nodes(ids:) answers in order, null where an id names nothing, and takes at most MAX_NODES ids", async () => {
    const result = await api.graphql(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Media { title } } }`, {
      ids: [movie.id, "movie:987654321", "genre:18"],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes.map((node: { id: string } | null) => node?.id ?? null)).toEqual([movie.id, null, "genre:18"]);
    const tooMany = await api.graphql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array.from({ length: MAX_NODES + 1 }, () => movie.id) });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("reasons on recommendations refer to ids node(id:) resolves", async () => {
    await api.graphql(`mutation($id: ID!) { addFavourite(media: { id: $id }) { id } }`, { id: movie.id }, { token: user.token });
    const result = await api.graphql(`{ recommendations(first: 10) { edges { node { reasons { refersTo } } } } }`, {}, { token: user.token });
    const refersTo = [
      ...new Set(
        result.data!.recommendations.edges.flatMap((edge: { node: { reasons: Array<{ refersTo: string | null }> } }) =>
          edge.node.reasons.flatMap((reason) => (reason.refersTo ? [reason.refersTo] : [])),
        ),
      ),
    ] as string[];
    expect(refersTo.length).toBeGreaterThan(0);
    for (const id of refersTo) expect((await api.graphql(NODE, { id }, { token: user.token })).data!.node?.id, id).toBe(id);
  });
});

describe("mutations that take a title", () => {
  it("every one takes the title's id as well as its type and TMDB id, and refuses both at once or neither", async () => {
    const schema = await getSchema("public");
    const mutations = Object.values(schema.getMutationType()!.getFields()).filter((field) =>
      field.args.some((arg) => getNamedType(arg.type).name === "MediaRefInput"),
    );
    expect(mutations.map((field) => field.name).sort()).toEqual([
      "addFavourite",
      "addToWatchlist",
      "clearRating",
      "dismiss",
      "markWatched",
      "rate",
      "removeFavourite",
      "removeFromWatchlist",
      "resolveImportRow",
      "undoDismiss",
    ]);
    const mediaRef = schema.getType("MediaRefInput") as GraphQLInputObjectType;
    expect(Object.keys(mediaRef.getFields()).sort()).toEqual(["id", "tmdbId", "type"]);
    const job = await api.services.prisma.importJob.create({
      data: { userId: user.id, source: "IMDB", fileName: "ratings.csv", rowsTotal: 1, status: "DONE" },
    });
    const row = await api.services.prisma.importRow.create({
      data: {
        jobId: job.id,
        position: 1,
        file: "ratings.csv",
        line: 2,
        kind: "RATING",
        rating: 8,
        title: "Nowhere",
        happenedAt: new Date(),
        status: "UNMATCHED",
      },
    });
    // Values for the other required arguments.
    const extra: Record<string, { type: string; value: unknown }> = { rating: { type: "Int!", value: 8 }, rowId: { type: "ID!", value: row.id } };
    for (const field of mutations) {
      const others = field.args.filter((arg) => arg.name !== "media" && arg.type instanceof GraphQLNonNull && arg.defaultValue === undefined);
      const declared = others.map((arg) => `$${arg.name}: ${extra[arg.name]!.type}`).join(", ");
      const passed = others.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
      const selection = getNamedType(field.type).name === "Media" ? "id" : "id __typename";
      const query = `mutation($media: MediaRefInput!${declared ? `, ${declared}` : ""}) { ${field.name}(media: $media${passed ? `, ${passed}` : ""}) { ${selection} } }`;
      const values = Object.fromEntries(others.map((arg) => [arg.name, extra[arg.name]!.value]));
      const byId = await api.graphql(query, { media: { id: movie.id }, ...values }, { token: user.token });
      expect(byId.errors, field.name).toBeUndefined();
      if (getNamedType(field.type).name === "Media") expect(byId.data![field.name].id, field.name).toBe(movie.id);
      const both = await api.graphql(query, { media: { id: movie.id, type: "MOVIE", tmdbId: movie.tmdbId }, ...values }, { token: user.token });
      expect(both.errors?.[0]?.extensions?.code, `${field.name} with both`).toBe("BAD_USER_INPUT");
      const neither = await api.graphql(query, { media: { type: "MOVIE" }, ...values }, { token: user.token });
      expect(neither.errors?.[0]?.extensions?.code, `${field.name} with neither`).toBe("BAD_USER_INPUT");
      const notATitle = await api.graphql(query, { media: { id: "genre:18" }, ...values }, { token: user.token });
      expect(notATitle.errors?.[0]?.message, `${field.name} with a genre's id`).toMatch(/is not the id of a title/);
    }
    // The id form does what the TMDB-id form does.
    const isFavourite = async () =>
      (await api.graphql(`query($id: Int!) { media(type: MOVIE, tmdbId: $id) { isFavourite } }`, { id: movie.tmdbId }, { token: user.token })).data!.media
        .isFavourite;
    await api.graphql(`mutation($id: ID!) { addFavourite(media: { id: $id }) { id } }`, { id: movie.id }, { token: user.token });
    expect(await isFavourite()).toBe(true);
    await api.graphql(`mutation($id: ID!) { removeFavourite(media: { id: $id }) { id } }`, { id: movie.id }, { token: user.token });
    expect(await isFavourite()).toBe(false);
  });
});
