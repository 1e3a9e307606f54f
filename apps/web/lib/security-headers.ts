// The web app's security headers. Every page gets a Content-Security-Policy with a fresh nonce
// (proxy.ts; Next.js puts the nonce on its own scripts when it reads the policy from the request),
// and every response the fixed headers below (next.config.ts).
//
// script-src: only scripts carrying this response's nonce, and what they load ('strict-dynamic');
//   development adds 'unsafe-eval' for React Refresh.
// style-src: our stylesheets and inline styles ('unsafe-inline': Next.js and React may set style
//   attributes, which a nonce cannot cover; styles cannot run code).
// img-src: posters come from TMDB's image host, or the offline catalogue (IMAGE_ORIGINS).
// connect-src: the browser talks only to this origin (/graphql, /api/auth); development's HMR
//   socket is same-origin too.
// frame-ancestors 'none': no page can be framed (clickjacking).

/** The policy for one response. */
export function contentSecurityPolicy(options: { nonce: string; development: boolean; imageOrigins: readonly string[] }): string {
  const { nonce, development, imageOrigins } = options;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${imageOrigins.join(" ")}`.trim(),
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    // the offline fallback's service worker (public/sw.js) and the manifest, said outright (Chromium
    // also lets the worker through script-src's 'self': pwa.spec.ts passes without this line)
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(development ? [] : ["upgrade-insecure-requests"]),
  ].join("; ");
}

/** A nonce: 16 random bytes, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** Headers on every response (pages, API routes, static files). */
export function fixedSecurityHeaders(options: { production: boolean }): Array<{ key: string; value: string }> {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
    // Kept, though it is not free: a page with it cannot share the browsing context group of the page
    // it came from, so Chromium gives an entry into the site a renderer process of its own. Under
    // Lighthouse that roughly halved TBT when taken off, but the first paint then came later and LCP
    // rose as much (bench/README.md, "Cross-Origin-Opener-Policy, measured"; bench/lib/header-ab.ts).
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    // Browsers heed HSTS only over HTTPS; in production the site is served over it (docs/operations.md).
    ...(options.production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
