import { Redis } from "ioredis";

/** An ioredis connection as BullMQ wants it: commands wait for a reconnect instead of failing. */
export function createRedis(url: string, connectionName: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName, lazyConnect: false });
}

/**
 * A second connection to the same Redis for work a request waits on (its rate limit, readiness):
 * while Redis is unreachable its commands fail at once instead of queueing until Redis is back, so
 * requests are not held for the length of an outage. It reconnects by itself.
 */
export function createFailFastRedis(redis: Redis, connectionName: string): Redis {
  const failFast = redis.duplicate({ connectionName, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  // Errors surface on the commands; the connection's own ones (refused while Redis is down) would
  // otherwise be printed as unhandled.
  failFast.on("error", () => {});
  return failFast;
}

/** `promise`'s value, or undefined if it has not settled within `ms` (the promise itself goes on). */
export function withinMs<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
