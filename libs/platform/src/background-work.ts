import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import type { Worker } from 'bullmq';
import { holdsLeases } from '@meldpunt/queue';

/**
 * The queue workers of this process, for a stop within a deadline. Nest alone would close them
 * gracefully without a limit: BullMQ's close waits for every running job, and a back-office poll
 * against a tool that does not answer runs for minutes (each call waits for its timeout, and a
 * page is retried), so a SIGTERM left the worker running.
 */
@Injectable()
export class BackgroundWork implements OnApplicationBootstrap {
  private readonly logger = new Logger(BackgroundWork.name);

  constructor(private readonly discovery: DiscoveryService) {}

  /**
   * A worker without an error listener prints each error's stack; after a Redis loss there is one
   * per job that was running (its key is gone when it finishes), so one line each is enough.
   */
  onApplicationBootstrap(): void {
    for (const worker of this.workers()) {
      if (worker.listenerCount('error') > 0) continue;
      worker.on('error', (error: Error) => this.logger.warn(`queue ${worker.name}: ${error.message}`));
    }
  }

  /**
   * Takes no more jobs, lets the running ones finish until `until` (epoch ms), then closes every
   * worker, with force where jobs still run. Jobs holding a database lease are handed back (lease
   * released, job waiting again) for another worker to take at once; the others go back to their
   * queue when their lock expires (another worker's stalled-job check). Their processors are
   * idempotent, so nothing is lost or done twice. Resolves when every worker is closed.
   */
  async stop(until: number): Promise<void> {
    const hosts = this.hosts();
    const workers = hosts.map((h) => h.worker);
    const idle = new Set<Worker>();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(workers.map((w) => w.pause().finally(() => idle.add(w)))),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, until - Date.now())))),
    ]).catch(() => undefined);
    clearTimeout(timer);
    const busy = hosts.filter((h) => !idle.has(h.worker));
    if (busy.length) {
      const handedBack = await Promise.all(
        busy.map((h) => (holdsLeases(h) ? h.leases.handBack() : Promise.resolve(0))),
      );
      this.logger.warn(
        `stop: jobs still running in ${busy.map((h) => h.worker.name).join(', ')}; closing with force ` +
          `(${handedBack.reduce((a, b) => a + b, 0)} handed back at once, the rest return when their lock expires)`,
      );
    }
    await Promise.all(
      workers.map((w) =>
        w.close(!idle.has(w)).catch((error: Error) => {
          this.logger.warn(`stop: worker ${w.name} did not close cleanly: ${error.message}`);
        }),
      ),
    );
  }

  private workers(): Worker[] {
    return this.hosts().map((h) => h.worker);
  }

  private hosts(): WorkerHost[] {
    const hosts: WorkerHost[] = [];
    for (const { instance } of this.discovery.getProviders()) {
      if (instance instanceof WorkerHost) hosts.push(instance);
    }
    return hosts;
  }
}
