// Each job unit's payload schema: what the queues carry parses, anything else fails once and for all.
import { UnrecoverableError } from "bullmq";
import { describe, expect, it } from "vitest";
import { detailsRefreshJob } from "./details-refresh.job.ts";
import { detailsJob } from "./details.job.ts";
import { ingestRunJob } from "./ingest-run.job.ts";
import { parsePayload } from "./job-unit.ts";
import { trainModelJob } from "../recommendations/model/model.worker.ts";

describe("job payloads", () => {
  it("accepts what the queues carry", () => {
    expect(parsePayload(detailsJob, { mediaType: "tv", tmdbId: 1399 })).toEqual({ mediaType: "tv", tmdbId: 1399 });
    expect(parsePayload(ingestRunJob, { reason: "admin", requestedBy: "user-1" })).toEqual({ reason: "admin", requestedBy: "user-1" });
    expect(parsePayload(ingestRunJob, { reason: "schedule" })).toEqual({ reason: "schedule" });
    expect(parsePayload(detailsRefreshJob, {})).toEqual({});
    expect(parsePayload(trainModelJob, { reason: "admin", requestedBy: "user-1", force: true })).toEqual({
      reason: "admin",
      requestedBy: "user-1",
      force: true,
    });
  });

  it("fails anything else as unrecoverable (BullMQ does not retry it), naming the field", () => {
    const bad: Array<[Parameters<typeof parsePayload>[0], unknown, RegExp]> = [
      [detailsJob, { mediaType: "film", tmdbId: 550 }, /mediaType/],
      [detailsJob, { mediaType: "movie", tmdbId: -3 }, /tmdbId/],
      [detailsJob, { mediaType: "movie", tmdbId: 1.5 }, /tmdbId/],
      [detailsJob, null, /\(data\)/],
      [ingestRunJob, { reason: "because" }, /reason/],
      [trainModelJob, { reason: "admin", force: "yes" }, /force/],
    ];
    for (const [unit, data, field] of bad) {
      let error: unknown;
      try {
        parsePayload(unit, data);
      } catch (thrown) {
        error = thrown;
      }
      expect(error, JSON.stringify(data)).toBeInstanceOf(UnrecoverableError);
      expect((error as Error).message).toMatch(field);
      expect((error as Error).message).toContain(`${unit.queue} job data is not valid`);
    }
  });

  it("schedules the repeating jobs only while their cadence is set", () => {
    const config = (minutes: number) =>
      ({ INGEST_EVERY_MINUTES: minutes, MODEL_CHECK_EVERY_SECONDS: minutes }) as Parameters<NonNullable<typeof ingestRunJob.schedule>["every"]>[0];
    expect(ingestRunJob.schedule?.every(config(30))).toBe(30 * 60_000);
    expect(ingestRunJob.schedule?.every(config(0))).toBeNull();
    expect(detailsRefreshJob.schedule?.every(config(30))).toBe(15 * 60_000);
    expect(detailsRefreshJob.schedule?.every(config(0))).toBeNull();
    expect(detailsJob.schedule).toBeUndefined();
    expect(trainModelJob.schedule?.every(config(30))).toBe(30_000);
    expect(trainModelJob.schedule?.every(config(0))).toBeNull();
  });
});
