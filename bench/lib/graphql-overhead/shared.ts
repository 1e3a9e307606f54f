// What both processes of bench/graphql-overhead.ts agree on: the servers under test (by name), the
// line the child writes once they listen, the queries the parent sends, and one batch's figures.

export const SERVERS = ["ours", "fastify+apollo+armor", "fastify+apollo", "plain+doc-cache", "plain", "plain+jit"] as const;
export type ServerName = (typeof SERVERS)[number];
export const READY = "BENCH-SERVERS-READY ";

/** The `data` of a GraphQL answer, as far as the queries' checks read it. */
export type AnswerData =
  | { genres?: unknown[]; me?: { id?: string }; media?: { title?: unknown }; browse?: { edges?: Array<{ node?: { isFavourite?: unknown } }> } }
  | undefined;

/** One query the parent sends: its text, headers, and how to tell its answer is right. */
export interface QuerySpec {
  name: string;
  query: string;
  headers: Record<string, string>;
  check: (data: AnswerData) => boolean;
}

export interface Batch {
  latencies: number[];
  wallMs: number;
  /** CPU time (user + system) the server process spent during the batch. */
  cpuMs: number;
}
