// Runs before every page: a fresh CSP nonce per request (lib/security-headers.ts). The policy goes
// on the request, where Next.js reads the nonce for its own scripts, and on the response.
import { type NextRequest, NextResponse } from "next/server";
import { serverEnv } from "./lib/env";
import { contentSecurityPolicy, newNonce } from "./lib/security-headers";

export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    development: process.env.NODE_ENV === "development",
    imageOrigins: serverEnv().IMAGE_ORIGINS,
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: not static files, not prefetches (whose nonce would never be used), and not upload
  // of import files (/imports, rewritten to the API: a proxy would hold its body in memory, and cut
  // it at proxyClientMaxBodySize).
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|imports$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
