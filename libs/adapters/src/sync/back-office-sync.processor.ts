import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { AppConfig } from '@meldpunt/config';
import { HeldLeases, type HoldsLeases } from '@meldpunt/queue';
import { RequestContext } from '@meldpunt/identity';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import {
  TicketAttachments,
  TicketQueryService,
  TicketWorkflowService,
  type TicketView,
} from '@meldpunt/tickets';
import { BackOfficeConnections } from '../connection/back-office-connections';
import { BackOfficeAdapters } from '../connectors/back-office-adapters';
import {
  BackOfficeError,
  BackOfficeThrottled,
  BackOfficeUnanswered,
  type BackOfficeConnection,
  type CaseDraft,
  type ExternalCase,
} from '../port/back-office-adapter';
import { noteHash } from './note-hash';
import { SyncCircuitBreakers } from './sync-circuit-breakers';
import { syncBackoffStrategy } from './sync-backoff';
import { BACK_OFFICE_SYNC_QUEUE, type SyncJob } from './sync-queues';
import { LinkRow, SyncTaskRow, SyncTasks } from './sync-tasks';

// Long enough for a few calls with their timeouts; a crashed worker's lease simply expires.
const LEASE_MS = 120_000;

/**
 * Runs sync tasks against the back-office. One job per task; the job first runs the ticket's
 * earlier unfinished tasks (under the ticket's lease), so a ticket's calls happen in event order.
 * Retryable failures are thrown for BullMQ to retry with back-off; the last attempt, or a failure
 * that retrying cannot fix, turns the task into a failure record for agents.
 */
@Processor(BACK_OFFICE_SYNC_QUEUE, {
  concurrency: 16,
  // Until bootstrap puts in the configured cap (jobs may start before it).
  settings: { backoffStrategy: syncBackoffStrategy(15 * 60_000) },
})
export class BackOfficeSyncProcessor extends WorkerHost implements OnApplicationBootstrap, HoldsLeases {
  readonly leases = new HeldLeases();

  private readonly logger = new Logger(BackOfficeSyncProcessor.name);
  private readonly ctx = RequestContext.system('back-office sync');

  constructor(
    private readonly tasks: SyncTasks,
    private readonly connections: BackOfficeConnections,
    private readonly adapters: BackOfficeAdapters,
    private readonly breakers: SyncCircuitBreakers,
    private readonly tickets: TicketQueryService,
    private readonly workflow: TicketWorkflowService,
    private readonly attachments: TicketAttachments,
    private readonly config: AppConfig,
    private readonly directory: MunicipalityDirectory,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.syncConcurrency;
    this.worker.opts.settings = {
      ...this.worker.opts.settings,
      backoffStrategy: syncBackoffStrategy(this.config.syncBackoffMaxMs),
    };
  }

  async process(job: Job<SyncJob>, token?: string): Promise<string> {
    const leased = await this.tasks.lease(job.data.taskId, LEASE_MS);
    if (leased === 'idle') return 'nothing to do';
    if (leased === 'busy') {
      // Another job is talking to this ticket's case: come back shortly, without using an attempt.
      await job.moveToDelayed(Date.now() + 200 + Math.floor(Math.random() * 300), token);
      throw new DelayedError();
    }
    const { task, link } = leased;
    this.leases.hold(job, token, () => this.tasks.release(task.ticket_id));
    let released = false;
    try {
      released = await this.runInOrder(job, task, link);
      return `${task.operation} done`;
    } catch (error) {
      if (!(error instanceof BackOfficeThrottled)) throw error;
      // Nothing was sent (our own request budget, or a write still settling): come back later,
      // without sleeping in this worker slot (runGuarded gave the attempt back).
      const wait = (error.retryAfterMs ?? 1000) + Math.floor(Math.random() * 200);
      await job.moveToDelayed(Date.now() + wait, token);
      throw new DelayedError();
    } finally {
      // A stop that handed this job back released the lease already; it may be another job's now.
      if (this.leases.drop(job) && !released) await this.tasks.release(task.ticket_id);
    }
  }

  /**
   * Runs the ticket's earlier unfinished tasks, then this one. True when this one ran: its finish
   * released the lease.
   */
  private async runInOrder(job: Job<SyncJob>, task: SyncTaskRow, link: LinkRow): Promise<boolean> {
    for (const earlier of await this.tasks.unfinishedUpTo(task)) {
      if (earlier.state === 'failed') {
        const reason = `waiting for back-office task ${earlier.id} (${earlier.operation}), which failed`;
        await this.tasks.fail(task.id, reason);
        throw new UnrecoverableError(reason);
      }
      const last = earlier.id === task.id;
      if (!last) earlier.attempts = await this.tasks.countAttempt(earlier.id);
      await this.runGuarded(job, last ? task : earlier, link, last);
      // Later tasks are their own jobs' work: running them here, after the lease went with this
      // task's finish, could run one twice.
      if (last) return true;
    }
    return false;
  }

  /** Runs one task; on failure records it, and fails this job's task for good when no retry is left. */
  private async runGuarded(
    job: Job<SyncJob>,
    task: SyncTaskRow,
    link: LinkRow,
    release: boolean,
  ): Promise<void> {
    try {
      await this.run(task, link, release);
    } catch (error) {
      if (error instanceof BackOfficeThrottled) {
        await this.tasks.uncountAttempt(task.id);
        throw error;
      }
      const message = (error as Error).message;
      const retryable = error instanceof BackOfficeError ? error.retryable : false;
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (!retryable || lastAttempt) {
        await this.tasks.fail(task.id, message);
        if (task.id !== job.data.taskId)
          await this.tasks.fail(job.data.taskId, `waiting for task ${task.id}: ${message}`);
        await this.workflow
          .recordSyncFailure(this.ctx, task.ticket_id, {
            taskId: task.id,
            operation: task.operation,
            error: message,
          })
          .catch(() => undefined);
        throw new UnrecoverableError(message);
      }
      await this.tasks.noteError(task.id, message, this.settleMs(task, error));
      throw error;
    }
  }

  /**
   * How long an unanswered write may still land. A create waits at least SYNC_CREATE_SETTLE_MS: a
   * request can sit in the tool's (or a proxy's) queue well past our timeout, and a look-up before
   * it landed makes a second case (seen under load: a POST carried out ten seconds after it was sent).
   */
  private settleMs(task: SyncTaskRow, error: unknown): number | null {
    if (!(error instanceof BackOfficeUnanswered)) return null;
    const settle = error.retryAfterMs ?? 0;
    const creates = task.operation === 'create' || task.operation === 'transfer';
    return creates ? Math.max(settle, this.config.syncCreateSettleMs) : settle;
  }

  private async run(task: SyncTaskRow, link: LinkRow, release: boolean): Promise<void> {
    if (task.operation === 'transfer') return this.transfer(task, link, release);
    const conn = await this.connections.get(task.municipality_code);
    if (!conn)
      throw new BackOfficeError(`${task.municipality_code} has no back-office configured any more`, false);
    const settling = task.operation === 'create' && !link.external_id ? msUntil(task.settle_until) : 0;
    if (settling > 0) {
      // Another job (a later task's, running this one first) may come here before the back-off of
      // the unanswered create is over: the look-up must not run before the create could have landed.
      throw new BackOfficeThrottled(
        'an unanswered create may still land: the look-up waits for it',
        settling,
      );
    }
    await this.guarded(conn, (adapter) => this.call(task, link, conn, adapter, release));
  }

  /**
   * A ticket sent to another municipality: the former case gets a note saying where the ticket went
   * and is let go (the link starts over for the new municipality), then the new municipality's tool
   * gets a case as for a new ticket. The move of the link is recorded before the create, so a retry
   * does not note the former case twice.
   */
  private async transfer(task: SyncTaskRow, link: LinkRow, release: boolean): Promise<void> {
    if (link.municipality_code !== task.municipality_code) {
      if (link.external_id) await this.leaveFormerCase(task, link);
      await this.tasks.moveLink(task.ticket_id, task.municipality_code, task.system);
      Object.assign(link, {
        municipality_code: task.municipality_code,
        system: task.system,
        external_id: null,
        external_number: null,
        url: null,
        remote_state: null,
        seen_note_ids: [],
        pushed_note_hashes: [],
      });
    }
    if (!(await this.connections.get(task.municipality_code))) {
      await this.tasks.finish(task, {}, release);
      return;
    }
    await this.run({ ...task, operation: 'create' }, link, release);
  }

  private async leaveFormerCase(task: SyncTaskRow, link: LinkRow): Promise<void> {
    const former = await this.connections.get(link.municipality_code);
    const to = typeof task.payload.to === 'string' ? task.payload.to : task.municipality_code;
    const reason = typeof task.payload.reason === 'string' ? task.payload.reason.trim() : '';
    const name = (await this.directory.municipality(to))?.name ?? to;
    const text =
      `Meldpunt: melding doorgestuurd naar ${name}${reason ? ` (${reason})` : ''}; ` +
      'deze zaak wordt niet meer vanuit het meldpunt opgevolgd.';
    const ref = { id: link.external_id!, number: link.external_number ?? undefined, created: false };
    // A back-office removed since keeps its case as it was: there is nobody to tell.
    if (former) {
      await this.guarded(former, (adapter) => adapter.addNote(former, ref, { text, visibility: 'internal' }));
    }
    await this.workflow.recordCaseReleased(this.ctx, task.ticket_id, {
      system: link.system,
      id: link.external_id,
      number: link.external_number,
      municipalityCode: link.municipality_code,
      to,
    });
  }

  /** Runs a call to a back-office behind its circuit breaker. */
  private async guarded(
    conn: BackOfficeConnection,
    call: (adapter: ReturnType<BackOfficeAdapters['for']>) => Promise<unknown>,
  ): Promise<void> {
    const adapter = this.adapters.for(conn.type);
    const breaker = this.breakers.for(conn);
    const wait = breaker.acquire();
    if (wait > 0) {
      throw new BackOfficeError(
        `circuit open: ${conn.municipalityCode}'s back-office failed repeatedly`,
        true,
        null,
        wait,
      );
    }
    try {
      await call(adapter);
      breaker.success();
    } catch (error) {
      // Only outages open the circuit; a refused request, or one our own budget held back, says
      // nothing about the tool's health.
      if (error instanceof BackOfficeThrottled) breaker.release();
      else if (error instanceof BackOfficeError && error.retryable) breaker.failure();
      else breaker.success();
      throw error;
    }
  }

  private async call(
    task: SyncTaskRow,
    link: LinkRow,
    conn: BackOfficeConnection,
    adapter: ReturnType<BackOfficeAdapters['for']>,
    release: boolean,
  ): Promise<void> {
    if (task.operation === 'create') {
      // No look-up by reference on a first attempt: nothing can have created the case before.
      const ref = link.external_id
        ? {
            id: link.external_id,
            number: link.external_number ?? undefined,
            url: link.url ?? undefined,
            created: false,
          }
        : await adapter.createCase(conn, this.draft(await this.ticketOf(task), task.attempts <= 1));
      await this.workflow.linkExternalCase(this.ctx, task.ticket_id, {
        system: conn.type,
        id: ref.id,
        number: ref.number,
        url: ref.url,
        syncedAt: new Date().toISOString(),
      });
      Object.assign(link, { external_id: ref.id, external_number: ref.number ?? null, url: ref.url ?? null });
      const attachments = await this.sendAttachments(task, conn, adapter, ref);
      await this.tasks.finish(task, { externalCase: ref, ...attachments }, release);
      return;
    }
    if (!link.external_id) {
      throw new BackOfficeError(
        'the ticket has no case in the back-office (it predates the connection)',
        false,
      );
    }
    const ref = { id: link.external_id, number: link.external_number ?? undefined, created: false };
    if (task.operation === 'note') {
      const text = typeof task.payload.text === 'string' ? task.payload.text : '';
      await adapter.addNote(conn, ref, {
        text,
        visibility: task.payload.visibility === 'public' ? 'public' : 'internal',
      });
      await this.tasks.finish(task, { pushedNoteHash: noteHash(text) }, release);
    } else if (task.operation === 'reopen') {
      const reason = typeof task.payload.reason === 'string' ? task.payload.reason.trim() : '';
      const who = task.payload.by === 'citizen' ? 'de burger heeft het ticket heropend' : 'ticket heropend';
      const text = `Meldpunt: ${who}${reason ? `: ${reason}` : ''}`;
      if (adapter.reopenCase) await adapter.reopenCase(conn, ref, text);
      else await adapter.addNote(conn, ref, { text, visibility: 'internal' });
      await this.tasks.finish(task, { pushedNoteHash: noteHash(text) }, release);
    } else {
      const reason = typeof task.payload.reason === 'string' ? task.payload.reason : null;
      await adapter.setOnHold(conn, ref, { onHold: task.operation === 'hold', reason });
      await this.tasks.finish(task, {}, release);
    }
  }

  /**
   * The ticket's photos and documents go with its case, to the tools that take them (the adapter
   * skips the files the case has already, so a retried create sends none twice). A file the tool
   * refuses (too large, a type it does not take) is no reason to fail the case: it is on record in
   * the task; an outage is retried like the create.
   */
  private async sendAttachments(
    task: SyncTaskRow,
    conn: BackOfficeConnection,
    adapter: ReturnType<BackOfficeAdapters['for']>,
    ref: ExternalCase,
  ): Promise<{ attachmentsSent?: number; attachmentsRefused?: string }> {
    if (!adapter.addAttachments) return {};
    const files = await this.attachments.filesOf(task.ticket_id);
    if (!files.length) return {};
    try {
      return { attachmentsSent: await adapter.addAttachments(conn, ref, files) };
    } catch (error) {
      if (error instanceof BackOfficeError && !error.retryable) {
        this.logger.warn(`attachments of task ${task.id} refused by ${conn.type}: ${error.message}`);
        return { attachmentsRefused: error.message };
      }
      throw error;
    }
  }

  /**
   * The ticket as the case is made from. Not an audited staff read: the disclosure to the
   * back-office is on record as the ticket's `backoffice_linked` history event.
   */
  private async ticketOf(task: SyncTaskRow): Promise<TicketView> {
    const ticket = await this.tickets.getForBackground(this.ctx, task.ticket_id);
    if (!ticket) throw new BackOfficeError('the ticket no longer exists', false);
    return ticket;
  }

  private draft(t: TicketView, probablyNew: boolean): CaseDraft {
    return {
      ticketId: t.id,
      reference: t.reference,
      kind: t.kind,
      categoryCode: t.categoryCode,
      priority: t.priority,
      subject: t.subject,
      description: t.description,
      createdAt: t.createdAt,
      consoleUrl: `${this.config.publicBaseUrl}/console/?ticket=${t.id}`,
      location: t.location,
      caller: t.reporter ? { name: t.reporter.name, email: t.reporter.email, phone: t.reporter.phone } : null,
      probablyNew,
    };
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`back-office sync worker: ${error.message}`);
  }
}

function msUntil(time: Date | string | null): number {
  return time ? new Date(time).getTime() - Date.now() : 0;
}
