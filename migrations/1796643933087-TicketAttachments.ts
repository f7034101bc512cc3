import { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketAttachments1796643933087 implements MigrationInterface {
  name = 'TicketAttachments1796643933087';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "ticket_attachment" (
                "id" uuid NOT NULL,
                "ticket_id" uuid NOT NULL,
                "municipality_code" character varying(40) NOT NULL,
                "filename" character varying(200) NOT NULL,
                "content_type" character varying(60) NOT NULL,
                "size" integer NOT NULL,
                "sha256" character(64) NOT NULL,
                "content" bytea NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9e42f5e88dde164f4fcf213c592" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ticket_attachment_ticket" ON "ticket_attachment" ("ticket_id", "created_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_ticket_attachment_ticket"
        `);
    await queryRunner.query(`
            DROP TABLE "ticket_attachment"
        `);
  }
}
