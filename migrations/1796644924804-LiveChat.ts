import { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveChat1796644924804 implements MigrationInterface {
  name = 'LiveChat1796644924804';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "chat_session" (
                "id" uuid NOT NULL,
                "municipality_code" character varying(40) NOT NULL,
                "language" character varying(2) NOT NULL,
                "desk" character varying(10) NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'waiting',
                "citizen_name" character varying(200),
                "citizen_email" character varying(254),
                "token_hash" character(64) NOT NULL,
                "agent_id" uuid,
                "agent_name" character varying(200),
                "ticket_id" uuid,
                "ticket_reference" character varying(30),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "UQ_91a5f26ab534781db548bfc729a" UNIQUE ("token_hash"),
                CONSTRAINT "PK_9017c2ee500cd1ba895752a0aa7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_chat_session_open" ON "chat_session" ("status", "created_at")
            WHERE status <> 'ended'
        `);
    await queryRunner.query(`
            CREATE TABLE "chat_message" (
                "id" BIGSERIAL NOT NULL,
                "chat_id" uuid NOT NULL,
                "sender" character varying(10) NOT NULL,
                "author_name" character varying(200) NOT NULL,
                "body" text NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3cc0d85193aade457d3077dd06b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_chat_message_chat" ON "chat_message" ("chat_id", "id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_chat_message_chat"
        `);
    await queryRunner.query(`
            DROP TABLE "chat_message"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_chat_session_open"
        `);
    await queryRunner.query(`
            DROP TABLE "chat_session"
        `);
  }
}
