// When the schedule trains the model (trainingDue), against real Postgres: after failed trainings in
// a row it waits 2, 4, 8 … minutes after the last one instead of trying again every minute.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../../test-support/api-harness.ts";
import { DEFAULT_ITEM_MODEL_CONFIG } from "./train-item-model.ts";
import { trainingDue } from "./train-model.job.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 50 });
});
afterAll(() => api?.close());

const minutesAgo = (minutes: number, from: Date) => new Date(from.getTime() - minutes * 60_000);

it("after failed trainings in a row, the schedule waits 2, 4, 8 … minutes after the last before it is due again", async () => {
  const { prisma } = api.services;
  const now = new Date();
  const policy = { everyMinutes: 1, afterInteractions: 1_000, model: DEFAULT_ITEM_MODEL_CONFIG };
  const version = (status: "LIVE" | "FAILED", startedAt: Date) =>
    prisma.recommendationModel.create({ data: { status, algorithm: "test", params: {}, dataUpTo: startedAt, startedAt } });
  await version("LIVE", minutesAgo(60, now));
  const user = await api.createUser();
  await prisma.interaction.create({ data: { userId: user.id, mediaType: "MOVIE", tmdbId: 1, kind: "FAVOURITE", createdAt: minutesAgo(30, now) } });
  expect(await trainingDue(api.services, policy, now)).toBe("1 minutes since the last training");

  const first = await version("FAILED", minutesAgo(1, now));
  expect(await trainingDue(api.services, policy, now)).toBeNull(); // 1 failure: waits 2 minutes
  await prisma.recommendationModel.update({ where: { version: first.version }, data: { startedAt: minutesAgo(3, now) } });
  expect(await trainingDue(api.services, policy, now)).not.toBeNull();

  await version("FAILED", minutesAgo(3, now));
  await version("FAILED", minutesAgo(3, now));
  expect(await trainingDue(api.services, policy, now)).toBeNull(); // 3 in a row: waits 8 minutes
  expect(await trainingDue(api.services, policy, new Date(now.getTime() + 6 * 60_000))).not.toBeNull();

  // A fourth that ran 20 minutes before failing 3 minutes ago: its 16 minutes count from the failure.
  const long = await version("FAILED", minutesAgo(23, now));
  await prisma.recommendationModel.update({ where: { version: long.version }, data: { trainingMs: 20 * 60_000 } });
  expect(await trainingDue(api.services, policy, now)).toBeNull();
  expect(await trainingDue(api.services, policy, new Date(now.getTime() + 14 * 60_000))).not.toBeNull();
});
