import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@meldpunt/config';

/** How often each process reads the sessions revoked by other processes. */
export const REVOCATION_SYNC_MS = 2000;
// Revocation and token issue may cross by a moment (a refresh racing a logout): keep a margin.
const MARGIN_SECONDS = 60;

/**
 * The revoked sessions whose access tokens may still be unexpired, held in memory so that the
 * guard answers without a database round trip. A revocation counts at once in the process that
 * made it and within REVOCATION_SYNC_MS in every other process (each reads PostgreSQL, the source
 * of truth, every two seconds). A session revoked longer ago than the access-token lifetime has
 * no valid tokens left, so the set stays small.
 */
@Injectable()
export class SessionRevocations implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionRevocations.name);
  /** Session id -> when it was revoked (ms). */
  private readonly revoked = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Before the first request: tokens of sessions revoked before this process started are refused too.
    await this.sync();
    this.timer = setInterval(() => void this.sync(), REVOCATION_SYNC_MS);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  isRevoked(sessionId: string): boolean {
    return this.revoked.has(sessionId);
  }

  /** Called by whoever revoked them, right after the commit. */
  add(sessionIds: string[]): void {
    const now = Date.now();
    for (const id of sessionIds) this.revoked.set(id, now);
  }

  async sync(): Promise<void> {
    const horizon = this.config.accessTokenTtlSeconds + MARGIN_SECONDS;
    try {
      const rows = await this.dataSource.query<{ id: string; revoked_at: Date }[]>(
        `SELECT id, revoked_at FROM staff_session
          WHERE revoked_at IS NOT NULL AND revoked_at > now() - make_interval(secs => $1)`,
        [horizon],
      );
      // Merge, never replace: a revocation made here after this query started must not drop out.
      for (const row of rows) this.revoked.set(row.id, row.revoked_at.getTime());
      const cutoff = Date.now() - horizon * 1000;
      for (const [id, at] of this.revoked) if (at < cutoff) this.revoked.delete(id);
    } catch (error) {
      this.logger.warn(`session revocations not refreshed: ${(error as Error).message}`);
    }
  }
}
