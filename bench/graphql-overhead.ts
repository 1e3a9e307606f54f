// GraphQL overhead: small queries through our server (Fastify + Apollo Server + graphql-armor +
// rate limit + auth context, `buildServer`) against the same executable schema run by plain
// graphql-js (`parse` / `validate` / `execute`) behind plain `node:http`, with the context built
// the way our server builds it (viewer, per-request DataLoaders, services), so resolvers do the same work.
//
// Process layout: every server under test runs in ONE child process (this file again, with
// BENCH_GRAPHQL_OVERHEAD_ROLE=servers), sharing one set of AppServices (Prisma pool, Redis); the
// load generator (keep-alive `node:http` client) is this process. Only one server is loaded at a
// time: rounds alternate the servers (rotating the order) so they share the machine's noise.
// Three more servers in the child split our overhead up: "plain+doc-cache" keeps parsed and
// validated documents by query text as Apollo Server does (so it is the fair floor for repeated
// queries); "fastify+apollo+armor" is server.ts's own GraphQL stack put together from its parts
// (httpOptions, resolveCaller, createApollo, createContext) without the rate limit (nor the onSend
// header, error handler, other routes), and "fastify+apollo" the same with graphql-armor left out.
//
// The parts, in bench/lib/graphql-overhead/: servers.ts and plain-server.ts (the child), setup.ts
// (data, queries, the child process), client.ts (the load), measure.ts (rounds), summary.ts (report).
//
// Run: node --import tsx bench/graphql-overhead.ts   (writes bench/results/graphql-overhead.json)
// Smaller: BENCH_ROUNDS=3 BENCH_BATCH_C1=50 BENCH_BATCH_C16=200 node --import tsx bench/graphql-overhead.ts
import { orchestrate } from "./lib/graphql-overhead/orchestrate.ts";
import { serve } from "./lib/graphql-overhead/servers.ts";

if (process.env.BENCH_GRAPHQL_OVERHEAD_ROLE === "servers") await serve();
else await orchestrate(new URL(import.meta.url).pathname);
