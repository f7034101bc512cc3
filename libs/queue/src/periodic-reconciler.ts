import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * PostgreSQL holds the work; Redis only holds jobs for it. A reconciler re-creates, at start and
 * then every `everyMs`, the jobs Redis lacks (after a flush, a failover to an empty replica, a
 * crash between a commit and its queue add), using the same deterministic job ids as the code
 * that normally adds them, so re-adding an existing job is a no-op. One run at a time; a failed
 * run is logged and the next one tries again.
 */
export abstract class PeriodicReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  /**
   * @param label who speaks in the log line ("SLA reconciler")
   * @param unit what it re-creates ("timer jobs")
   */
  protected constructor(
    private readonly everyMs: number,
    private readonly label: string,
    private readonly unit: string,
  ) {}

  /** Adds what is missing; returns how many jobs (or schedulers) it re-created. */
  protected abstract restore(): Promise<number>;

  onApplicationBootstrap(): void {
    void this.reconcile();
    this.timer = setInterval(() => void this.reconcile(), this.everyMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Re-creates what is missing now (or joins the run in progress); returns how many it added. */
  reconcile(): Promise<number> {
    if (this.stopped) return Promise.resolve(0);
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<number> {
    try {
      const started = Date.now();
      const added = await this.restore();
      if (added)
        this.logger.log(`${this.label} re-created ${added} ${this.unit} in ${Date.now() - started} ms`);
      return added;
    } catch (error) {
      this.logger.warn(
        `${this.label} run failed, next run in ${this.everyMs} ms: ${(error as Error).message}`,
      );
      return 0;
    }
  }
}
