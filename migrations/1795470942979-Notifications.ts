import { MigrationInterface, QueryRunner } from 'typeorm';

/** Citizen notifications: e-mails and their outcome, private-link tokens (hashed), feedback, mail profiles. */
export class Notifications1795470942979 implements MigrationInterface {
  name = 'Notifications1795470942979';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "citizen_access_token" (
                "token_hash" character(64) NOT NULL,
                "ticket_id" uuid NOT NULL,
                "municipality_code" character varying(40) NOT NULL,
                "notification_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_6a5983447695a5d3eca68921d1b" PRIMARY KEY ("token_hash")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_citizen_access_token_ticket" ON "citizen_access_token" ("ticket_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "feedback" (
                "id" BIGSERIAL NOT NULL,
                "event_id" bigint NOT NULL,
                "ticket_id" uuid NOT NULL,
                "municipality_code" character varying(40) NOT NULL,
                "score" smallint NOT NULL,
                "comment" text,
                "given_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_8389f9e087a57689cd5be8b2b13" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_feedback_event" ON "feedback" ("event_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_feedback_municipality_given_at" ON "feedback" ("municipality_code", "given_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "mail_profile" (
                "municipality_code" character varying(40) NOT NULL,
                "display_name" jsonb,
                "sender_address" character varying(254),
                "signature" jsonb,
                "logo_url" character varying(500),
                "forwarded_mail" boolean,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d0b6f7f46ba5f1535b71af8dca9" PRIMARY KEY ("municipality_code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "notification" (
                "id" uuid NOT NULL,
                "ticket_id" uuid NOT NULL,
                "municipality_code" character varying(40) NOT NULL,
                "kind" character varying(20) NOT NULL,
                "event_id" bigint NOT NULL,
                "language" character varying(2),
                "recipient" character varying(254),
                "status" character varying(12) NOT NULL DEFAULT 'queued',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "manual_retries" integer NOT NULL DEFAULT '0',
                "message_id" character varying(300),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notification_failed" ON "notification" ("municipality_code", "updated_at")
            WHERE status = 'failed'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notification_key" ON "notification" ("ticket_id", "event_id", "kind")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."uq_notification_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_notification_failed"
        `);
    await queryRunner.query(`
            DROP TABLE "notification"
        `);
    await queryRunner.query(`
            DROP TABLE "mail_profile"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_feedback_municipality_given_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_feedback_event"
        `);
    await queryRunner.query(`
            DROP TABLE "feedback"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_citizen_access_token_ticket"
        `);
    await queryRunner.query(`
            DROP TABLE "citizen_access_token"
        `);
  }
}
