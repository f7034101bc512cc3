import { MigrationInterface, QueryRunner } from 'typeorm';

export class EscalationEmail1795472260323 implements MigrationInterface {
  name = 'EscalationEmail1795472260323';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mail_profile" ADD "escalation_email" character varying(254)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mail_profile" DROP COLUMN "escalation_email"`);
  }
}
