/** Polls `check` until it holds; fails with `what` after `timeoutMs`. */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 8000,
  what = 'condition',
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${what} not met within ${timeoutMs} ms`);
}

/**
 * Waits until `remaining()` reaches 0, for as long as it keeps going down: fails only when it has
 * not dropped for `stallMs` (or after `timeoutMs` in all). Work that is merely slow on a busy
 * machine passes; work that is stuck fails, with how much was left.
 */
export async function waitForDrain(
  remaining: () => Promise<number>,
  { stallMs, timeoutMs, what }: { stallMs: number; timeoutMs: number; what: string },
): Promise<void> {
  const until = Date.now() + timeoutMs;
  let best = Number.POSITIVE_INFINITY;
  let lastProgress = Date.now();
  while (Date.now() < until) {
    const left = await remaining();
    if (left === 0) return;
    if (left < best) {
      best = left;
      lastProgress = Date.now();
    } else if (Date.now() - lastProgress > stallMs) {
      throw new Error(`${what}: stuck at ${left} left for ${stallMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: ${best} still left after ${timeoutMs} ms`);
}
