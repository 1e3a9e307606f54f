import pino from "pino";

/** Structured JSON logs; pretty-printed in development when attached to a terminal. */
export function createLogger(options: { level: string; name: string; pretty?: boolean }) {
  return pino({
    name: options.name,
    level: options.level,
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", "*.apiToken", "*.TMDB_API_TOKEN"], censor: "[redacted]" },
    ...(options.pretty ? { transport: { target: "pino-pretty", options: { colorize: true, translateTime: "HH:MM:ss.l", ignore: "pid,hostname" } } } : {}),
  });
}

export type { Logger } from "pino";
