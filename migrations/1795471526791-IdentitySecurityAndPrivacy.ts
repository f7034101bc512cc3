import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions and refresh tokens, API keys, webhook secrets and inbox, the append-only audit log
 * (with the trigger that records every ticket history event in it), and the ticket's
 * anonymisation mark for the retention job.
 */
export class IdentitySecurityAndPrivacy1795471526791 implements MigrationInterface {
  name = 'IdentitySecurityAndPrivacy1795471526791';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_key" ("id" uuid NOT NULL, "prefix" character varying(20) NOT NULL, "key_hash" character(64) NOT NULL, "municipality_code" character varying(40) NOT NULL, "name" character varying(100) NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_api_key_prefix" ON "api_key" ("prefix")`);
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor" jsonb NOT NULL, "action" character varying(60) NOT NULL, "ticket_ids" uuid array NOT NULL DEFAULT '{}', "municipality_codes" text array NOT NULL DEFAULT '{}', "details" jsonb NOT NULL DEFAULT '{}', "request_id" character varying(100), CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    // Not expressible in entity decorators: periods (BRIN: rows arrive in time order, cheap to keep
    // up on the intake's path), "who saw ticket X" (GIN on the array), "what did Y do".
    await queryRunner.query(`CREATE INDEX "ix_audit_event_at" ON "audit_event" USING brin ("at")`);
    await queryRunner.query(
      `CREATE INDEX "ix_audit_event_ticket_ids" ON "audit_event" USING gin ("ticket_ids")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_event_actor" ON "audit_event" ((actor->>'id'), "id")`);
    await queryRunner.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
    // Every ticket change is a history event written in the change's own transaction (the intake
    // in its single statement too): recording it here costs no round trip and no code path can
    // forget it. Only identifiers are copied; a citizen's name (their actor name) is not.
    await queryRunner.query(`
      CREATE FUNCTION audit_ticket_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_event (at, actor, action, ticket_ids, municipality_codes, details)
        VALUES (
          NEW.at,
          CASE WHEN NEW.actor->>'type' = 'citizen'
            THEN jsonb_build_object('type', 'citizen', 'id', NULL, 'name', 'citizen') ELSE NEW.actor END,
          'ticket.' || NEW.type,
          ARRAY[NEW.ticket_id],
          ARRAY[NEW.municipality_code::text],
          jsonb_build_object('eventId', NEW.id::text));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_ticket_change AFTER INSERT ON ticket_event
      FOR EACH ROW EXECUTE FUNCTION audit_ticket_change()`);
    await queryRunner.query(
      `CREATE TABLE "refresh_token" ("token_hash" character(64) NOT NULL, "session_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f0812282fad2e352cdaf83ef0a9" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_refresh_token_session" ON "refresh_token" ("session_id")`);
    await queryRunner.query(
      `CREATE TABLE "staff_session" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "method" character varying(10) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoke_reason" character varying(40), CONSTRAINT "PK_f6ff7fdf4bb47ace7981adbcdee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_staff_session_revoked_at" ON "staff_session" ("revoked_at") WHERE revoked_at IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_staff_session_user" ON "staff_session" ("user_id")`);
    await queryRunner.query(
      `CREATE TABLE "webhook_secret" ("municipality_code" character varying(40) NOT NULL, "secret" character varying(100) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, CONSTRAINT "PK_a7a2d8534b7b2db90547b5b0d81" PRIMARY KEY ("municipality_code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_delivery" ("id" uuid NOT NULL, "municipality_code" character varying(40) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "payload" jsonb NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_webhook_delivery_municipality_received" ON "webhook_delivery" ("municipality_code", "received_at")`,
    );
    await queryRunner.query(`ALTER TABLE "ticket" ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "ix_ticket_anonymisation_due" ON "ticket" ("created_at") WHERE anonymised_at IS NULL AND status IN ('closed', 'cancelled')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_ticket_anonymisation_due"`);
    await queryRunner.query(`ALTER TABLE "ticket" DROP COLUMN "anonymised_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_webhook_delivery_municipality_received"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
    await queryRunner.query(`DROP TABLE "webhook_secret"`);
    await queryRunner.query(`DROP INDEX "public"."ix_staff_session_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_staff_session_revoked_at"`);
    await queryRunner.query(`DROP TABLE "staff_session"`);
    await queryRunner.query(`DROP INDEX "public"."ix_refresh_token_session"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP TRIGGER audit_ticket_change ON ticket_event`);
    await queryRunner.query(`DROP FUNCTION audit_ticket_change()`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP FUNCTION audit_event_append_only()`);
    await queryRunner.query(`DROP INDEX "public"."uq_api_key_prefix"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
  }
}
