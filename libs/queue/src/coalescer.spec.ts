import { Coalescer } from './coalescer';

describe('Coalescer', () => {
  it('runs the calls of one turn as one batch and answers each with its own output', async () => {
    const batches: number[][] = [];
    const double = new Coalescer<number, number>(async (inputs) => {
      batches.push(inputs);
      return inputs.map((n) => n * 2);
    });

    const first = await Promise.all([1, 2, 3].map((n) => double.call(n)));
    const later = await double.call(4);

    expect(first).toEqual([2, 4, 6]);
    expect(later).toBe(8);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('runs a full batch at once and the rest in the next', async () => {
    const batches: number[][] = [];
    const echo = new Coalescer<number, number>(async (inputs) => {
      batches.push(inputs);
      return inputs;
    }, 2);

    expect(await Promise.all([1, 2, 3].map((n) => echo.call(n)))).toEqual([1, 2, 3]);
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it('fails every call of a batch whose run fails, and goes on with the next batch', async () => {
    let fail = true;
    const flaky = new Coalescer<number, number>(async (inputs) => {
      if (fail) throw new Error('database away');
      return inputs;
    });

    const results = await Promise.allSettled([flaky.call(1), flaky.call(2)]);
    fail = false;

    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await flaky.call(3)).toBe(3);
  });

  it('fails the calls when run answers with the wrong number of outputs', async () => {
    const broken = new Coalescer<number, number>(async () => [1]);

    await expect(Promise.all([broken.call(1), broken.call(2)])).rejects.toThrow(/1 outputs for 2 inputs/);
  });
});
