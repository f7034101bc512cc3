import type { Job, JobsOptions } from 'bullmq';
import type { OutboxMessage } from './outbox-message';

/**
 * What a subscriber's queue job carries: a run of committed events in id order. One job per run
 * rather than per event: at intake speed the queue's own cost (a Redis round trip, a lock, a
 * completion per job, in Redis and in the worker) was most of the consumers' time.
 */
export interface OutboxBatch {
  events: OutboxMessage[];
}

/** The events a subscriber's job holds; jobs queued before batching held one event each. */
export function outboxEvents(job: Pick<Job<OutboxBatch | OutboxMessage>, 'data'>): OutboxMessage[] {
  const data = (job.data ?? {}) as Partial<OutboxBatch> & Partial<OutboxMessage>;
  if (Array.isArray(data.events)) return data.events;
  return typeof data.eventId === 'string' ? [data as OutboxMessage] : [];
}

/**
 * The jobs that carry `events` (in id order) to a subscriber, `size` events at most per job. The
 * job id names the run it carries, so the relay publishing the same rows again after a crash adds
 * nothing BullMQ still holds; a `prefix` keeps redeliveries apart from the relay's own jobs.
 */
export function outboxBatchJobs(
  events: readonly OutboxMessage[],
  size: number,
  prefix = 'events',
): { name: string; data: OutboxBatch; opts: JobsOptions }[] {
  const jobs: { name: string; data: OutboxBatch; opts: JobsOptions }[] = [];
  for (let i = 0; i < events.length; i += size) {
    const run = events.slice(i, i + size);
    const jobId = `${prefix}-${run[0].eventId}-${run[run.length - 1].eventId}-${run.length}`;
    jobs.push({ name: 'events', data: { events: run }, opts: { jobId } });
  }
  return jobs;
}

/**
 * Handles the events of one job, `concurrency` at a time, and returns what each handling returned
 * (in event order: a job's return value says what became of each event). Fails when any of them
 * failed (after all were tried), naming them: the retry handles the whole job again, which
 * idempotent consumers shrug off for the events already done.
 */
export async function forEachEvent<R>(
  events: readonly OutboxMessage[],
  handle: (event: OutboxMessage) => Promise<R>,
  concurrency = 8,
): Promise<R[]> {
  const results: R[] = new Array<R>(events.length);
  const failed: { eventId: string; error: unknown }[] = [];
  let next = 0;
  const lane = async () => {
    while (next < events.length) {
      const index = next++;
      try {
        results[index] = await handle(events[index]);
      } catch (error) {
        failed.push({ eventId: events[index].eventId, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, events.length) }, lane));
  if (failed.length) {
    const first = failed[0].error instanceof Error ? failed[0].error.message : String(failed[0].error);
    throw new Error(
      `${failed.length} of ${events.length} events failed (${failed.map((f) => f.eventId).join(', ')}): ${first}`,
    );
  }
  return results;
}
