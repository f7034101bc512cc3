import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sending lease of an e-mail, and the index the mail reconciler reads unsettled e-mails by. */
export class NotificationSendingLease1796509975756 implements MigrationInterface {
  name = 'NotificationSendingLease1796509975756';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD "sending_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`
            CREATE INDEX "ix_notification_unsettled" ON "notification" ("updated_at")
            WHERE status IN ('queued', 'retrying')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_notification_unsettled"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "sending_until"`);
  }
}
