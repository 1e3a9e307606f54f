import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, fixedSecurityHeaders, newNonce } from "./security-headers";

describe("security headers", () => {
  it("allows scripts only by nonce in production, with eval and the HMR socket only in development", () => {
    const production = contentSecurityPolicy({ nonce: "abc", development: false, imageOrigins: ["https://image.tmdb.org"] });
    expect(production).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(production).toContain("img-src 'self' data: blob: https://image.tmdb.org;");
    expect(production).toContain("frame-ancestors 'none'");
    expect(production).toContain("worker-src 'self'"); // the offline fallback's service worker
    expect(production).not.toMatch(/unsafe-eval|ws:/);
    const development = contentSecurityPolicy({ nonce: "abc", development: true, imageOrigins: [] });
    expect(development).toContain("'unsafe-eval'");
    expect(development).toContain("connect-src 'self' ws: wss:");
  });

  it("makes a fresh 16-byte nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("sends HSTS in production only", () => {
    expect(fixedSecurityHeaders({ production: true }).map((header) => header.key)).toContain("Strict-Transport-Security");
    expect(fixedSecurityHeaders({ production: false }).map((header) => header.key)).not.toContain("Strict-Transport-Security");
  });
});
