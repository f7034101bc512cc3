import type { Job } from 'bullmq';

interface Held {
  job: Job;
  token?: string;
  release: () => Promise<unknown>;
}

/**
 * The database leases that a processor's running jobs hold (a ticket's back-office lease, an
 * e-mail's sending lease). After a crash a lease simply expires, minutes later. A stop that cannot
 * wait for a job any longer does better: it gives the lease back and puts the job back in its queue,
 * so another worker carries on at once instead of after the lease and the job's lock ran out.
 */
export class HeldLeases {
  private readonly held = new Map<string, Held>();

  hold(job: Job, token: string | undefined, release: () => Promise<unknown>): void {
    this.held.set(job.id ?? '', { job, token, release });
  }

  /** False when a stop handed the job back already: the lease is no longer this job's to release. */
  drop(job: Job): boolean {
    return this.held.delete(job.id ?? '');
  }

  /**
   * Releases every held lease and moves its job back to waiting; errors are ignored (the lease then
   * expires and the job's lock too, as after a crash). Returns how many jobs were handed back.
   */
  async handBack(): Promise<number> {
    const entries = [...this.held.values()];
    this.held.clear();
    await Promise.all(
      entries.map(async ({ job, token, release }) => {
        await release().catch(() => undefined);
        await job.moveToWait(token).catch(() => undefined);
      }),
    );
    return entries.length;
  }
}

/** A processor whose jobs hold database leases (see HeldLeases). */
export interface HoldsLeases {
  readonly leases: HeldLeases;
}

export function holdsLeases(instance: unknown): instance is HoldsLeases {
  return (instance as Partial<HoldsLeases> | null)?.leases instanceof HeldLeases;
}
