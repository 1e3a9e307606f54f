// What the server counts about the /3 requests it serves (per path, in flight, a bounded log) and
// the image requests beside them: what tests and benchmarks read to check a client's TMDB calls.
import type { ServerResponse } from "node:http";

export interface RequestLogEntry {
  /** request path without the query, e.g. "/3/movie/550" */
  path: string;
  /** raw query string without "?" ("" if none) */
  query: string;
  /** ms since the epoch, sub-millisecond resolution (performance.timeOrigin + performance.now()) */
  startedAt: number;
  /** HTTP status sent; 0 while unanswered or if never answered (hang, client gone) */
  status: number;
}

export interface RequestStats {
  total: number;
  counts: Record<string, number>;
  maxInFlight: number;
  inFlight: number;
  imageRequests: number;
  log: RequestLogEntry[];
}

export class RequestLog {
  private counts = new Map<string, number>();
  private entries: RequestLogEntry[] = [];
  total = 0;
  inFlight = 0;
  maxInFlight = 0;
  imageRequests = 0;

  /** @param limit keep at most this many log entries (oldest dropped); counts stay exact */
  constructor(private readonly limit: number) {}

  /** Counts one /3 request and follows its response (status when sent, in flight until closed). */
  begin(path: string, query: string, res: ServerResponse): void {
    const entry: RequestLogEntry = { path, query, startedAt: performance.timeOrigin + performance.now(), status: 0 };
    this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
    this.total++;
    this.entries.push(entry);
    if (this.entries.length > this.limit * 1.1) this.entries = this.entries.slice(this.entries.length - this.limit);
    this.inFlight++;
    if (this.inFlight > this.maxInFlight) this.maxInFlight = this.inFlight;
    res.on("finish", () => {
      entry.status = res.statusCode;
    });
    res.on("close", () => {
      this.inFlight--;
    });
  }

  countsByPath(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  log(): RequestLogEntry[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  stats(withLog: boolean): RequestStats {
    return {
      total: this.total,
      counts: this.countsByPath(),
      maxInFlight: this.maxInFlight,
      inFlight: this.inFlight,
      imageRequests: this.imageRequests,
      log: withLog ? this.log() : [],
    };
  }

  /** Resets counts, log, maxInFlight and the image counter. */
  reset(): void {
    this.counts = new Map();
    this.total = 0;
    this.entries = [];
    this.maxInFlight = this.inFlight;
    this.imageRequests = 0;
  }
}
