// The child process of bench/graphql-overhead.ts (BENCH_GRAPHQL_OVERHEAD_ROLE=servers): every server
// under test in one process, sharing one set of AppServices — our own `buildServer`, server.ts's
// GraphQL stack put together from its parts (with and without graphql-armor), and the two plain
// node:http + graphql-js servers (plain-server.ts).
import type { AddressInfo } from "node:net";
import fastifyApollo, { fastifyApolloDrainPlugin } from "../../../apps/api/node_modules/@as-integrations/fastify/build/esm/index.js";
import Fastify, { type FastifyBaseLogger } from "../../../apps/api/node_modules/fastify/fastify.js";
import { createAppServices, type AppServices } from "../../../apps/api/src/app-services.ts";
import { parseConfig } from "../../../apps/api/src/config.ts";
import { createApollo } from "../../../apps/api/src/graphql/apollo.ts";
import { createContext } from "../../../apps/api/src/graphql/create-context.ts";
import { getSchema } from "../../../apps/api/src/graphql/schema.ts";
import { httpOptions, resolveCaller } from "../../../apps/api/src/http/guards.ts";
import { createLogger } from "../../../apps/api/src/logger.ts";
import { buildServer } from "../../../apps/api/src/server.ts";
import { plainServer } from "./plain-server.ts";
import { READY } from "./shared.ts";

export async function serve(): Promise<void> {
  const config = parseConfig(process.env);
  const logger = createLogger({ name: "bench-graphql", level: "warn" });
  const services = createAppServices({ config, logger, name: "bench-graphql" });
  const schema = await getSchema();
  const apps = {
    ours: await buildServer(services),
    "fastify+apollo+armor": await buildFastifyApollo(services, { armor: true }),
    "fastify+apollo": await buildFastifyApollo(services, { armor: false }),
  };
  const ports: Record<string, number> = {};
  for (const [name, app] of Object.entries(apps)) {
    await app.listen({ port: 0, host: "127.0.0.1" });
    ports[name] = (app.server.address() as AddressInfo).port;
  }
  const plains = {
    "plain+doc-cache": plainServer(services, schema, { documentCache: true }),
    plain: plainServer(services, schema, { documentCache: false }),
    "plain+jit": plainServer(services, schema, { documentCache: true, jit: true }),
  };
  for (const [name, plain] of Object.entries(plains)) {
    // Fastify keeps idle connections 72 s; node:http's default is 5 s. The same for all, so an idle
    // round never costs one of them a reconnect.
    plain.keepAliveTimeout = 72_000;
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    ports[name] = (plain.address() as AddressInfo).port;
  }
  // The parent asks for this process's CPU time around each batch (over the IPC channel, outside the timed part).
  process.on("message", (message) => {
    if (message === "cpu") process.send!({ cpu: process.cpuUsage() });
  });
  process.stdout.write(`${READY}${JSON.stringify(ports)}\n`);
  const close = async () => {
    for (const app of Object.values(apps)) await app.close();
    for (const plain of Object.values(plains)) {
      plain.closeAllConnections();
      await new Promise((resolve) => plain.close(resolve));
    }
    await services.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void close());
}

/** server.ts's GraphQL stack (its Fastify options, caller hook, Apollo with its limits, context), without the rate limit and the other guards (and without armor unless asked). */
async function buildFastifyApollo(services: AppServices, options: { armor: boolean }) {
  const app = Fastify({ loggerInstance: services.logger as FastifyBaseLogger, ...httpOptions(services.config) });
  const apollo = await createApollo({
    logger: services.logger,
    plugins: [fastifyApolloDrainPlugin(app)],
    armor: options.armor,
    jitSightings: services.config.GRAPHQL_JIT_SIGHTINGS,
  });
  await app.register(async (graphql) => {
    graphql.addHook("onRequest", resolveCaller(services));
    await graphql.register(fastifyApollo(apollo), {
      path: "/graphql",
      method: ["GET", "POST", "OPTIONS"],
      context: async (request) => createContext(services, request),
    });
  });
  return app;
}
