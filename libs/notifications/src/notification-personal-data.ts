import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataHolders, PrivacyModule } from '@meldpunt/privacy';

/**
 * What notifications hold about a reporter (the addresses mails went to, SMTP answers that may
 * quote them, feedback comments, the private links) joins the GDPR export, erasure and retention.
 * Scores, kinds, dates and statuses stay: they are the statistics.
 */
@Injectable()
export class NotificationPersonalData implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly holders: PersonalDataHolders,
  ) {}

  onModuleInit(): void {
    this.holders.register({
      name: 'notifications',
      export: async (ticketIds) => ({
        mails: await this.dataSource.query(
          `SELECT ticket_id AS "ticketId", kind, language, recipient, status, sent_at AS "sentAt", last_error AS "lastError"
             FROM notification WHERE ticket_id = ANY($1::uuid[]) ORDER BY created_at`,
          [ticketIds],
        ),
        feedback: await this.dataSource.query(
          `SELECT ticket_id AS "ticketId", score, comment, given_at AS "givenAt" FROM feedback WHERE ticket_id = ANY($1::uuid[]) ORDER BY id`,
          [ticketIds],
        ),
      }),
      anonymise: async (ticketIds) => {
        await this.dataSource.transaction(async (manager) => {
          await manager.query(
            'UPDATE notification SET recipient = NULL, last_error = NULL WHERE ticket_id = ANY($1::uuid[])',
            [ticketIds],
          );
          await manager.query('UPDATE feedback SET comment = NULL WHERE ticket_id = ANY($1::uuid[])', [
            ticketIds,
          ]);
          await manager.query('DELETE FROM citizen_access_token WHERE ticket_id = ANY($1::uuid[])', [
            ticketIds,
          ]);
        });
      },
    });
  }
}

/** Imported by the api and the worker side; a module instance registers the holder once. */
@Module({ imports: [PrivacyModule], providers: [NotificationPersonalData] })
export class NotificationPrivacyModule {}
