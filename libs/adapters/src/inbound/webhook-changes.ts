import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { InvalidInputError, NotFoundError, toFieldErrors } from '@meldpunt/api-errors';
import { BackOfficeConnections } from '../connection/back-office-connections';
import { WebhookChangeDto } from '../dto/webhook-change.dto';
import { mapInboundStatus, type InboundStatus } from '../port/back-office-adapter';
import { BackOfficePollScheduler } from './back-office-poll-scheduler';
import { RemoteChangeApplier } from './remote-change-applier';

const OUR_STATUSES: Record<string, InboundStatus> = {
  in_progress: 'in_progress',
  resolved: 'resolved',
  closed: 'closed',
};

/**
 * What a signed webhook call does. From a polled tool it is a nudge: poll now (TOPdesk's
 * automated actions are configured by its admins and are no source of truth). From a generic
 * webhook tool it is the change itself, applied at once.
 */
@Injectable()
export class WebhookChanges {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly connections: BackOfficeConnections,
    private readonly applier: RemoteChangeApplier,
    private readonly polls: BackOfficePollScheduler,
  ) {}

  async handle(
    municipalityCode: string,
    body: unknown,
  ): Promise<'polled' | 'applied' | 'unchanged' | 'ignored'> {
    const conn = await this.connections.get(municipalityCode);
    if (!conn) return 'ignored';
    if (conn.type !== 'webhook') {
      await this.polls.nudge(municipalityCode);
      return 'polled';
    }
    const change = plainToInstance(WebhookChangeDto, body ?? {});
    const errors = await validate(change, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw new InvalidInputError(toFieldErrors(errors));
    const caseId = change.caseId ?? (await this.caseIdOf(municipalityCode, change.reference!));
    const status = change.status
      ? (mapInboundStatus(conn, [change.status], OUR_STATUSES) ??
        invalid(
          'status',
          `status '${change.status}' is not in the statusMap nor one of in_progress, resolved, closed`,
        ))
      : null;
    const outcome = await this.applier.apply(conn, {
      externalId: caseId,
      reference: change.reference ?? null,
      remoteStatus: change.status ?? '',
      status,
      closingText: change.closingText ?? null,
      notes: change.note
        ? [
            {
              id: change.note.id,
              text: change.note.text,
              author: change.note.author ?? null,
              at: change.changedAt ?? '',
              public: false,
            },
          ]
        : [],
      modifiedAt: change.changedAt ?? new Date().toISOString(),
    });
    if (outcome === 'unknown-case') throw new NotFoundError('Case', caseId);
    return outcome;
  }

  private async caseIdOf(municipalityCode: string, reference: string): Promise<string> {
    const [row] = await this.dataSource.query<{ external_id: string | null }[]>(
      `SELECT l.external_id FROM back_office_link l JOIN ticket t ON t.id = l.ticket_id
        WHERE t.reference = upper($1) AND l.municipality_code = $2`,
      [reference, municipalityCode],
    );
    if (!row?.external_id) throw new NotFoundError('Case', reference);
    return row.external_id;
  }
}

function invalid(field: string, message: string): never {
  throw new InvalidInputError([{ field, rule: 'isKnownStatus', message }]);
}
