import { MigrationInterface, QueryRunner } from 'typeorm';

export class BackOfficeSync1795478162596 implements MigrationInterface {
  name = 'BackOfficeSync1795478162596';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "back_office_credential" (
                "municipality_code" character varying(40) NOT NULL,
                "sealed" text NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_731d324caeda654ea8900345fb6" PRIMARY KEY ("municipality_code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "back_office_cursor" (
                "municipality_code" character varying(40) NOT NULL,
                "system" character varying(20) NOT NULL,
                "cursor" text,
                "polled_at" TIMESTAMP WITH TIME ZONE,
                "last_success_at" TIMESTAMP WITH TIME ZONE,
                "last_error" text,
                "lease_until" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6aa76f37a15603fd58052776aae" PRIMARY KEY ("municipality_code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "back_office_link" (
                "ticket_id" uuid NOT NULL,
                "municipality_code" character varying(40) NOT NULL,
                "system" character varying(20) NOT NULL,
                "external_id" character varying(100),
                "external_number" character varying(100),
                "url" text,
                "synced_at" TIMESTAMP WITH TIME ZONE,
                "remote_state" jsonb,
                "seen_note_ids" text array NOT NULL DEFAULT '{}',
                "pushed_note_hashes" text array NOT NULL DEFAULT '{}',
                "lease_until" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_10a46ce9fbb11af7b56fdffa320" PRIMARY KEY ("ticket_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_back_office_link_external" ON "back_office_link" ("municipality_code", "system", "external_id")
            WHERE external_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "back_office_sync_task" (
                "id" BIGSERIAL NOT NULL,
                "ticket_id" uuid NOT NULL,
                "municipality_code" character varying(40) NOT NULL,
                "system" character varying(20) NOT NULL,
                "operation" character varying(20) NOT NULL,
                "payload" jsonb NOT NULL DEFAULT '{}',
                "source_event_id" bigint,
                "state" character varying(10) NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "settle_until" TIMESTAMP WITH TIME ZONE,
                "failed_at" TIMESTAMP WITH TIME ZONE,
                "done_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1b109fb11322c3bd033b0d55d1f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_back_office_sync_task_source" ON "back_office_sync_task" ("source_event_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_back_office_sync_task_failed" ON "back_office_sync_task" ("municipality_code", "failed_at")
            WHERE state = 'failed'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_back_office_sync_task_pending" ON "back_office_sync_task" ("municipality_code", "created_at")
            WHERE state = 'pending'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_back_office_sync_task_ticket" ON "back_office_sync_task" ("ticket_id", "id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_back_office_sync_task_ticket"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_back_office_sync_task_pending"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_back_office_sync_task_failed"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_back_office_sync_task_source"
        `);
    await queryRunner.query(`
            DROP TABLE "back_office_sync_task"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_back_office_link_external"
        `);
    await queryRunner.query(`
            DROP TABLE "back_office_link"
        `);
    await queryRunner.query(`
            DROP TABLE "back_office_cursor"
        `);
    await queryRunner.query(`
            DROP TABLE "back_office_credential"
        `);
  }
}
