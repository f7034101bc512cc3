import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795468858356 implements MigrationInterface {
  name = 'Initial1795468858356';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // TypeORM records generated columns per database name; the generator wrote the name of the
    // database it ran against, so use the database being migrated instead.
    const [{ db }] = await queryRunner.query(`SELECT current_database() AS db`);
    await queryRunner.query(`
            CREATE TABLE "staff_user" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "name" character varying(200) NOT NULL,
                "password_hash" character varying(300) NOT NULL,
                "roles" text array NOT NULL DEFAULT '{}',
                "municipalities" text array NOT NULL DEFAULT '{}',
                "active" boolean NOT NULL DEFAULT true,
                "failed_logins" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cec9365d9fc3a3409158b645f2e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_staff_user_email" ON "staff_user" ("email")
        `);
    await queryRunner.query(`
            CREATE TABLE "municipality" (
                "code" character varying(40) NOT NULL,
                "nis_code" character varying(5) NOT NULL,
                "name" character varying(100) NOT NULL,
                "postcodes" text array NOT NULL,
                "languages" text array NOT NULL,
                "timezone" character varying(64) NOT NULL DEFAULT 'Europe/Brussels',
                "opening_hours" jsonb NOT NULL,
                "closed_dates" text array NOT NULL DEFAULT '{}',
                "bounding_box" jsonb,
                "back_office" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f01eb47e7b81481ca5a146a786d" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "category" (
                "code" character varying(60) NOT NULL,
                "name" jsonb NOT NULL,
                "kinds" text array NOT NULL,
                "default_priority" character varying(2) NOT NULL DEFAULT 'P3',
                "sort_order" integer NOT NULL DEFAULT '100',
                "active" boolean NOT NULL DEFAULT true,
                CONSTRAINT "PK_652a15c02538138f021f1320de8" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox_event" (
                "id" BIGSERIAL NOT NULL,
                "type" character varying(60) NOT NULL,
                "aggregate_id" uuid NOT NULL,
                "municipality_code" character varying(40),
                "payload" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "published_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outbox_event_unpublished" ON "outbox_event" ("id")
            WHERE published_at IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "consumed_event" (
                "consumer" character varying(60) NOT NULL,
                "event_id" bigint NOT NULL,
                "consumed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b9089791c516add71161e5bd2b7" PRIMARY KEY ("consumer", "event_id")
            )
        `);
    await queryRunner.query(
      `
            INSERT INTO "typeorm_metadata"(
                    "database",
                    "schema",
                    "table",
                    "type",
                    "name",
                    "value"
                )
            VALUES ($1, $2, $3, $4, $5, $6)
        `,
      [
        db,
        'public',
        'ticket',
        'GENERATED_COLUMN',
        'search_vector',
        "to_tsvector('dutch', coalesce(subject, '') || ' ' || description)",
      ],
    );
    await queryRunner.query(`
            CREATE TABLE "ticket" (
                "id" uuid NOT NULL,
                "number" bigint NOT NULL,
                "reference" character varying(24) NOT NULL,
                "kind" character varying(12) NOT NULL,
                "channel" character varying(12) NOT NULL,
                "category_code" character varying(60) NOT NULL,
                "subject" character varying(200) NOT NULL,
                "description" text NOT NULL,
                "municipality_code" character varying(40) NOT NULL,
                "location_address" character varying(300),
                "location_postcode" character varying(10),
                "location_lat" double precision,
                "location_lon" double precision,
                "reporter_name" character varying(200),
                "reporter_email" character varying(254),
                "reporter_phone" character varying(20),
                "reporter_language" character varying(2),
                "reporter_consent" boolean NOT NULL DEFAULT false,
                "priority" character varying(2) NOT NULL,
                "status" character varying(24) NOT NULL DEFAULT 'new',
                "cancel_reason" character varying(20),
                "assignee_id" uuid,
                "assignee_name" character varying(200),
                "version" integer NOT NULL DEFAULT '1',
                "response_due_at" TIMESTAMP WITH TIME ZONE,
                "resolution_due_at" TIMESTAMP WITH TIME ZONE,
                "responded_at" TIMESTAMP WITH TIME ZONE,
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "sla_paused" boolean NOT NULL DEFAULT false,
                "response_breached" boolean NOT NULL DEFAULT false,
                "resolution_breached" boolean NOT NULL DEFAULT false,
                "external_refs" jsonb NOT NULL DEFAULT '[]',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "search_vector" tsvector GENERATED ALWAYS AS (
                    to_tsvector(
                        'dutch',
                        coalesce(subject, '') || ' ' || description
                    )
                ) STORED NOT NULL,
                CONSTRAINT "PK_d9a0835407701eb86f874474b7c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_ticket_number" ON "ticket" ("number")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_ticket_reference" ON "ticket" ("reference")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ticket_reporter_phone" ON "ticket" ("reporter_phone")
            WHERE reporter_phone IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ticket_reporter_email" ON "ticket" ("reporter_email")
            WHERE reporter_email IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ticket_category_number" ON "ticket" ("category_code", "number")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ticket_municipality_number" ON "ticket" ("municipality_code", "number")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ticket_municipality_status_number" ON "ticket" ("municipality_code", "status", "number")
        `);
    await queryRunner.query(`
            CREATE TABLE "ticket_event" (
                "id" BIGSERIAL NOT NULL,
                "ticket_id" uuid NOT NULL,
                "municipality_code" character varying(40) NOT NULL,
                "type" character varying(40) NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor" jsonb NOT NULL,
                "data" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_902a22d2110174b48925314c875" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ticket_event_ticket" ON "ticket_event" ("ticket_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "idempotency_key" (
                "owner" character varying(80) NOT NULL,
                "key" character varying(200) NOT NULL,
                "body_hash" character(64) NOT NULL,
                "ticket_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c6ecefc6418fb8eb99049508be4" PRIMARY KEY ("owner", "key")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const [{ db }] = await queryRunner.query(`SELECT current_database() AS db`);
    await queryRunner.query(`
            DROP TABLE "idempotency_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ticket_event_ticket"
        `);
    await queryRunner.query(`
            DROP TABLE "ticket_event"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ticket_municipality_status_number"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ticket_municipality_number"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ticket_category_number"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ticket_reporter_email"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ticket_reporter_phone"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_ticket_reference"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_ticket_number"
        `);
    await queryRunner.query(`
            DROP TABLE "ticket"
        `);
    await queryRunner.query(
      `
            DELETE FROM "typeorm_metadata"
            WHERE "type" = $1
                AND "name" = $2
                AND "database" = $3
                AND "schema" = $4
                AND "table" = $5
        `,
      ['GENERATED_COLUMN', 'search_vector', db, 'public', 'ticket'],
    );
    await queryRunner.query(`
            DROP TABLE "consumed_event"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_event_unpublished"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_event"
        `);
    await queryRunner.query(`
            DROP TABLE "category"
        `);
    await queryRunner.query(`
            DROP TABLE "municipality"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_staff_user_email"
        `);
    await queryRunner.query(`
            DROP TABLE "staff_user"
        `);
  }
}
