import type { Queue } from 'bullmq';

/**
 * The ids among `ids` whose job `queue` no longer has, ready to be added again. Lost are ids
 * without a job key, and ids whose key is only a remnant: a Redis that lost keys one by one rather
 * all at once (a partial flush, a test deleting a prefix) leaves job keys outside every state list,
 * or ids in a list whose key went and was then recreated by a worker's bookkeeping, without the
 * job's data. No worker would ever do such a job; its remnant is removed here, or re-adding the id
 * would be a no-op (a remnant still locked by a worker is left for the next run). A job that
 * finished and was removed counts as lost too, so callers pass only ids whose work PostgreSQL says
 * is unfinished.
 */
export async function lostJobIds(queue: Queue, ids: readonly string[]): Promise<string[]> {
  const client = await queue.getBackend().client;
  const lost: string[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const batch = ids.slice(i, i + 1000);
    const pipeline = client.pipeline();
    // Every job BullMQ adds has a timestamp; a key without one is a remnant.
    for (const id of batch) pipeline.runCommand('hexists', [queue.toKey(id), 'timestamp']);
    const results = (await pipeline.exec()) ?? [];
    const states = await Promise.all(
      batch.map(async (id, index) => {
        const [error, complete] = results[index] ?? [];
        if (error) throw error;
        return complete === 1 ? queue.getJobState(id) : 'remnant';
      }),
    );
    for (const [index, state] of states.entries()) {
      if (state !== 'unknown' && state !== 'remnant') continue;
      if (await removeRemnant(queue, batch[index])) lost.push(batch[index]);
    }
  }
  return lost;
}

/** Removes what is left of a job (a bare key, a list entry, nothing); false while a worker holds it. */
async function removeRemnant(queue: Queue, id: string): Promise<boolean> {
  try {
    return (await queue.remove(id)) === 1;
  } catch {
    return false;
  }
}
