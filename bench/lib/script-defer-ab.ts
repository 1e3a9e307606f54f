// What Lighthouse reads when Next.js's async bootstrap scripts start only after the page's first
// frame: the product as web-lighthouse runs it (web-stack.ts) behind two proxies on loopback ports,
// "asis" (the document as served) and "deferred" (its `<script src async>` tags taken out and
// inserted by one inline script, carrying the page's nonce, after the first frame). Both proxies ask
// for the document uncompressed and gzip it whole again, so they differ only in the rewrite.
// Lighthouse 13 (web-lighthouse.ts installs it), mobile profile, alternating, ROUNDS rounds per page.
//
//   PAGES=/home,/browse ROUNDS=3 node --import tsx bench/lib/script-defer-ab.ts
//
// Why (bench/README.md, "Scripts after the first paint"): Lighthouse's simulated LCP counts every
// script the browser evaluated before the observed LCP paint, and on a fast local load Next's
// scripts are evaluated before the first frame. A tool, not a benchmark (not run by `npm run bench`).
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { lighthousePerformance } from "./lighthouse-run.ts";
import { log } from "./report.ts";
import { sessionCookie, startWebBenchStack } from "./web-stack.ts";

const rounds = Number(process.env.ROUNDS ?? 3);
const pages = (process.env.PAGES ?? "/home,/browse").split(",");

function defer(html: string): string {
  const nonce = /<script[^>]*nonce="([^"]+)"/.exec(html)?.[1] ?? "";
  const sources: string[] = [];
  const out = html.replace(/<script src="([^"]+)"(?=[^>]*\basync="")[^>]*><\/script>/g, (_, src: string) => {
    sources.push(src);
    return "";
  });
  const loader = `<script nonce="${nonce}">requestAnimationFrame(function(){setTimeout(function(){${JSON.stringify(sources)}.forEach(function(s){var e=document.createElement("script");e.src=s;e.async=true;document.head.appendChild(e)})},0)})</script>`;
  const end = out.lastIndexOf("</body>");
  return end < 0 ? out + loader : out.slice(0, end) + loader + out.slice(end);
}

const stack = await startWebBenchStack({ name: "script-defer-ab", titles: 5_000, crowd: 300 });
const proxies: Server[] = [];
try {
  const target = new URL(stack.web.url);
  const proxy = (rewrite: boolean) => {
    const server = createServer((request, response) => {
      const headers = { ...request.headers, host: target.host };
      delete headers["accept-encoding"];
      const upstream = httpRequest({ host: target.hostname, port: target.port, path: request.url, method: request.method, headers }, (answer) => {
        const type = String(answer.headers["content-type"] ?? "");
        const out = { ...answer.headers };
        if (!type.includes("text/html")) {
          response.writeHead(answer.statusCode ?? 502, out);
          answer.pipe(response);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          let html = Buffer.concat(chunks).toString("utf8");
          if (rewrite) html = defer(html);
          const body = gzipSync(html);
          delete out["content-length"];
          delete out["transfer-encoding"];
          out["content-encoding"] = "gzip";
          out["content-length"] = String(body.length);
          response.writeHead(answer.statusCode ?? 502, out);
          response.end(body);
        });
      });
      request.pipe(upstream);
    });
    proxies.push(server);
    return new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
  };
  const variants = { asis: await proxy(false), deferred: await proxy(true) };
  const cookie = await sessionCookie(stack);
  const signedOut = new Set(["/", "/signin", "/signup"]);
  for (const route of pages) {
    for (let round = 0; round < rounds; round++) {
      for (const name of round % 2 ? (["deferred", "asis"] as const) : (["asis", "deferred"] as const)) {
        const report = await lighthousePerformance(variants[name] + route, { cookie: signedOut.has(route) ? undefined : cookie });
        const metric = (id: string) => Math.round(report.audits[id].numericValue);
        const observed = report.audits.metrics.details.items[0] as Record<string, number>;
        const errors = (report.audits["errors-in-console"]?.details?.items ?? []).length;
        log(
          `${route} ${name}: ${Math.round(report.categories.performance.score * 100)} FCP ${metric("first-contentful-paint")} LCP ${metric("largest-contentful-paint")} TBT ${metric("total-blocking-time")} | observed FCP ${observed.observedFirstContentfulPaint} LCP ${observed.observedLargestContentfulPaint} load ${observed.observedLoad} | console errors ${errors} | index ${Math.round(report.environment.benchmarkIndex)}`,
        );
      }
    }
  }
} finally {
  for (const proxy of proxies) {
    proxy.closeAllConnections();
    proxy.close();
  }
  await stack.close();
}
