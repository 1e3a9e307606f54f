// Every route of the web app answers with the security headers (apps/web/lib/security-headers.ts):
// pages with a Content-Security-Policy whose nonce is fresh per response and on every script the
// page carries; every response with nosniff, a referrer policy, a permissions policy, no framing and
// no X-Powered-By. The console-error checks of quality.spec.ts show the policy blocks nothing of ours.
import { type APIResponse, expect, test } from "@playwright/test";
import { CRIME, newUser, signUpAndSignIn, titlesInGenre } from "./support/users.ts";

function expectFixedHeaders(response: APIResponse, url: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], url).toBe("nosniff");
  expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], url).toBe("DENY");
  expect(headers["permissions-policy"], url).toContain("camera=()");
  expect(headers["x-powered-by"], url).toBeUndefined();
}

/** The nonce of the response's policy, after checking the policy's directives. */
function policyNonce(response: APIResponse, url: string): string {
  const policy = response.headers()["content-security-policy"] ?? "";
  expect(policy, url).toContain("frame-ancestors 'none'");
  expect(policy, url).toContain("object-src 'none'");
  expect(policy, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(policy, url).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  return /'nonce-([^']+)'/.exec(policy)![1]!;
}

test("every page and API route sends the security headers, and every script on a page carries its fresh nonce", async ({ page }) => {
  await signUpAndSignIn(page, newUser("headers"));
  const [title] = await titlesInGenre(page.request, CRIME.id, 1);
  const pages = [
    "/",
    "/signin",
    "/signup",
    "/onboarding",
    "/home",
    "/browse",
    "/search",
    `/title/movie/${title!.tmdbId}`,
    "/favourites",
    "/watchlist",
    "/settings",
    "/no-such-page",
  ];
  const nonces = new Set<string>();
  for (const url of pages) {
    const response = await page.request.get(url);
    expectFixedHeaders(response, url);
    const nonce = policyNonce(response, url);
    nonces.add(nonce);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length, url).toBeGreaterThan(0);
    for (const script of scripts) expect(script, url).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size, "a fresh nonce per response").toBe(pages.length);
  for (const url of ["/api/auth/session", "/icon.svg"]) expectFixedHeaders(await page.request.get(url), url);
});
