import { JobBatcher } from './job-batcher';

describe('JobBatcher', () => {
  it('handles keys added side by side in one call, each key once', async () => {
    const calls: string[][] = [];
    const batcher = new JobBatcher<string>(async (keys) => {
      calls.push(keys);
    });
    await Promise.all(['a', 'b', 'a', 'c'].map((k) => batcher.add(k)));
    expect(calls).toEqual([['a', 'b', 'c']]);
  });

  it('starts a batch at maxSize, and the next one after it', async () => {
    const calls: number[][] = [];
    const batcher = new JobBatcher<number>(async (keys) => {
      calls.push(keys);
    }, 2);
    await Promise.all([1, 2, 3].map((k) => batcher.add(k)));
    expect(calls).toEqual([[1, 2], [3]]);
  });

  it('settles a job only when its batch is done, and fails every job of a failed batch', async () => {
    let finish!: () => void;
    let done = false;
    const batcher = new JobBatcher<number>(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    const job = batcher.add(1).then(() => (done = true));
    await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    finish();
    await job;
    expect(done).toBe(true);

    const failing = new JobBatcher<number>(() => Promise.reject(new Error('database away')));
    const results = await Promise.allSettled([failing.add(1), failing.add(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
