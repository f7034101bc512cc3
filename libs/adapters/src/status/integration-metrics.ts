import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Gauge, register } from 'prom-client';
import { IntegrationStatus } from './integration-status';
import type { IntegrationStatusView } from './integration-status.view';

const LABELS = ['municipality', 'system'] as const;
// The gauges of one scrape share one read of the status.
const SNAPSHOT_MS = 1000;

/**
 * The integration status as Prometheus gauges on `GET /metrics`, read from the database at scrape
 * time, so they hold for every api and worker process: alert on a failing poll, tasks waiting too
 * long, or failure records nobody has looked at.
 */
@Injectable()
export class IntegrationMetrics implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(IntegrationMetrics.name);
  private gauges: Gauge<string>[] = [];
  private snapshot: { at: number; views: Promise<IntegrationStatusView[]> } | null = null;

  constructor(private readonly status: IntegrationStatus) {}

  onModuleInit(): void {
    this.gauges = [
      this.gauge(
        'meldpunt_backoffice_sync_tasks',
        'Back-office sync tasks by state: pending (to do) and failed (failure records)',
        [...LABELS, 'state'],
        (v) => [
          [{ state: 'pending' }, v.pendingTasks],
          [{ state: 'failed' }, v.failedTasks],
        ],
      ),
      this.gauge(
        'meldpunt_backoffice_oldest_pending_seconds',
        'Age of the oldest pending back-office sync task (0 when none)',
        LABELS,
        (v, now) => [[{}, v.oldestPendingSince ? (now - Date.parse(v.oldestPendingSince)) / 1000 : 0]],
      ),
      this.gauge(
        'meldpunt_backoffice_poll_failing',
        '1 when the last poll of the back-office failed',
        LABELS,
        (v) => (v.pollSeconds === null ? [] : [[{}, v.pollError === null ? 0 : 1]]),
      ),
      this.gauge(
        'meldpunt_backoffice_last_poll_success_timestamp_seconds',
        'When a poll of the back-office last succeeded (Unix time)',
        LABELS,
        (v) => (v.lastPollSuccessAt ? [[{}, Date.parse(v.lastPollSuccessAt) / 1000]] : []),
      ),
    ];
  }

  onModuleDestroy(): void {
    for (const gauge of this.gauges) {
      const name = (gauge as unknown as { name: string }).name;
      if (register.getSingleMetric(name) === gauge) register.removeSingleMetric(name);
    }
  }

  private gauge(
    name: string,
    help: string,
    labelNames: readonly string[],
    values: (v: IntegrationStatusView, now: number) => [Record<string, string>, number][],
  ): Gauge<string> {
    // Another app in this process (tests start several) registered it: the newest one reports.
    if (register.getSingleMetric(name)) register.removeSingleMetric(name);
    const read = () => this.read();
    const logger = this.logger;
    return new Gauge({
      name,
      help,
      labelNames,
      async collect() {
        this.reset();
        const now = Date.now();
        try {
          for (const v of await read()) {
            for (const [labels, value] of values(v, now))
              this.set({ municipality: v.municipalityCode, system: v.system, ...labels }, value);
          }
        } catch (error) {
          // /metrics must answer even when the database does not; /health reports that.
          logger.warn(`integration metrics: ${(error as Error).message}`);
        }
      },
    });
  }

  private read(): Promise<IntegrationStatusView[]> {
    if (!this.snapshot || Date.now() - this.snapshot.at > SNAPSHOT_MS) {
      this.snapshot = { at: Date.now(), views: this.status.list(null) };
    }
    return this.snapshot.views;
  }
}
