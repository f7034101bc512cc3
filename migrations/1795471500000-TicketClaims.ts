import { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketClaims1795471500000 implements MigrationInterface {
  name = 'TicketClaims1795471500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ticket" ADD "claimed_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD "claimed_by_name" character varying(200)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "claimed_by_name"`);
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "claimed_by_id"`);
  }
}
