// What operators get from the API: ingestStatus (cursors, queue counts, failures) and the queue
// dashboard, both for admins only.
import { UnrecoverableError } from "bullmq";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { QUEUES } from "./ingest.queues.ts";
import { queueDetails } from "./ingest-run.job.ts";
import { startModelWorker } from "../recommendations/model/model.worker.ts";
import { startTestApi, type TestApi, type TestUser } from "../../test-support/api-harness.ts";
import { createApiToken } from "../auth/api-token.service.ts";
import { failNextJob } from "../../test-support/queues.ts";

let api: TestApi;
let admin: TestUser;
let user: TestUser;
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 300 });
  admin = await api.createUser({ role: "ADMIN" });
  user = await api.createUser();
});
afterAll(() => api?.close());

const STATUS = `{ ingestStatus { cursors { list nextPage lastPage cycle pagesFetched lastError } queues { name waiting failed recentFailures { id reason attempts } } } }`;

describe("ingestStatus", () => {
  it("shows admins each list's cursor and each queue, with failures and their reasons", async () => {
    await api.services.prisma.ingestCursor.create({
      data: { list: "movie/popular", nextPage: 7, totalPages: 38_029, cycle: 2, pagesFetched: 1_006, lastError: "TMDB answered 503" },
    });
    // A job that fails for good, processed by a real worker, then one left waiting.
    await api.services.queues.details.add("details", { mediaType: "tv", tmdbId: 2 }, { jobId: "details-tv-2", attempts: 1 });
    await failNextJob(api, "details", new Error("TMDB did not answer within 10000 ms"));
    await api.services.queues.details.add("details", { mediaType: "movie", tmdbId: 1 }, { jobId: "details-movie-1" });

    const result = await api.graphql(STATUS, {}, { token: admin.token });
    expect(result.errors).toBeUndefined();
    expect(result.data!.ingestStatus.cursors).toEqual([
      { list: "movie/popular", nextPage: 7, lastPage: 500, cycle: 2, pagesFetched: 1_006, lastError: "TMDB answered 503" },
    ]);
    const details = result.data!.ingestStatus.queues.find((queue: { name: string }) => queue.name === "movierec-details");
    expect(details).toMatchObject({
      waiting: 1,
      failed: 1,
      recentFailures: [{ id: "details-tv-2", reason: "TMDB did not answer within 10000 ms", attempts: 1 }],
    });
    expect(result.data!.ingestStatus.queues.map((queue: { name: string }) => queue.name).sort()).toEqual([
      "movierec-details",
      "movierec-details-refresh",
      "movierec-imports",
      "movierec-ingest",
      "movierec-model",
    ]);
  });

  it("does not exist for non-admins (graphql/audiences.ts)", async () => {
    expect((await api.graphql(STATUS, {}, { token: user.token })).errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect((await api.graphql(STATUS)).errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

describe("recommendation model", () => {
  const MODEL = `{ recommendationModel { newInteractions live { version status titles interactions users trainingMs liveAt } latest { version status } } }`;
  it("shows admins the live model, and trainRecommendationModel queues one training however often it is asked", async () => {
    const before = await api.graphql(MODEL, {}, { token: admin.token });
    expect(before.data!.recommendationModel).toEqual({ newInteractions: 0, live: null, latest: null });
    await api.seedMediaCache(1);
    const titles = await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE" }, take: 4, select: { tmdbId: true } });
    expect(titles).toHaveLength(4);
    for (let person = 0; person < 3; person++) {
      const fan = await api.createUser();
      for (const { tmdbId } of titles)
        await api.graphql(`mutation($id: Int!) { addFavourite(media: { type: MOVIE, tmdbId: $id }) { id } }`, { id: tmdbId }, { token: fan.token });
    }
    const ask = `mutation { trainRecommendationModel { jobId alreadyQueued } }`;
    const first = await api.graphql(ask, {}, { token: admin.token });
    const again = await api.graphql(ask, {}, { token: admin.token });
    expect(first.data!.trainRecommendationModel.alreadyQueued).toBe(false);
    expect(again.data!.trainRecommendationModel).toEqual({ jobId: first.data!.trainRecommendationModel.jobId, alreadyQueued: true });
    expect((await api.graphql(ask, {}, { token: user.token })).errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    // The worker's model queue runs it.
    const model = await startModelWorker({ ...api.services, config: { ...api.services.config, MODEL_CHECK_EVERY_SECONDS: 0 } });
    try {
      await expect
        .poll(async () => (await api.graphql(MODEL, {}, { token: admin.token })).data!.recommendationModel.live?.status, { timeout: 15_000 })
        .toBe("LIVE");
    } finally {
      await model.close();
    }
    const after = (await api.graphql(MODEL, {}, { token: admin.token })).data!.recommendationModel;
    expect(after.live).toMatchObject({ titles: 4, interactions: 12, users: 3 });
    expect(after.newInteractions).toBe(0);
    expect((await api.graphql(MODEL, {}, { token: user.token })).errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

describe("queue dashboard", () => {
  it("is served to admins only", async () => {
    expect((await fetch(`${api.url}/admin/queues`)).status).toBe(401);
    expect((await fetch(`${api.url}/admin/queues`, { headers: { authorization: `Bearer ${user.token}` } })).status).toBe(403);
    const asAdmin = await fetch(`${api.url}/admin/queues`, { headers: { cookie: admin.cookie } });
    expect(asAdmin.status).toBe(200);
    expect(await asAdmin.text()).toContain("<html");
    const queues = await fetch(`${api.url}/admin/queues/api/queues`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(queues.status).toBe(200);
    expect(JSON.stringify(await queues.json())).toContain("movierec-ingest");
  });

  it("lets an admin's read-only token look, not act", async () => {
    const { secret } = await createApiToken(api.services, { userId: admin.id, name: "dashboard reader", scopes: ["read"] });
    const headers = { authorization: `Bearer ${secret}` };
    expect((await fetch(`${api.url}/admin/queues/api/queues`, { headers })).status).toBe(200);
    const before = await api.services.queues.detailsRefresh.getJobCounts();
    const add = await fetch(`${api.url}/admin/queues/api/queues/movierec-details-refresh/add`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ name: "refresh", data: {} }),
    });
    expect(add.status).toBe(403);
    expect(add.headers.get("www-authenticate")).toContain('scope="write"');
    expect(await api.services.queues.detailsRefresh.getJobCounts()).toEqual(before);
  });

  it("refuses cross-site state changes made with the admin's cookie, and never answers with a stack", async () => {
    const add = `${api.url}/admin/queues/api/queues/movierec-details-refresh/add`;
    const jobs = async () => (await api.services.queues.detailsRefresh.getJobCounts()) as Record<string, number>;
    const before = await jobs();
    // A CORS-simple POST from another site (no body): before, 200 and a job was added.
    const crossSite: Array<Record<string, string>> = [{ origin: "http://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
    for (const headers of crossSite) {
      const response = await fetch(add, { method: "POST", headers: { cookie: admin.cookie, ...headers } });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.text()).toMatch(/Refused a .*own pages/);
    }
    expect(await jobs()).toEqual(before);
    // A form content type reached bull-board's handler, which answers with a stack (absolute paths)
    // when NODE_ENV is development, as under `npm start`.
    vi.stubEnv("NODE_ENV", "development");
    const form = await fetch(add, {
      method: "POST",
      headers: { cookie: admin.cookie, origin: api.url, "content-type": "application/x-www-form-urlencoded" },
      body: "a=b",
    }).finally(() => vi.unstubAllEnvs());
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(await form.text()).not.toMatch(/\/work\/|node_modules|\bat\s+\S+\s*\(/);
    // The dashboard's own page (same origin) and an admin's token still change state.
    const sameOrigin = await fetch(`${api.url}/admin/queues/api/queues/movierec-details-refresh/pause`, {
      method: "PUT",
      headers: { cookie: admin.cookie, origin: api.url, "sec-fetch-site": "same-origin" },
    });
    expect(sameOrigin.status).toBe(200);
    const resume = await fetch(`${api.url}/admin/queues/api/queues/movierec-details-refresh/resume`, {
      method: "PUT",
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(resume.status).toBe(200);
  });
});

describe("details jobs", () => {
  it("a title is queued once while its job waits, and again after its job failed for good", async () => {
    const queue = api.services.queues.details;
    await queue.obliterate({ force: true });
    const title = { mediaType: "movie" as const, tmdbId: 77 };
    await queueDetails(queue, [title, title]);
    await queueDetails(queue, [title]);
    expect(await queue.getWaitingCount()).toBe(1);

    // Its job fails for good (kept among the failed, for the dashboard)…
    await failNextJob(api, "details", new UnrecoverableError("TMDB answered 401"));
    expect(await queue.getFailedCount()).toBe(1);
    // …and the next ingest or sweep queues the title again.
    await queueDetails(queue, [title]);
    expect(await queue.getWaitingCount()).toBe(1);
    await queue.obliterate({ force: true });
  });
});

describe("a worker when Redis comes back without its data", () => {
  it("writes its queue's schedule and global concurrency again once it has reconnected", async () => {
    const { redis, queues } = api.services;
    // A model check a minute (the schedule); the first check finds nothing to train.
    const model = await startModelWorker(api.services);
    try {
      expect(await queues.model.getJobScheduler("model-check-schedule")).toBeDefined();
      expect(await queues.model.getGlobalConcurrency()).toBe(1);
      // Redis restarts without persistence: the queue's keys are gone.
      const keys = await redis.keys(`${api.config.REDIS_KEY_PREFIX}bull:${QUEUES.model.name}:*`);
      if (keys.length) await redis.del(...keys);
      expect(await queues.model.getJobScheduler("model-check-schedule")).toBeUndefined();
      expect(await queues.model.getGlobalConcurrency()).toBeNull();
      const ready = new Promise((resolve) => redis.once("ready", resolve));
      redis.disconnect(true);
      await ready;
      await expect.poll(async () => (await queues.model.getJobScheduler("model-check-schedule"))?.every, { timeout: 5_000 }).toBe(60_000);
      expect(await queues.model.getGlobalConcurrency()).toBe(1);
    } finally {
      await model.close();
      await queues.model.obliterate({ force: true });
    }
  });
});
