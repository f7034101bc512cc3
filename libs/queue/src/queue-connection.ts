import type { RedisOptions } from 'bullmq';

/** BullMQ connection options for a redis:// or rediss:// URL. */
export function bullConnection(url: string): RedisOptions {
  // Workers block on Redis; they must never give up on a request.
  return { url, maxRetriesPerRequest: null };
}
