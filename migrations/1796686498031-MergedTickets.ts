import { MigrationInterface, QueryRunner } from 'typeorm';

export class MergedTickets1796686498031 implements MigrationInterface {
  name = 'MergedTickets1796686498031';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "ticket"
            ADD "merged_into_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "ticket"
            ADD "merged_into_reference" character varying(24)
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ticket_merged_into" ON "ticket" ("merged_into_id")
            WHERE merged_into_id IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_ticket_merged_into"
        `);
    await queryRunner.query(`
            ALTER TABLE "ticket" DROP COLUMN "merged_into_reference"
        `);
    await queryRunner.query(`
            ALTER TABLE "ticket" DROP COLUMN "merged_into_id"
        `);
  }
}
