import { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaClocks1795470300009 implements MigrationInterface {
  name = 'SlaClocks1795470300009';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sla_policy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_code" character varying(40), "category_code" character varying(60), "priority" character varying(2), "kind" character varying(12), "response_target" jsonb NOT NULL, "resolution_target" jsonb NOT NULL, "warn_at_percent" integer NOT NULL DEFAULT '75', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_19c1aa9dd53b9fc80648ae034b4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "ticket" ADD "sla_policy" jsonb`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD "sla_version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD "sla_paused_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD "response_warn_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD "resolution_warn_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD "response_remaining_ms" bigint`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD "resolution_remaining_ms" bigint`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD "response_warned" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "ticket" ADD "resolution_warned" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE INDEX "ix_ticket_running_clocks" ON "ticket"  ("id") WHERE status IN ('new', 'in_progress') AND NOT sla_paused`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_ticket_running_clocks"`);
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "resolution_warned"`);
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "response_warned"`);
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "resolution_remaining_ms"`);
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "response_remaining_ms"`);
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "resolution_warn_at"`);
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "response_warn_at"`);
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "sla_paused_at"`);
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "sla_version"`);
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "sla_policy"`);
    await queryRunner.query(`DROP TABLE "sla_policy"`);
  }
}
