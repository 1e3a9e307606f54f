// The load generator of bench/graphql-overhead.ts: a keep-alive node:http client (one agent per
// server and concurrency) and one timed batch of the same query against one server, with the
// server process's CPU time around it.
import http from "node:http";
import { performance } from "node:perf_hooks";
import type { AnswerData, Batch, QuerySpec, ServerName } from "./shared.ts";

export type RunBatch = (server: ServerName, concurrency: number, count: number, spec: QuerySpec) => Promise<Batch>;

export function loadClient(ports: Record<ServerName, number>, serverCpuMs: () => Promise<number>): RunBatch {
  const agents = new Map<string, http.Agent>();
  const agent = (server: ServerName, concurrency: number) => {
    const key = `${server}/${concurrency}`;
    if (!agents.has(key)) agents.set(key, new http.Agent({ keepAlive: true, maxSockets: concurrency }));
    return agents.get(key)!;
  };
  const post = (server: ServerName, concurrency: number, body: string, headers: Record<string, string>) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: "127.0.0.1",
          port: ports[server],
          path: "/graphql",
          method: "POST",
          agent: agent(server, concurrency),
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers },
        },
        (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk) => (text += chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  return async (server, concurrency, count, spec) => {
    const body = JSON.stringify({ query: spec.query });
    const latencies: number[] = [];
    let next = 0;
    const cpuBefore = await serverCpuMs();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < count) {
          const t0 = performance.now();
          const { status, text } = await post(server, concurrency, body, spec.headers);
          latencies.push(performance.now() - t0);
          const parsed = JSON.parse(text) as { data?: AnswerData; errors?: unknown };
          if (status !== 200 || parsed.errors || !spec.check(parsed.data))
            throw new Error(`${server}: bad answer to ${spec.query} (${status}): ${text.slice(0, 300)}`);
        }
      }),
    );
    const wallMs = performance.now() - started;
    return { latencies, wallMs, cpuMs: (await serverCpuMs()) - cpuBefore };
  };
}
