interface Waiting<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the calls that concurrently running jobs make within one turn of the event loop and
 * runs them as one batch (DataLoader's idea): sixteen deliveries at the same step cost one
 * statement instead of sixteen, and a lone call waits no longer than a `setImmediate`. `run` gets
 * the inputs in call order and returns one output per input, in the same order; when it throws,
 * every call of the batch fails with that error (as each would have on its own: the database is
 * away). Per-input failures belong in the outputs.
 */
export class Coalescer<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private scheduled = false;

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly maxBatch = 100,
  ) {}

  call(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (this.waiting.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    const batch = this.waiting;
    this.waiting = [];
    if (!batch.length) return;
    this.run(batch.map((w) => w.input))
      .then(
        (outputs) => {
          if (outputs.length !== batch.length)
            throw new Error(`Coalescer: ${outputs.length} outputs for ${batch.length} inputs`);
          batch.forEach((w, i) => w.resolve(outputs[i]));
        },
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      )
      .catch((error: unknown) => batch.forEach((w) => w.reject(error)));
  }
}
