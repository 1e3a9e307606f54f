// The report of bench/graphql-overhead.ts: per query and concurrency, ours against plain graphql-js
// (and against plain with a document cache); what ours adds per request and where it goes (the
// breakdown); and bench/results/graphql-overhead.json.
import { round, writeResult, type SummaryRow } from "../report.ts";
import { finder, type FindResult, type MeasureOptions, type ServerResult } from "./measure.ts";
import type { QuerySpec, ServerName } from "./shared.ts";

const ratio = (a: number, b: number) => `×${round(a / b, 2)}`;
const signed = (value: number) => `${value >= 0 ? "+" : ""}${value}`;
const figures = (entry: ServerResult) => `${entry.p50Ms} / ${entry.p99Ms} ms, ${entry.requestsPerSecond}/s`;

/** One figure per server, and what ours adds split along the servers in between. */
const split = (value: (server: ServerName) => number) => ({
  ours: round(value("ours"), 3),
  plain: round(value("plain"), 3),
  plainWithDocumentCache: round(value("plain+doc-cache"), 3),
  vsPlain: round(value("ours") - value("plain"), 3),
  vsPlainWithDocumentCache: round(value("ours") - value("plain+doc-cache"), 3),
  fastifyApollo: round(value("fastify+apollo") - value("plain+doc-cache"), 3),
  armor: round(value("fastify+apollo+armor") - value("fastify+apollo"), 3),
  rateLimitAndRest: round(value("ours") - value("fastify+apollo+armor"), 3),
  parseAndValidate: round(value("plain") - value("plain+doc-cache"), 3),
  plainWithJit: round(value("plain+jit"), 3),
});
type Split = ReturnType<typeof split>;

const splitText = (entry: Split) =>
  `${entry.ours} vs ${entry.plain} ms (${signed(entry.vsPlain)}; ${signed(entry.vsPlainWithDocumentCache)} vs plain+cache ${entry.plainWithDocumentCache} ` +
  `= Fastify+Apollo ${entry.fastifyApollo}, armor ${entry.armor}, rate limit & rest ${entry.rateLimitAndRest}; parse+validate, which Apollo's cache saves, ${entry.parseAndValidate}; ` +
  `plain with graphql-jit's compiled queries ${entry.plainWithJit}, ×${round(entry.plainWithJit / entry.plainWithDocumentCache, 2)} of plain+cache)`;

function comparisonRow(spec: QuerySpec, concurrency: number, find: FindResult): SummaryRow {
  const ours = find(spec.name, concurrency, "ours");
  const plain = find(spec.name, concurrency, "plain");
  const cached = find(spec.name, concurrency, "plain+doc-cache");
  return {
    measure: `${spec.name}, c=${concurrency}: p50 / p99, req/s — ours vs plain graphql-js (vs plain + document cache)`,
    value:
      `${figures(ours)} vs ${figures(plain)} (${figures(cached)}); ` +
      `ours/plain p50 ${ratio(ours.p50Ms, plain.p50Ms)}, p99 ${ratio(ours.p99Ms, plain.p99Ms)}, req/s ${ratio(ours.requestsPerSecond, plain.requestsPerSecond)} ` +
      `(ours/plain+cache p50 ${ratio(ours.p50Ms, cached.p50Ms)}, req/s ${ratio(ours.requestsPerSecond, cached.requestsPerSecond)})`,
  };
}

// Summary: per query and concurrency, ours against plain graphql-js (and against plain with a
// document cache, which is what Apollo does); then what ours adds per request and where it goes.
export function summarize(queries: QuerySpec[], results: ServerResult[], concurrencies: number[]) {
  const find = finder(results);
  const summary: SummaryRow[] = [];
  const breakdown: Record<string, unknown>[] = [];
  for (const spec of queries) {
    for (const concurrency of concurrencies) summary.push(comparisonRow(spec, concurrency, find));
    // Added per request: the server process's CPU time per request (both concurrencies pooled;
    // steadier than throughput on a shared 2-core machine), split along the servers in between;
    // and the p50 difference at c=1 (wall time).
    const cpu = (server: ServerName) => {
      const entries = concurrencies.map((concurrency) => find(spec.name, concurrency, server));
      return entries.reduce((sum, entry) => sum + entry.serverCpuMsPerRequest * entry.requests, 0) / entries.reduce((sum, entry) => sum + entry.requests, 0);
    };
    const cpuSplit = split(cpu);
    const latency = split((server) => find(spec.name, 1, server).p50Ms);
    breakdown.push({ query: spec.name, serverCpuMsPerRequest: cpuSplit, p50MsAtC1: latency });
    summary.push({ measure: `${spec.name}: server CPU per request, ours vs plain`, value: splitText(cpuSplit) });
    summary.push({ measure: `${spec.name}: p50 at c=1, ours vs plain`, value: splitText(latency) });
  }
  return { summary, breakdown };
}

export function writeOverheadResult(options: MeasureOptions, report: ReturnType<typeof summarize>, results: ServerResult[]): void {
  writeResult("graphql-overhead", {
    title: "GraphQL overhead: our server (Fastify + Apollo + armor + rate limit + auth) against plain node:http + graphql-js on the same schema and context",
    summary: report.summary,
    layout:
      "all servers in one child process sharing one AppServices; keep-alive node:http client in the parent; servers alternated in rotating order each round",
    rounds: options.rounds,
    batch: options.batch,
    warmupPerServerAndQuery: options.warmup,
    servers: {
      ours: "buildServer (apps/api/src/server.ts)",
      "fastify+apollo+armor":
        "server.ts's GraphQL stack from its own parts (httpOptions, resolveCaller, createApollo, createContext), without the rate limit, onSend header, error handler, playground and queue routes",
      "fastify+apollo": "the same without graphql-armor",
      "plain+doc-cache": "node:http + graphql-js execute, parsed+validated documents kept by query text (as Apollo's documentStore), same viewer and context",
      plain: "node:http + graphql-js parse/validate/execute on every request, same viewer and context",
      "plain+jit": "plain+doc-cache with each query compiled once by graphql-jit and its compiled form run instead of graphql-js execute",
    },
    breakdown: report.breakdown,
    results,
  });
}
