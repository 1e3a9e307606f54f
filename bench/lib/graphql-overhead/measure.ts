// The measurement of bench/graphql-overhead.ts: per query, a warm-up of every server, then per
// concurrency ROUNDS rounds in which every server gets one batch (the order rotating each round,
// so they share the machine's noise), pooled into one result per query, concurrency and server.
import { log, percentile, round } from "../report.ts";
import type { RunBatch } from "./client.ts";
import { SERVERS, type Batch, type QuerySpec, type ServerName } from "./shared.ts";

export interface MeasureOptions {
  rounds: number;
  batch: Record<number, number>;
  warmup: number;
  concurrencies: number[];
}

export interface ServerResult {
  query: string;
  concurrency: number;
  server: ServerName;
  p50Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
  requestsPerSecondPerRound: number[];
  serverCpuMsPerRequest: number;
  requests: number;
}

export type FindResult = (query: string, concurrency: number, server: ServerName) => ServerResult;

export function finder(results: ServerResult[]): FindResult {
  return (query, concurrency, server) => results.find((entry) => entry.query === query && entry.concurrency === concurrency && entry.server === server)!;
}

function pooled(spec: QuerySpec, concurrency: number, server: ServerName, batches: Batch[]): ServerResult {
  const latencies = batches.flatMap((entry) => entry.latencies);
  const perRound = batches.map((entry) => Math.round((entry.latencies.length / entry.wallMs) * 1000));
  return {
    query: spec.name,
    concurrency,
    server,
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    // The median round: one round disturbed by something else on the machine does not move it.
    requestsPerSecond: percentile(perRound, 50),
    requestsPerSecondPerRound: perRound,
    serverCpuMsPerRequest: round(batches.reduce((sum, entry) => sum + entry.cpuMs, 0) / latencies.length, 3),
    requests: latencies.length,
  };
}

export async function measure(queries: QuerySpec[], batch: RunBatch, options: MeasureOptions): Promise<ServerResult[]> {
  const results: ServerResult[] = [];
  const find = finder(results);
  for (const spec of queries) {
    for (const server of SERVERS) await batch(server, 4, options.warmup, spec);
    for (const concurrency of options.concurrencies) {
      const collected = new Map<ServerName, Batch[]>(SERVERS.map((server) => [server, []]));
      for (let roundIndex = 0; roundIndex < options.rounds; roundIndex++) {
        const order = SERVERS.map((_server, index) => SERVERS[(index + roundIndex) % SERVERS.length]!);
        for (const server of order) collected.get(server)!.push(await batch(server, concurrency, options.batch[concurrency]!, spec));
      }
      for (const server of SERVERS) results.push(pooled(spec, concurrency, server, collected.get(server)!));
      log(
        `${spec.name}, c=${concurrency}: ` +
          SERVERS.map((server) => {
            const entry = find(spec.name, concurrency, server);
            return `${server} ${entry.p50Ms}/${entry.p99Ms} ms ${entry.requestsPerSecond}/s cpu ${entry.serverCpuMsPerRequest} ms`;
          }).join(" | "),
      );
    }
  }
  return results;
}
