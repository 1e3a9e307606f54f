import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { serverEnv } from "./lib/env";
import { fixedSecurityHeaders } from "./lib/security-headers";

// The browser talks to /graphql on this origin so the next-auth session cookie reaches the API,
// which decrypts it with the shared AUTH_SECRET.
const apiUrl = serverEnv().API_URL ?? "http://127.0.0.1:4000";

// The persisted Apollo cache is versioned with the schema: a new schema.graphql starts a new cache.
const schemaVersion = createHash("sha256")
  .update(readFileSync(path.resolve(import.meta.dirname, "../../packages/schema/schema.graphql")))
  .digest("hex")
  .slice(0, 12);

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  devIndicators: false,
  env: { NEXT_PUBLIC_SCHEMA_VERSION: schemaVersion },
  // Every page's <title> and description in the document's <head>, for every visitor. Next streams
  // metadata after the head to user agents it does not know as bots (htmlLimitedBots), so a phone's
  // browser, a link preview from an app Next does not list or Lighthouse's SEO audit found neither
  // in <head>. Pages' metadata is cheap (a title page's shares its one API request with the page).
  htmlLimitedBots: /.*/,
  async headers() {
    return [{ source: "/:path*", headers: fixedSecurityHeaders({ production: process.env.NODE_ENV === "production" }) }];
  },
  async rewrites() {
    // /imports: uploads of export files (Settings → Import your history), straight to the API.
    // /favicon.ico: what browsers ask for when a page names no icon (a 404 page does not): the app's icon.
    return [
      { source: "/favicon.ico", destination: "/icon.svg" },
      { source: "/graphql", destination: `${apiUrl}/graphql` },
      { source: "/imports", destination: `${apiUrl}/imports` },
    ];
  },
};

// next-intl: the locale and messages of each request come from i18n/request.ts. The message files
// are compiled at build time (ICU strings into a compact form), so the browser gets no ICU parser.
export default createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: ["en", "fr"], precompile: true } },
})(nextConfig);
