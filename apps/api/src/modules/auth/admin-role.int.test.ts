// The admin-only mutation (refreshMediaCache) over real HTTP: refused to normal users and anonymous
// callers, and queued once for an admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApi, TestUser } from "../../test-support/api-harness.ts";
import { MANUAL_RUN_JOB_ID } from "../ingest/ingest-queue.ts";
import { ME, onlyError, startAuthTestApi } from "./auth.test-support.ts";

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

  it("is FORBIDDEN for a normal user and UNAUTHENTICATED for anonymous callers; nothing is queued", async () => {
    for (const auth of [{ token: user.token }, { cookie: user.cookie }]) {
      const result = await api.graphql(REFRESH, {}, auth);
      expect(onlyError(result, "FORBIDDEN").message).toBe("This needs the ADMIN role.");
      expect(result.data).toBeNull();
    }
    const anonymous = await api.graphql(REFRESH);
    expect(onlyError(anonymous, "UNAUTHENTICATED").message).toMatch(/Sign in/);
    expect(await api.services.queues.ingest.getJob(MANUAL_RUN_JOB_ID)).toBeUndefined();
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
