// Per phase of bench/faults.ts: requests before / during / after the fault, errors by code and by
// operation, latency during it, recovery once it was over, list pages fetched twice meanwhile.
import { percentile, round } from "../report.ts";
import type { CallRecord, Phase } from "./config.ts";
import type { Refetch } from "./checks.ts";

export function phaseRow(phase: Phase, records: CallRecord[], refetched: Refetch[]) {
  const inWindow = (from: number, to: number) => records.filter((record) => record.end >= from && record.start <= to);
  const before = records.filter((record) => record.start >= phase.start && record.end < phase.faultStart);
  const during = inWindow(phase.faultStart, phase.faultEnd);
  const after = records.filter((record) => record.start > phase.faultEnd && record.start <= phase.end);
  const failed = [...during, ...after].filter((record) => record.problems.length);
  const byCode: Record<string, number> = {};
  for (const record of failed) for (const problem of new Set(record.problems)) byCode[problem] = (byCode[problem] ?? 0) + 1;
  const firstSuccess = records.filter((record) => record.end > phase.faultEnd && !record.problems.length).sort((a, b) => a.end - b.end)[0];
  const lastFailure = failed.sort((a, b) => b.end - a.end)[0];
  const duringMs = during.map((record) => record.end - record.start);
  const pageRefetches = refetched.filter((entry) => entry.secondAt >= phase.start && entry.secondAt <= phase.end);
  return {
    phase: phase.name,
    faultSeconds: round((phase.faultEnd - phase.faultStart) / 1000, 1),
    requestsBefore: before.length,
    errorsBefore: before.filter((record) => record.problems.length).length,
    requestsDuring: during.length,
    requestsAfter: after.length,
    errorsDuringAndAfter: failed.length,
    errorsByCode: byCode,
    errorsByOperation: Object.fromEntries(
      [...new Set(failed.map((record) => record.operation))].map((operation) => [operation, failed.filter((record) => record.operation === operation).length]),
    ),
    slowestDuringMs: duringMs.length ? round(Math.max(...duringMs), 0) : null,
    slowestDuringByOperation: Object.fromEntries(
      [...new Set(during.map((record) => record.operation))].map((operation) => [
        operation,
        round(Math.max(...during.filter((record) => record.operation === operation).map((record) => record.end - record.start)), 0),
      ]),
    ),
    p99DuringMs: duringMs.length ? round(percentile(duringMs, 99), 0) : null,
    firstSuccessAfterBackMs: firstSuccess ? round(firstSuccess.end - phase.faultEnd, 0) : null,
    lastErrorAfterBackMs: lastFailure ? round(lastFailure.end - phase.faultEnd, 0) : null,
    listPagesRefetched: pageRefetches.length,
    ...phase.notes,
  };
}

export type PhaseRow = ReturnType<typeof phaseRow>;
