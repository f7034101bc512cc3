/**
 * Gathers the keys of jobs running side by side and handles them with one call: the jobs of a
 * consumer queue that all read one row each (the ticket of their event) read them in one query
 * instead. A job's promise settles when its batch was handled, so each job still completes only
 * after its own work was done, and a failed batch fails (and retries) each of its jobs.
 *
 * A batch starts when `maxSize` keys are waiting or on the next turn of the event loop after the
 * first one (setImmediate): no waiting when jobs trickle in, whole batches when they pour in.
 */
export class JobBatcher<K> {
  private waiting: { key: K; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly handle: (keys: K[]) => Promise<unknown>,
    private readonly maxSize = 100,
  ) {}

  add(key: K): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      if (this.waiting.length >= this.maxSize) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.waiting;
    this.waiting = [];
    if (!batch.length) return;
    this.handle([...new Set(batch.map((w) => w.key))]).then(
      () => batch.forEach((w) => w.resolve()),
      (error: unknown) => batch.forEach((w) => w.reject(error)),
    );
  }
}
