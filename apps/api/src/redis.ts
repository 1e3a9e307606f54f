import { Redis } from "ioredis";

/** An ioredis connection as BullMQ wants it: commands wait for a reconnect instead of failing. */
export function createRedis(url: string, connectionName: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName, lazyConnect: false });
}
