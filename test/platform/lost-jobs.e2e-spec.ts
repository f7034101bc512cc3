import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { lostJobIds } from '@meldpunt/queue';
import { deleteRedisPrefix } from '../support/test-app';
import { TEST_REDIS_URL } from '../support/test-env';

/**
 * lostJobIds on the real Redis, against each shape a partial flush leaves behind (keys deleted one
 * by one while workers keep running): whole jobs are kept, gone or gutted ones are reported lost
 * and cleared so that adding the id again really adds a job.
 */
describe('lostJobIds', () => {
  const prefix = `mp_test_lost_${randomUUID().slice(0, 8)}`;
  let queue: Queue;
  let redis: Redis;

  beforeAll(async () => {
    queue = new Queue('lost-jobs', { connection: { url: TEST_REDIS_URL }, prefix });
    redis = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    await queue.close();
    redis.disconnect();
    await deleteRedisPrefix(prefix);
  });

  it('keeps whole jobs and reports missing, gutted and orphan-locked ones, cleared for re-adding', async () => {
    await queue.addBulk(
      ['whole', 'gutted', 'orphan-locked', 'bare-hash'].map((id) => ({
        name: 'x',
        data: {},
        opts: { jobId: id },
      })),
    );
    // Data gone, id still in the wait list.
    await redis.del(queue.toKey('gutted'));
    // Data gone, a lock left by a worker that took the id before the flush reached the list.
    await redis.del(queue.toKey('orphan-locked'));
    await redis.set(`${queue.toKey('orphan-locked')}:lock`, 'token-of-a-doomed-worker', 'PX', 30_000);
    // A key recreated by bookkeeping after the flush, without the job's data.
    await redis.del(queue.toKey('bare-hash'));
    await redis.hset(queue.toKey('bare-hash'), 'atm', '1');

    const lost = await lostJobIds(queue, ['whole', 'gutted', 'orphan-locked', 'bare-hash', 'never-added']);

    expect(lost.sort()).toEqual(['bare-hash', 'gutted', 'never-added', 'orphan-locked']);
    await queue.addBulk(lost.map((id) => ({ name: 'x', data: { again: true }, opts: { jobId: id } })));
    for (const id of lost) expect((await queue.getJob(id))?.data).toEqual({ again: true });
    expect(await queue.getWaitingCount()).toBe(5);
  });

  it('leaves a whole job a worker holds alone', async () => {
    await queue.add('x', {}, { jobId: 'held' });
    await redis.set(`${queue.toKey('held')}:lock`, 'token-of-a-live-worker', 'PX', 30_000);
    await redis.lrem(queue.toKey('wait'), 0, 'held');

    expect(await lostJobIds(queue, ['held'])).toEqual([]);
    expect(await redis.get(`${queue.toKey('held')}:lock`)).toBe('token-of-a-live-worker');
  });
});
