// The parent process of bench/graphql-overhead.ts: Postgres, Redis and the catalogue, the data, the
// child with every server, the measurement, the report; and everything stopped again at the end.
import type { ChildProcess } from "node:child_process";
import { startBackingServices } from "../../../packages/dev-stack/src/services.ts";
import { startCatalogueServer } from "../../../packages/tmdb-catalogue/src/index.ts";
import { log } from "../report.ts";
import { loadClient } from "./client.ts";
import { measure, type MeasureOptions } from "./measure.ts";
import { queriesFor, seedData, serverEnv, startServersProcess } from "./setup.ts";
import { summarize, writeOverheadResult } from "./summary.ts";

/** `entry` is the benchmark's own file, started again as the servers' process. */
export async function orchestrate(entry: string): Promise<void> {
  const options: MeasureOptions = {
    rounds: Number(process.env.BENCH_ROUNDS ?? 15),
    batch: { 1: Number(process.env.BENCH_BATCH_C1 ?? 100), 16: Number(process.env.BENCH_BATCH_C16 ?? 400) },
    warmup: Number(process.env.BENCH_WARMUP ?? 1_500),
    concurrencies: [1, 16],
  };

  const backing = await startBackingServices({ mode: "ephemeral", database: "movierec_bench_gql", log });
  const catalogue = await startCatalogueServer({ port: 0, size: 2_000 });
  let child: ChildProcess | undefined;
  try {
    const env = serverEnv({ databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl, catalogueUrl: catalogue.url });
    const queries = queriesFor(await seedData(backing.databaseUrl, catalogue.url));
    const servers = await startServersProcess(entry, env, (spawned) => (child = spawned));
    const results = await measure(queries, loadClient(servers.ports, servers.serverCpuMs), options);
    writeOverheadResult(options, summarize(queries, results, options.concurrencies), results);
  } finally {
    const running = child as ChildProcess | undefined;
    if (running && running.exitCode === null) {
      running.kill("SIGTERM");
      await new Promise((resolve) => running.once("exit", resolve));
    }
    await catalogue.close();
    await backing.stop();
  }
}
