// The admin-only mutation (refreshMediaCache) over real HTTP: not even in the schema normal users
// and anonymous callers see (graphql/audiences.ts), and queued once for an admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MANUAL_RUN_JOB_ID } from "../ingest/ingest-queue.ts";
import { TEST_AUTH_SECRET, type TestApi, type TestUser } from "../../test-support/api-harness.ts";
import { ME, onlyError, startAuthTestApi } from "./auth.test-support.ts";
import { INTERNAL_KEY_HEADER, internalKey } from "./oauth-account.service.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startAuthTestApi();
});
afterAll(() => api?.close());

const REFRESH = `mutation { refreshMediaCache { jobId alreadyQueued } }`;

describe("refreshMediaCache (admin only)", () => {
  let admin: TestUser;
  let user: TestUser;
  beforeAll(async () => {
    [admin, user] = await Promise.all([api.createUser({ role: "ADMIN" }), api.createUser()]);
  });

  it("does not exist for a normal user or an anonymous caller (400, GRAPHQL_VALIDATION_FAILED); nothing is queued", async () => {
    for (const auth of [{ token: user.token }, { cookie: user.cookie }, {}]) {
      const result = await api.graphql(REFRESH, {}, auth);
      expect(result.status).toBe(400);
      expect(onlyError(result, "GRAPHQL_VALIDATION_FAILED").message).toBe('Cannot query field "refreshMediaCache" on type "Mutation".');
      expect(result.data).toBeUndefined();
    }
    expect(await api.services.queues.ingest.getJob(MANUAL_RUN_JOB_ID)).toBeUndefined();
  });

  it("introspection shows each caller the operations it may run, and no others", async () => {
    const INTROSPECT = `{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`;
    const rootFieldsFor = async (auth: Parameters<TestApi["graphql"]>[2]) => {
      const result = await api.graphql(INTROSPECT, {}, auth);
      expect(result.errors).toBeUndefined();
      const schema = result.data!.__schema as Record<"queryType" | "mutationType", { fields: Array<{ name: string }> }>;
      return new Set([...schema.queryType.fields, ...schema.mutationType.fields].map((field) => field.name));
    };
    const webServer = { headers: { [INTERNAL_KEY_HEADER]: internalKey(TEST_AUTH_SECRET) } };
    for (const [caller, auth, sees, doesNotSee] of [
      ["anonymous", {}, ["media", "favourites"], ["ingestStatus", "refreshMediaCache", "startWebSession", "linkOAuthAccount"]],
      ["a user", { token: user.token }, ["media", "favourites"], ["ingestStatus", "trainRecommendationModel", "webSessionActive"]],
      ["an admin", { token: admin.token }, ["media", "ingestStatus", "refreshMediaCache", "recommendationModel"], ["startWebSession", "linkOAuthAccount"]],
      [
        "the web server",
        webServer,
        ["media", "startWebSession", "endWebSession", "webSessionActive", "linkOAuthAccount"],
        ["ingestStatus", "refreshMediaCache"],
      ],
    ] as const) {
      const fields = await rootFieldsFor(auth);
      for (const name of sees) expect(fields.has(name), `${caller} sees ${name}`).toBe(true);
      for (const name of doesNotSee) expect(fields.has(name), `${caller} does not see ${name}`).toBe(false);
    }
  });

  it("me says ADMIN for an admin", async () => {
    const result = await api.graphql(ME, {}, { token: admin.token });
    expect(result.data?.me).toMatchObject({ id: admin.id, role: "ADMIN" });
  });

  it("queues one ingest run for an admin; asking again while it waits queues nothing new", async () => {
    const first = await api.graphql(REFRESH, {}, { token: admin.token });
    expect(first.errors).toBeUndefined();
    expect(first.data?.refreshMediaCache).toEqual({ jobId: MANUAL_RUN_JOB_ID, alreadyQueued: false });

    const job = await api.services.queues.ingest.getJob(first.data!.refreshMediaCache.jobId);
    expect(job).toBeDefined();
    expect(job!.name).toBe("ingest-run");
    expect(job!.data).toEqual({ reason: "admin", requestedBy: admin.id });
    expect(await job!.getState()).toBe("waiting");

    const second = await api.graphql(REFRESH, {}, { cookie: admin.cookie });
    expect(second.errors).toBeUndefined();
    expect(second.data?.refreshMediaCache).toEqual({ jobId: MANUAL_RUN_JOB_ID, alreadyQueued: true });
    expect(await api.services.queues.ingest.getJobCounts("waiting")).toEqual({ waiting: 1 });
  });
});
