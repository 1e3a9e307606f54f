// Fault injection (latency, 429, 5xx, hangs, malformed JSON, wrong shapes) and an optional
// server-side sliding-window rate limit. Count-based faults are consumed one per matching request.

export interface Faults {
  /** added delay (ms) before every matching request is answered (faulted ones included) */
  latencyMs?: number;
  /** the next `count` matching requests get 429 + Retry-After + TMDB status_code 25 */
  rateLimit?: { count: number; retryAfterSeconds: number };
  /** the next `count` matching requests get a 5xx (default 500 → status_code 11; 503 → 9; 504 → 24) */
  serverError?: { count: number; status?: number };
  /** the next `count` matching requests never get an answer (until the client gives up or the server closes) */
  hang?: { count: number };
  /** the next `count` matching requests get HTTP 200 with a truncated, invalid JSON body */
  malformedJson?: { count: number };
  /** the next `count` matching requests get HTTP 200 with valid JSON of the wrong shape */
  wrongShape?: { count: number };
  /** only requests whose path starts with this are affected (e.g. "/3/movie/"); default: every /3 path */
  pathPrefix?: string;
}

export type FaultAction =
  | { kind: "none" }
  | { kind: "rateLimit"; retryAfterSeconds: number }
  | { kind: "serverError"; status: number }
  | { kind: "hang" }
  | { kind: "malformedJson" }
  | { kind: "wrongShape" };

export interface FaultDecision {
  latencyMs: number;
  action: FaultAction;
}

/** Order in which count-based faults are consumed when several are set at once. */
export const FAULT_ORDER = ["rateLimit", "serverError", "hang", "malformedJson", "wrongShape"] as const;

export class FaultValidationError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function count(v: unknown, name: string): number {
  if (!isRecord(v)) throw new FaultValidationError(`${name} must be an object with a count`);
  const c = v["count"];
  if (typeof c !== "number" || !Number.isInteger(c) || c < 0) throw new FaultValidationError(`${name}.count must be a non-negative integer`);
  return c;
}

/** Validates an untrusted fault object (e.g. the control API's JSON body) and returns a clean copy. */
export function parseFaults(input: unknown): Faults {
  if (!isRecord(input)) throw new FaultValidationError("faults must be a JSON object");
  const known = new Set(["latencyMs", "rateLimit", "serverError", "hang", "malformedJson", "wrongShape", "pathPrefix"]);
  for (const key of Object.keys(input)) if (!known.has(key)) throw new FaultValidationError(`unknown fault "${key}"`);
  const out: Faults = {};
  if (input["latencyMs"] !== undefined) {
    const v = input["latencyMs"];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new FaultValidationError("latencyMs must be a non-negative number");
    out.latencyMs = v;
  }
  if (input["rateLimit"] !== undefined) {
    const c = count(input["rateLimit"], "rateLimit");
    const ra = (input["rateLimit"] as Record<string, unknown>)["retryAfterSeconds"] ?? 1;
    if (typeof ra !== "number" || !Number.isFinite(ra) || ra < 0) throw new FaultValidationError("rateLimit.retryAfterSeconds must be a non-negative number");
    out.rateLimit = { count: c, retryAfterSeconds: ra };
  }
  if (input["serverError"] !== undefined) {
    const c = count(input["serverError"], "serverError");
    const status = (input["serverError"] as Record<string, unknown>)["status"];
    if (status !== undefined && (typeof status !== "number" || !Number.isInteger(status) || status < 500 || status > 599))
      throw new FaultValidationError("serverError.status must be an integer from 500 to 599");
    out.serverError = status === undefined ? { count: c } : { count: c, status };
  }
  for (const key of ["hang", "malformedJson", "wrongShape"] as const) {
    if (input[key] !== undefined) out[key] = { count: count(input[key], key) };
  }
  if (input["pathPrefix"] !== undefined) {
    if (typeof input["pathPrefix"] !== "string") throw new FaultValidationError("pathPrefix must be a string");
    out.pathPrefix = input["pathPrefix"];
  }
  return out;
}

export class FaultInjector {
  private faults: Faults = {};

  set(faults: Faults): void {
    this.faults = parseFaults(faults);
  }

  clear(): void {
    this.faults = {};
  }

  /** The faults still pending (counts decrement as requests consume them). */
  current(): Faults {
    return structuredClone(this.faults);
  }

  matches(path: string): boolean {
    const prefix = this.faults.pathPrefix;
    return prefix === undefined || path.startsWith(prefix);
  }

  /** Decides (and consumes) the fault for one request. */
  take(path: string): FaultDecision {
    if (!this.matches(path)) return { latencyMs: 0, action: { kind: "none" } };
    const latencyMs = this.faults.latencyMs ?? 0;
    for (const key of FAULT_ORDER) {
      const fault = this.faults[key];
      if (!fault || fault.count <= 0) continue;
      fault.count -= 1;
      if (fault.count === 0) delete this.faults[key];
      switch (key) {
        case "rateLimit":
          return { latencyMs, action: { kind: "rateLimit", retryAfterSeconds: (fault as NonNullable<Faults["rateLimit"]>).retryAfterSeconds } };
        case "serverError":
          return { latencyMs, action: { kind: "serverError", status: (fault as NonNullable<Faults["serverError"]>).status ?? 500 } };
        default:
          return { latencyMs, action: { kind: key } };
      }
    }
    return { latencyMs, action: { kind: "none" } };
  }
}

/** Allows at most `perSecond` requests in any sliding 1-second window (undefined/0 = unlimited). */
export class SlidingWindowRateLimiter {
  private stamps: number[] = [];
  private head = 0;
  constructor(private limit?: number) {}

  get perSecond(): number | undefined {
    return this.limit;
  }

  setLimit(perSecond: number | undefined): void {
    if (perSecond !== undefined && (!Number.isFinite(perSecond) || perSecond < 0)) throw new RangeError("rateLimitPerSecond must be a non-negative number");
    this.limit = perSecond || undefined;
    this.reset();
  }

  reset(): void {
    this.stamps = [];
    this.head = 0;
  }

  /** Records and allows the request, or refuses it (refused requests do not use up the window). */
  allow(now: number): boolean {
    if (!this.limit) return true;
    while (this.head < this.stamps.length && (this.stamps[this.head] as number) <= now - 1000) this.head++;
    if (this.head > 1024 && this.head * 2 > this.stamps.length) {
      this.stamps = this.stamps.slice(this.head);
      this.head = 0;
    }
    if (this.stamps.length - this.head >= this.limit) return false;
    this.stamps.push(now);
    return true;
  }
}

export const TMDB_ERRORS = {
  invalidApiKey: { status: 7, http: 401, message: "Invalid API key: You must be granted a valid key." },
  notFound: { status: 34, http: 404, message: "The resource you requested could not be found." },
  invalidPage: { status: 22, http: 400, message: "Invalid page: Pages start at 1 and max at 500. They are expected to be an integer." },
  tooManyAppends: { status: 27, http: 400, message: "Too many append to response objects: The maximum number of remote calls is 20." },
  rateLimited: { status: 25, http: 429, message: "Your request count (#) is over the allowed limit of (40)." },
  internalError: { status: 11, http: 500, message: "Internal error: Something went wrong, contact TMDb." },
  serviceOffline: { status: 9, http: 503, message: "Service offline: This service is temporarily offline, try again later." },
  backendTimeout: { status: 24, http: 504, message: "Your request to the backend server timed out. Try again." },
} as const;

/** TMDB-style body for a faulted 5xx status. */
export function serverErrorBody(status: number): { success: false; status_code: number; status_message: string } {
  const e = status === 503 ? TMDB_ERRORS.serviceOffline : status === 504 ? TMDB_ERRORS.backendTimeout : TMDB_ERRORS.internalError;
  return { success: false, status_code: e.status, status_message: e.message };
}

/** Body of a `wrongShape` fault: valid JSON that matches neither a list nor a details shape. */
export const WRONG_SHAPE_BODY = {
  page: "one",
  results: "nope",
  total_pages: null,
  total_results: "many",
  id: "nope",
  title: 42,
  name: 42,
  genres: "nope",
} as const;
