import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConflictError, NotFoundError } from '@meldpunt/api-errors';
import { AuditLog, RequestContext } from '@meldpunt/identity';
import { SyncJobs } from '../sync/sync-jobs';
import { SyncTasks } from '../sync/sync-tasks';
import { IntegrationFailureView } from './integration-failure.view';

interface FailureRow {
  id: string;
  ticket_id: string;
  reference: string;
  municipality_code: string;
  system: string;
  operation: string;
  attempts: number;
  last_error: string | null;
  failed_at: Date;
  created_at: Date;
}

/** Sync tasks that exhausted their retries: listed for agents in scope, retried by hand. */
@Injectable()
export class IntegrationFailures {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: SyncJobs,
    private readonly tasks: SyncTasks,
    private readonly audit: AuditLog,
  ) {}

  async list(
    ctx: RequestContext,
    filter: { municipality?: string; limit: number },
  ): Promise<IntegrationFailureView[]> {
    const rows = await this.dataSource.query<FailureRow[]>(
      `SELECT t.id, t.ticket_id, k.reference, t.municipality_code, t.system, t.operation, t.attempts, t.last_error,
              t.failed_at, t.created_at
         FROM back_office_sync_task t JOIN ticket k ON k.id = t.ticket_id
        WHERE t.state = 'failed'
          AND ($1::text[] IS NULL OR t.municipality_code = ANY($1::text[]))
          AND ($2::text IS NULL OR t.municipality_code = $2)
        ORDER BY t.failed_at DESC, t.id DESC LIMIT $3`,
      [ctx.scope === 'all' ? null : [...ctx.scope], filter.municipality ?? null, filter.limit],
    );
    return rows.map((r) => ({
      id: r.id,
      ticketId: r.ticket_id,
      reference: r.reference,
      municipalityCode: r.municipality_code,
      system: r.system,
      operation: r.operation,
      attempts: r.attempts,
      error: r.last_error,
      failedAt: r.failed_at.toISOString(),
      createdAt: r.created_at.toISOString(),
    }));
  }

  /** Puts the failed task, and the ticket's other failed tasks (blocked behind it), back on the queue. */
  async retry(ctx: RequestContext, id: string): Promise<{ id: string; requeued: string[] }> {
    if (!/^\d{1,18}$/.test(id)) throw new NotFoundError('Integration failure', id);
    const [task] = await this.dataSource.query<
      { municipality_code: string; state: string; ticket_id: string }[]
    >('SELECT municipality_code, state, ticket_id FROM back_office_sync_task WHERE id = $1', [id]);
    if (!task || !ctx.canSee(task.municipality_code)) throw new NotFoundError('Integration failure', id);
    const requeued = await this.tasks.requeue(id);
    if (!requeued)
      throw new ConflictError(`Back-office task ${id} is ${task.state}, not failed`, { state: task.state });
    const round = Date.now();
    for (const taskId of requeued) await this.jobs.enqueue(taskId, round);
    await this.audit.record(ctx, {
      action: 'integration.retry',
      ticketIds: [task.ticket_id],
      municipalityCodes: [task.municipality_code],
      details: { taskIds: requeued },
    });
    return { id, requeued };
  }
}
