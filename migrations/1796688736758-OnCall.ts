import { MigrationInterface, QueryRunner } from 'typeorm';

export class OnCall1796688736758 implements MigrationInterface {
  name = 'OnCall1796688736758';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "on_call_page" (
                "id" uuid NOT NULL,
                "ticket_id" uuid NOT NULL,
                "municipality_code" character varying(40) NOT NULL,
                "step" integer NOT NULL,
                "shift_id" uuid,
                "user_id" uuid,
                "user_name" character varying(200),
                "channels" jsonb NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'paged',
                "paged_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                "escalate_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "acknowledged_at" TIMESTAMP WITH TIME ZONE,
                "acknowledged_by" character varying(200),
                CONSTRAINT "PK_3475f28bd6f91701b290bcbfbb9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_on_call_page_due" ON "on_call_page" ("escalate_at")
            WHERE status = 'paged'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_on_call_page_step" ON "on_call_page" ("ticket_id", "step")
        `);
    await queryRunner.query(`
            CREATE TABLE "on_call_shift" (
                "id" uuid NOT NULL,
                "municipality_code" character varying(40) NOT NULL,
                "user_id" uuid NOT NULL,
                "user_name" character varying(200) NOT NULL,
                "email" character varying(254) NOT NULL,
                "phone" character varying(20),
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "position" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b22fee7ce9f257aa01218fab86e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_on_call_shift_when" ON "on_call_shift" ("municipality_code", "starts_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_on_call_shift_when"
        `);
    await queryRunner.query(`
            DROP TABLE "on_call_shift"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_on_call_page_step"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_on_call_page_due"
        `);
    await queryRunner.query(`
            DROP TABLE "on_call_page"
        `);
  }
}
