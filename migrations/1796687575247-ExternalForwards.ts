import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExternalForwards1796687575247 implements MigrationInterface {
  name = 'ExternalForwards1796687575247';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "forward_access_token" (
                "token_hash" character(64) NOT NULL,
                "forward_id" uuid NOT NULL,
                "notification_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_d024d41fa1e84d943ee1224c33b" PRIMARY KEY ("token_hash")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_forward_access_token_forward" ON "forward_access_token" ("forward_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "ticket_forward" (
                "id" uuid NOT NULL,
                "ticket_id" uuid NOT NULL,
                "municipality_code" character varying(40) NOT NULL,
                "party_name" character varying(120) NOT NULL,
                "party_email" character varying(254) NOT NULL,
                "question" text NOT NULL,
                "status" character varying(12) NOT NULL DEFAULT 'open',
                "answer_count" integer NOT NULL DEFAULT '0',
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "sent_by" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_888c17c154c8b80cdafcbfb1d62" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ticket_forward_ticket" ON "ticket_forward" ("ticket_id", "created_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_ticket_forward_ticket"
        `);
    await queryRunner.query(`
            DROP TABLE "ticket_forward"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_forward_access_token_forward"
        `);
    await queryRunner.query(`
            DROP TABLE "forward_access_token"
        `);
  }
}
