// Structured JSON logs (pino). Every line written while serving a request carries its request id
// (requestScope, entered by the HTTP server for each request), and no line carries a secret: values
// under keys named like one (password, token, secret, authorization, cookie…) are replaced at any
// depth, and URLs lose their query string (a GraphQL GET carries the whole operation and its
// variables there).
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

/** The request being served, for whatever runs on its behalf (http/guards.ts enters it). */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** The id of the request being served here, if any. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

export const REDACTED = "[redacted]";
const SECRET_KEY = /passw|passphrase|secret|token|authorization|cookie|api_?key|credential/i;
const MAX_DEPTH = 8;

/** A URL without its query string, which is kept only as a marker that there was one. */
export function redactUrl(url: string): string {
  const index = url.indexOf("?");
  return index < 0 ? url : `${url.slice(0, index)}?${REDACTED}`;
}

const isPlainObject = (value: object) => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * A copy of `value` with every secret-named key's value replaced, at any depth of plain objects
 * and arrays (instances such as errors and Fastify's request are left to their serializers).
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) ? REDACTED : key === "url" && typeof item === "string" ? redactUrl(item) : redactSecrets(item, depth + 1);
  }
  return copy;
}

/**
 * Structured JSON logs; pretty-printed in development when attached to a terminal. Written to
 * stdout synchronously, as Node writes its own stdout to pipes and files: pino's default stream
 * writes in the background, and its `fatal` then writes its own line at once, ahead of lines
 * still in flight (a port-in-use line came out before the "serving index loaded" logged ahead of
 * it); a process that exits or is killed also loses nothing it logged. One write call a line.
 */
export function createLogger(options: { level: string; name: string; pretty?: boolean; destination?: pino.DestinationStream }) {
  const destination = options.destination ?? (options.pretty ? undefined : pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      name: options.name,
      level: options.level,
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      formatters: { log: (object) => redactSecrets(object) as Record<string, unknown> },
      serializers: {
        // Fastify's request line: method, URL without its query, and who sent it.
        req: (request: { method?: string; url?: string; ip?: string; id?: string }) => ({
          method: request.method,
          url: request.url === undefined ? undefined : redactUrl(request.url),
          remoteAddress: request.ip,
        }),
      },
      ...(options.pretty ? { transport: { target: "pino-pretty", options: { colorize: true, translateTime: "HH:MM:ss.l", ignore: "pid,hostname" } } } : {}),
    },
    ...(destination ? [destination] : []),
  );
}

export type { Logger } from "pino";
