// The web server's own log lines, as JSON (pino) like the API's and the worker's, so one log
// pipeline reads all of them. Server code only. Secrets never go in: next-auth's metadata is
// reduced to an error's name and message.
import pino from "pino";

export const logger = pino({ name: "web", level: process.env.LOG_LEVEL ?? "info" });

/** What of next-auth's log metadata is safe to write: an error's name and message, nothing else. */
export function describeForLog(metadata: unknown): { name?: string; message?: string } {
  if (metadata instanceof Error) return { name: metadata.name, message: metadata.message };
  const error = (metadata as { error?: unknown } | undefined)?.error;
  return error instanceof Error ? { name: error.name, message: error.message } : {};
}
