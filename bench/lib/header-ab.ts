// What one response header costs a page's load, by Lighthouse: the product as web-lighthouse runs it
// (web-stack.ts), behind two pass-through proxies on loopback ports, one that sets HEADER on every
// response and one that takes it off; Lighthouse 13 (web-lighthouse.ts installs it), mobile profile,
// the two alternating, ROUNDS rounds per page. The session cookie is the bench user's (cookies ignore
// the port, so both proxies carry it).
//
//   HEADER="cross-origin-opener-policy: same-origin" PAGES=/,/home ROUNDS=3 node --import tsx bench/lib/header-ab.ts
//   LIGHTHOUSE_ARGS="-GA=/tmp/ab/{variant}-{round}" …   (keep each run's trace and artifacts)
//
// It measured what Cross-Origin-Opener-Policy does to a load (bench/README.md, "Cross-Origin-Opener-Policy,
// measured"): it prints Lighthouse's simulated metrics and the browser's observed ones side by side.
// A tool, not a benchmark (bench/lib is not run by `npm run bench`); run `npm run bench --
// web-lighthouse` once first so that .tools/lighthouse exists.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { lighthousePerformance } from "./lighthouse-run.ts";
import { log } from "./report.ts";
import { sessionCookie, startWebBenchStack } from "./web-stack.ts";

const [headerName, ...valueParts] = (process.env.HEADER ?? "cross-origin-opener-policy: same-origin").split(":");
const header = { name: headerName!.trim().toLowerCase(), value: valueParts.join(":").trim() };
const rounds = Number(process.env.ROUNDS ?? 3);
const pages = (process.env.PAGES ?? "/,/home").split(",");
// More flags for Lighthouse; "{variant}" and "{round}" are replaced, e.g. LIGHTHOUSE_ARGS="-GA=/tmp/ab/{variant}-{round}"
// keeps each run's trace apart.
const extraArgs = (process.env.LIGHTHOUSE_ARGS ?? "").split(" ").filter(Boolean);

const stack = await startWebBenchStack({ name: "header-ab", titles: 5_000, crowd: 300 });
const proxies: Server[] = [];
try {
  const target = new URL(stack.web.url);
  const proxy = (withHeader: boolean) => {
    const server = createServer((request, response) => {
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, path: request.url, method: request.method, headers: { ...request.headers, host: target.host } },
        (answer) => {
          const headers = { ...answer.headers };
          delete headers[header.name];
          if (withHeader) headers[header.name] = header.value;
          response.writeHead(answer.statusCode ?? 502, headers);
          answer.pipe(response);
        },
      );
      request.pipe(upstream);
    });
    proxies.push(server);
    return new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
  };
  const variants = { with: await proxy(true), without: await proxy(false) };

  const cookie = await sessionCookie(stack);

  const signedOut = new Set(["/", "/signin", "/signup"]);
  for (const route of pages) {
    const rows: Record<string, string[]> = { with: [], without: [] };
    for (let round = 0; round < rounds; round++) {
      for (const name of round % 2 ? (["without", "with"] as const) : (["with", "without"] as const)) {
        const report = await lighthousePerformance(variants[name] + route, {
          cookie: signedOut.has(route) ? undefined : cookie,
          extraArgs: extraArgs.map((arg) => arg.replaceAll("{variant}", name).replaceAll("{round}", String(round))),
        });
        const metric = (id: string) => Math.round(report.audits[id].numericValue);
        // What the browser did, unthrottled (Lighthouse's "observed" timings), beside the simulation's.
        const observed = report.audits.metrics.details.items[0] as Record<string, number>;
        const row = `${Math.round(report.categories.performance.score * 100)} (FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")} ms; observed DCL ${observed.observedDomContentLoaded}, FCP ${observed.observedFirstContentfulPaint}, LCP ${observed.observedLargestContentfulPaint} ms; benchmarkIndex ${Math.round(report.environment.benchmarkIndex)})`;
        rows[name]!.push(row);
        log(`${route} ${name} "${header.name}": Performance ${row}`);
      }
    }
    log(`${route}: with ${rows.with!.join(" | ")}\n${" ".repeat(route.length + 2)}without ${rows.without!.join(" | ")}`);
  }
} finally {
  for (const proxy of proxies) {
    proxy.closeAllConnections();
    proxy.close();
  }
  await stack.close();
}
