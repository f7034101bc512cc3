import type { Queue } from 'bullmq';

/**
 * The ids among `ids` whose job `queue` no longer has, ready to be added again. Lost are ids
 * without a job key, and ids whose key is only a remnant: a Redis that lost keys one by one rather
 * all at once (a partial flush, a test deleting a prefix) leaves job keys outside every state list,
 * or ids in a list whose key went and was then recreated by a worker's bookkeeping, without the
 * job's data. No worker would ever do such a job; its remnant is removed here, or re-adding the id
 * would be a no-op. A job whose data is gone but whose lock is still held (a worker took it from a
 * list the flush had not reached yet) is lost as well: that worker can never complete it, and its
 * lock would otherwise keep the id blocked for the whole lock duration. Callers guard their work
 * with a lease of their own, so the re-added job cannot run beside the doomed one. A remnant whose
 * data is whole but which a worker holds is left for the next run. A job that finished and was
 * removed counts as lost too, so callers pass only ids whose work PostgreSQL says is unfinished.
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
      const id = batch[index];
      if (state === 'remnant') await client.del(`${queue.toKey(id)}:lock`);
      if (await removeRemnant(queue, id)) lost.push(id);
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
