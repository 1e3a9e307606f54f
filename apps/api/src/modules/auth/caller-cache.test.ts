import { describe, expect, it } from "vitest";
import { CallerCache } from "./caller-cache.ts";
import type { Viewer } from "./viewer.types.ts";

const alice: Viewer = { userId: "alice", role: "USER", via: "api-token", tokenId: "token-a", scopes: ["read", "write"] };
const bob: Viewer = { userId: "bob", role: "USER", via: "session", scopes: ["read", "write"] };

function cacheAt(ttlMs = 10_000) {
  const clock = { now: 1_000_000 };
  const cache = new CallerCache({ ttlMs, channel: "unused", now: () => clock.now });
  return { cache, clock };
}

describe("CallerCache", () => {
  it("keeps a caller for its time, then asks again", () => {
    const { cache, clock } = cacheAt();
    cache.set("k", alice, { lookup: cache.startLookup() });
    clock.now += 9_999;
    expect(cache.get("k")).toEqual(alice);
    clock.now += 1;
    expect(cache.get("k")).toBeUndefined();
  });

  it("never keeps a token past its own expiry", () => {
    const { cache, clock } = cacheAt();
    cache.set("k", alice, { lookup: cache.startLookup(), expiresAt: new Date(clock.now + 2_000) });
    clock.now += 1_999;
    expect(cache.get("k")).toEqual(alice);
    clock.now += 1;
    expect(cache.get("k")).toBeUndefined();
  });

  it("drops an ended token, session or person and nothing else", () => {
    const { cache } = cacheAt();
    const lookup = cache.startLookup();
    cache.set("token", alice, { lookup });
    cache.set("cookie", bob, { lookup, sessionId: "session-b" });
    cache.forget({ kind: "token", id: "token-other" });
    expect(cache.get("token")).toEqual(alice);
    cache.forget({ kind: "token", id: "token-a" });
    expect(cache.get("token")).toBeUndefined();
    cache.forget({ kind: "session", id: "session-b" });
    expect(cache.get("cookie")).toBeUndefined();

    cache.set("token", alice, { lookup: cache.startLookup() });
    cache.forget({ kind: "user", id: "alice" });
    expect(cache.get("token")).toBeUndefined();
  });

  it("does not keep what a lookup read if a credential ended while it was reading", () => {
    const { cache } = cacheAt();
    const lookup = cache.startLookup();
    cache.forget({ kind: "token", id: "token-a" }); // announced while the lookup's statement ran
    cache.set("token", alice, { lookup });
    expect(cache.get("token")).toBeUndefined();
  });

  it("keeps nothing when its time is 0", () => {
    const { cache } = cacheAt(0);
    cache.set("k", alice, { lookup: cache.startLookup() });
    expect(cache.get("k")).toBeUndefined();
  });
});
