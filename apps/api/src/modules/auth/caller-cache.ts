// Who a credential belongs to, kept briefly in each API process so that a request does not ask
// Postgres again for a token or session it saw a moment ago (under load the token statement was a
// third of a read's statements). An entry lives CREDENTIAL_CACHE_MS at most, never past the token's
// own expiry.
//
// Ending a credential is seen at once everywhere: the process that revokes a token, ends a session
// or signs a person out everywhere drops its entries and publishes the change on Redis; every API
// process drops the same entries when it hears it. While that channel is down (Redis restarting)
// an end may reach other processes only when their entries lapse, so each process empties its cache
// whenever its subscription (re)connects. What is not done through the API (a role or expiry changed
// by hand in Postgres) is seen within CREDENTIAL_CACHE_MS (docs/security.md).
import type { Redis } from "ioredis";
import type { Logger } from "../../logger.ts";
import type { Viewer } from "./viewer.types.ts";

/** What ended: one token, one web session, or everything of one person. */
export type EndedCredential = { kind: "token" | "session" | "user"; id: string };

interface Entry {
  viewer: Viewer;
  /** Milliseconds since the epoch after which the entry is not used. */
  until: number;
  sessionId?: string;
}

const MAX_ENTRIES = 50_000;

export class CallerCache {
  private readonly entries = new Map<string, Entry>();
  private subscriber: Redis | undefined;
  /** Bumped by every drop: a lookup that started before one must not store what it read. */
  private generation = 0;
  /** Whether ends announced by other processes reach this one now (always, without Redis). */
  private subscribed = false;

  constructor(
    private readonly options: {
      ttlMs: number;
      /** Redis for the broadcast; none: this process only (tests of one process, CLIs). */
      redis?: Redis;
      channel: string;
      logger?: Logger;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.options.now?.() ?? Date.now();
  }

  /** The caller behind `key` if seen within the cache's time; subscribes to ends on first use. */
  get(key: string): Viewer | undefined {
    if (!this.options.ttlMs) return undefined;
    this.listen();
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.viewer;
  }

  /** To pass to `set` by a lookup about to read Postgres. */
  startLookup(): number {
    return this.generation;
  }

  /**
   * Keeps `viewer` for `key` until the cache's time is up or `expiresAt`, whichever is first —
   * unless something was dropped since the lookup started (it may have read a credential just ended).
   */
  set(key: string, viewer: Viewer, options: { lookup: number; expiresAt?: Date | null; sessionId?: string }): void {
    if (!this.options.ttlMs || options.lookup !== this.generation) return;
    if (this.options.redis && !this.subscribed) return;
    const until = Math.min(this.now() + this.options.ttlMs, options.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { viewer, until, sessionId: options.sessionId });
  }

  /** Drops what `ended` covers here and tells the other processes. */
  async end(ended: EndedCredential): Promise<void> {
    this.forget(ended);
    if (!this.options.redis) return;
    await this.options.redis.publish(this.options.channel, JSON.stringify(ended)).catch((error: unknown) => {
      this.options.logger?.warn(
        { err: error, ended: ended.kind },
        "credential cache: could not announce an ended credential; other processes see it within CREDENTIAL_CACHE_MS",
      );
    });
  }

  /** Drops the entries `ended` covers in this process. */
  forget(ended: EndedCredential): void {
    this.generation += 1;
    for (const [key, entry] of this.entries) {
      const covered =
        ended.kind === "token" ? entry.viewer.tokenId === ended.id : ended.kind === "session" ? entry.sessionId === ended.id : entry.viewer.userId === ended.id;
      if (covered) this.entries.delete(key);
    }
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /** Resolves once ends announced by other processes reach this one (the API starts it at boot). */
  start(): Promise<void> {
    this.listen();
    return this.whenSubscribed;
  }

  private whenSubscribed: Promise<void> = Promise.resolve();

  private listen(): void {
    if (this.subscriber || !this.options.redis) return;
    let markSubscribed = () => {};
    this.whenSubscribed = new Promise((resolve) => (markSubscribed = resolve));
    const subscriber = this.options.redis.duplicate({ connectionName: "movierec-api-credential-ends" });
    this.subscriber = subscriber;
    subscriber.on("error", () => {}); // reconnects by itself (and re-subscribes); entries lapse meanwhile
    // Nothing is kept while not subscribed, and ends announced while the connection was down were
    // missed: start empty each time the subscription is back.
    subscriber.on("close", () => {
      this.subscribed = false;
    });
    subscriber.on("message", (_channel: string, message: string) => {
      try {
        const ended = JSON.parse(message) as EndedCredential;
        if (typeof ended?.id === "string" && ["token", "session", "user"].includes(ended.kind)) this.forget(ended);
      } catch {
        this.clear();
      }
    });
    subscriber.on("ready", () => {
      subscriber
        .subscribe(this.options.channel)
        .then(() => {
          this.clear();
          this.subscribed = true;
          markSubscribed();
        })
        .catch(() => {});
    });
  }

  close(): void {
    this.subscriber?.disconnect();
    this.subscriber = undefined;
  }
}
