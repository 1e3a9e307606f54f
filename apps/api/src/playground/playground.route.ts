// GraphQL playground: GraphiQL served by the API itself, entirely from our own origin (no CDN).
//
//   GET /playground                  HTML shell (strict CSP, no inline script)
//   GET /playground/assets/bootstrap.js   generated: Monaco worker wiring + renderYogaGraphiQL(options)
//   GET /playground/assets/*         the files of @graphql-yoga/graphiql's dist/ folder, and nothing else
//
// @graphql-yoga/graphiql ships a UMD bundle that defines `YogaGraphiQL.renderYogaGraphiQL(element, props)`
// (GraphiQL 5 + Monaco + the explorer plugin) and three Monaco web workers under dist/monacoeditorwork/.
// Monaco asks `self.MonacoEnvironment.getWorkerUrl(moduleId, label)` for a worker URL per label
// ("editorWorkerService", "json", "graphql"); bootstrap.js points those at our own asset URLs.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

export interface PlaygroundOptions {
  /** Path of the GraphQL endpoint on this origin, e.g. "/graphql". */
  graphqlPath: string;
  /** Operation shown in the first tab on a first visit. */
  defaultQuery?: string;
  /** Example operations, shown in a second tab ("Examples") on a first visit. */
  exampleOperations?: string;
  /** The API reference's path on this origin, linked above the playground. */
  docsPath?: string;
}

/** Prefilled in the headers editor. Requests still carrying it are sent without the header (see bootstrap.js). */
const AUTHORIZATION_PLACEHOLDER = "Bearer <paste a personal API token from Settings → API tokens>";
const DEFAULT_HEADERS = `{"Authorization": ${JSON.stringify(AUTHORIZATION_PLACEHOLDER)}}`;

const IMMUTABLE = "public, max-age=31536000, immutable";

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
};

/** Monaco worker label → file name pattern inside dist/monacoeditorwork (4.5.0 ships "graphql.worker..bundle.js"). */
const WORKER_FILES: Record<string, RegExp> = {
  editorWorkerService: /^editor\.worker\.+bundle\.js$/,
  json: /^json\.worker\.+bundle\.js$/,
  graphql: /^graphql\.worker\.+bundle\.js$/,
};

export const PLAYGROUND_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // Monaco and GraphiQL inject <style> elements and style attributes at runtime.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join("; ");

interface Asset {
  file: string;
  size: number;
  contentType: string;
  /** Served from memory instead of disk (the patched UMD bundle, bootstrap.js). */
  body?: Buffer;
  gzipped?: Promise<Buffer>;
}

const gzipAsync = promisify(gzip);

export async function registerPlayground(app: FastifyInstance, options: PlaygroundOptions): Promise<void> {
  const { graphqlPath } = options;
  if (!graphqlPath.startsWith("/") || graphqlPath.startsWith("//")) {
    throw new Error(`registerPlayground: graphqlPath must be a path on this origin, got ${JSON.stringify(graphqlPath)}`);
  }

  const packageJson = createRequire(import.meta.url).resolve("@graphql-yoga/graphiql/package.json");
  const distDir = await realpath(path.join(path.dirname(packageJson), "dist"));
  const { version } = JSON.parse(await readFile(packageJson, "utf8")) as { version: string };
  const assets = await listAssets(distDir);

  const umd = assets.get("yoga-graphiql.umd.js");
  const css = assets.get("graphiql.css");
  if (!umd || !css) throw new Error(`registerPlayground: ${distDir} lacks yoga-graphiql.umd.js or graphiql.css`);

  const patched = enableHistoryPlugin(await readFile(umd.file, "utf8"));
  if (!patched.ok) app.log.warn(`playground: could not enable GraphiQL's history plugin in @graphql-yoga/graphiql ${version}; serving it unchanged`);
  umd.body = Buffer.from(patched.source);
  umd.size = umd.body.length;

  const base = `${app.prefix}/playground`;
  const assetBase = `${base}/assets/`;
  // Asset URLs carry a version so the year-long immutable caching is safe across upgrades and patch changes.
  const assetVersion = `${version}-${sha256(umd.body).slice(0, 12)}`;
  const assetUrl = (name: string) => `${assetBase}${name.split("/").map(encodeURIComponent).join("/")}?v=${assetVersion}`;

  const workers: Record<string, string> = {};
  const workerNames = [...assets.keys()].filter((name) => name.startsWith("monacoeditorwork/"));
  for (const [label, pattern] of Object.entries(WORKER_FILES)) {
    const name = workerNames.find((candidate) => pattern.test(candidate.slice("monacoeditorwork/".length)));
    if (name) workers[label] = assetUrl(name);
    else app.log.warn(`playground: no Monaco ${label} worker in ${distDir}/monacoeditorwork`);
  }

  const bootstrapBody = Buffer.from(renderBootstrap({ options, workers }));
  const bootstrap: Asset = { file: "bootstrap.js", size: bootstrapBody.length, contentType: "text/javascript; charset=utf-8", body: bootstrapBody };
  const bootstrapUrl = `${assetBase}bootstrap.js?v=${sha256(bootstrapBody).slice(0, 12)}`;

  const html = renderHtml({ cssUrl: assetUrl("graphiql.css"), umdUrl: assetUrl("yoga-graphiql.umd.js"), bootstrapUrl, docsPath: options.docsPath });

  app.get("/playground", async (_request, reply) =>
    reply
      .header("content-security-policy", PLAYGROUND_CSP)
      .header("x-content-type-options", "nosniff")
      .header("referrer-policy", "no-referrer")
      .header("x-frame-options", "DENY")
      .header("cross-origin-opener-policy", "same-origin")
      .header("cache-control", "no-cache")
      .type("text/html; charset=utf-8")
      .send(html),
  );

  app.get("/playground/assets/bootstrap.js", async (request, reply) => sendAsset(request, reply, bootstrap));

  app.get("/playground/assets/*", async (request, reply) => {
    const requested = (request.params as { "*"?: string })["*"] ?? "";
    const asset = resolveAsset(distDir, assets, requested);
    if (!asset) return reply.callNotFound();
    return sendAsset(request, reply, asset);
  });
}

/** Every regular file of a served type under dist/, keyed by its "/"-separated path relative to dist/. */
async function listAssets(distDir: string): Promise<Map<string, Asset>> {
  const assets = new Map<string, Asset>();
  for (const entry of await readdir(distDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue; // skips directories and symlinks
    const file = path.join(entry.parentPath, entry.name);
    const contentType = CONTENT_TYPES[path.extname(entry.name).toLowerCase()];
    if (!contentType) continue;
    const key = path.relative(distDir, file).split(path.sep).join("/");
    assets.set(key, { file, size: (await stat(file)).size, contentType });
  }
  return assets;
}

/** Maps the wildcard part of /playground/assets/* to a file listed from dist/, refusing anything that could escape it. */
export function resolveAsset<T>(distDir: string, assets: ReadonlyMap<string, T>, requested: string): T | undefined {
  if (requested === "" || requested.includes("\0") || requested.includes("\\")) return undefined;
  const segments = requested.split("/");
  if (segments.some((segment) => segment === "" || segment === "." || segment === ".." || segment.startsWith("."))) return undefined;
  const resolved = path.resolve(distDir, ...segments);
  if (!resolved.startsWith(distDir + path.sep)) return undefined;
  return assets.get(path.relative(distDir, resolved).split(path.sep).join("/"));
}

async function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: Asset): Promise<FastifyReply> {
  reply
    .header("content-type", asset.contentType)
    .header("cache-control", IMMUTABLE)
    .header("x-content-type-options", "nosniff")
    .header("cross-origin-resource-policy", "same-origin")
    .header("vary", "accept-encoding");
  if (acceptsGzip(request.headers["accept-encoding"])) {
    asset.gzipped ??= (async () => gzipAsync(asset.body ?? (await readFile(asset.file))))();
    const body = await asset.gzipped;
    return reply.header("content-encoding", "gzip").header("content-length", body.length).send(body);
  }
  reply.header("content-length", asset.size);
  return reply.send(asset.body ?? createReadStream(asset.file));
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding?.trim() !== "gzip") return false;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * @graphql-yoga/graphiql passes `plugins: [explorer]` to GraphiQL 5, which replaces GraphiQL's default
 * `[HISTORY_PLUGIN]`, so the built-in history is missing, and the bundle exports nothing but
 * renderYogaGraphiQL. Add the bundle's own history plugin next to the explorer. Guarded: if either
 * pattern is not found exactly once (another version), the bundle is served unchanged.
 */
export function enableHistoryPlugin(source: string): { ok: boolean; source: string } {
  const history = [...source.matchAll(/\bconst ([\w$]+)=\{title:"History",icon:/g)];
  const yogaPlugins = [...source.matchAll(/\{shouldPersistHeaders:!0,plugins:\[([\w$]+)\]/g)];
  const historyName = history.length === 1 ? history[0]?.[1] : undefined;
  const yogaMatch = yogaPlugins.length === 1 ? yogaPlugins[0] : undefined;
  if (!historyName || !yogaMatch || yogaMatch.index === undefined) return { ok: false, source };
  const replacement = `{shouldPersistHeaders:!0,plugins:[${historyName},${yogaMatch[1]}]`;
  return { ok: true, source: source.slice(0, yogaMatch.index) + replacement + source.slice(yogaMatch.index + yogaMatch[0].length) };
}

function renderBootstrap({ options, workers }: { options: PlaygroundOptions; workers: Record<string, string> }): string {
  const intro = "# Ctrl-Enter runs the operation.\n# API token: see the Headers tab below.\n";
  const mainQuery = `${intro}${options.defaultQuery ?? "{\n  __typename\n}"}\n`;
  const defaultTabs: { query: string; headers: string }[] = [{ query: mainQuery, headers: DEFAULT_HEADERS }];
  if (options.exampleOperations) defaultTabs.push({ query: `# Examples\n${options.exampleOperations}\n`, headers: DEFAULT_HEADERS });

  const props = {
    title: "movierec GraphQL playground",
    endpoint: options.graphqlPath,
    credentials: "same-origin",
    // Yoga's renderer maps these to GraphiQL's initialQuery / defaultHeaders; `?query=` in the URL wins over `query`.
    query: mainQuery,
    headers: DEFAULT_HEADERS,
    defaultTabs, // used on a first visit only; afterwards the tabs come from localStorage
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: "headers",
    // Tabs and history persist in localStorage; API tokens do not, unless the user turns it on in Settings.
    shouldPersistHeaders: false,
  };

  const config = { props, workers, authorizationPlaceholder: AUTHORIZATION_PLACEHOLDER };
  return `"use strict";
(function () {
  var config = ${JSON.stringify(config)};

  // Monaco loads its web workers from our own origin.
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (_moduleId, label) {
      return config.workers[label] || config.workers.editorWorkerService;
    },
  };

  // The headers editor is prefilled with a placeholder token. Until it is replaced, send requests (schema
  // introspection included) without it: it is not a credential, and "→" is not a legal header byte anyway.
  var nativeFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var headers = init && init.headers;
    if (headers && typeof headers === "object" && !Array.isArray(headers) && !(headers instanceof Headers)) {
      var kept = {};
      Object.keys(headers).forEach(function (name) {
        var value = headers[name];
        if (name.toLowerCase() === "authorization" && value === config.authorizationPlaceholder) return;
        kept[name] = value;
      });
      init = Object.assign({}, init, { headers: kept });
    }
    return nativeFetch(input, init);
  };

  var root = document.getElementById("root");
  root.textContent = "";
  YogaGraphiQL.renderYogaGraphiQL(root, config.props);
})();
`;
}

function renderHtml({ cssUrl, umdUrl, bootstrapUrl, docsPath }: { cssUrl: string; umdUrl: string; bootstrapUrl: string; docsPath?: string }): string {
  const docsBar = docsPath
    ? `<nav class="docs-bar" aria-label="API documentation"><a href="${escapeHtml(docsPath)}">API reference</a> <a href="${escapeHtml(docsPath)}#getting-started">Getting started</a></nav>`
    : "";
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>movierec · GraphQL playground</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="${escapeHtml(cssUrl)}">
    <style>html, body { height: 100%; margin: 0; } body { display: flex; flex-direction: column; } #root { flex: 1; min-height: 0; }
      .docs-bar { display: flex; gap: 1rem; padding: .25rem .75rem; font: 13px system-ui, sans-serif; border-bottom: 1px solid #ddd; } .docs-bar a { color: #b3261e; }
      /* A phone's width: the query and the response one above the other, each the whole width (GraphiQL puts them side by side at any width). */
      @media (max-width: 40rem) { #graphiql-session { flex-direction: column; } #graphiql-session > .graphiql-horizontal-drag-bar { display: none; } #graphiql-session > * { min-height: 0; } .graphiql-container .graphiql-sessions { margin: .5rem .5rem .5rem 0; } }</style>
  </head>
  <body>
    ${docsBar}
    <noscript>The GraphQL playground needs JavaScript.</noscript>
    <div id="root">Loading the GraphQL playground…</div>
    <script src="${escapeHtml(umdUrl)}" defer></script>
    <script src="${escapeHtml(bootstrapUrl)}" defer></script>
  </body>
</html>
`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}
