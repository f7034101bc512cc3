import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@meldpunt/config';
import { mailKey, ourNotificationIds, referenceInSubject } from './mail-thread';

export interface MailThread {
  ticketId: string;
  municipalityCode: string;
  /** How the mail was matched to its ticket (kept in logs, never the addresses). */
  by: 'our-message-id' | 'earlier-mail' | 'subject-reference';
}

/**
 * The ticket a mail answers. In order of trust: a Message-ID of one of our mails in In-Reply-To or
 * References (it holds the notification's random id, so only who received that mail knows it); a
 * Message-ID of the citizen's own earlier mail that became a ticket; the ticket reference in the
 * subject, only when the mail comes from the ticket's reporter (references are sequential).
 */
@Injectable()
export class MailThreads {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async find(messageIds: string[], subject: string | undefined, sender: string): Promise<MailThread | null> {
    const notificationIds = ourNotificationIds(messageIds, this.config.mailFromDomain);
    if (notificationIds.length) {
      const rows = await this.dataSource.query<{ ticket_id: string; municipality_code: string }[]>(
        `SELECT n.ticket_id, t.municipality_code
           FROM unnest($1::uuid[]) WITH ORDINALITY AS wanted(id, position)
           JOIN notification n ON n.id = wanted.id
           JOIN ticket t ON t.id = n.ticket_id
          ORDER BY wanted.position LIMIT 1`,
        [notificationIds],
      );
      if (rows[0]) return thread(rows[0], 'our-message-id');
    }
    if (messageIds.length) {
      const keys = messageIds.map((id) => mailKey(id, Buffer.alloc(0)));
      const rows = await this.dataSource.query<{ ticket_id: string; municipality_code: string }[]>(
        `SELECT k.ticket_id, t.municipality_code
           FROM unnest($1::text[]) WITH ORDINALITY AS wanted(key, position)
           JOIN idempotency_key k ON k.owner = 'citizen' AND k.key = wanted.key
           JOIN ticket t ON t.id = k.ticket_id
          ORDER BY wanted.position LIMIT 1`,
        [keys],
      );
      if (rows[0]) return thread(rows[0], 'earlier-mail');
    }
    const reference = referenceInSubject(subject);
    if (reference) {
      const rows = await this.dataSource.query<{ ticket_id: string; municipality_code: string }[]>(
        'SELECT id AS ticket_id, municipality_code FROM ticket WHERE reference = $1 AND reporter_email = $2',
        [reference, sender.toLowerCase()],
      );
      if (rows[0]) return thread(rows[0], 'subject-reference');
    }
    return null;
  }

  /** The reference of the ticket a mail (by its key) became, if it did. */
  async ticketOf(key: string): Promise<string | null> {
    const rows = await this.dataSource.query<{ reference: string }[]>(
      `SELECT t.reference FROM idempotency_key k JOIN ticket t ON t.id = k.ticket_id
        WHERE k.owner = 'citizen' AND k.key = $1`,
      [key],
    );
    return rows[0]?.reference ?? null;
  }
}

function thread(row: { ticket_id: string; municipality_code: string }, by: MailThread['by']): MailThread {
  return { ticketId: row.ticket_id, municipalityCode: row.municipality_code, by };
}
