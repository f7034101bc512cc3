import { MigrationInterface, QueryRunner } from 'typeorm';

export class Teams1796677039734 implements MigrationInterface {
  name = 'Teams1796677039734';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "team" (
                "id" uuid NOT NULL,
                "municipality_code" character varying(40) NOT NULL,
                "name" character varying(80) NOT NULL,
                "email" character varying(254),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f57d8293406df4af348402e4b74" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_team_name" ON "team" ("municipality_code", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "team_member" (
                "team_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                CONSTRAINT "PK_34169355c6d1744228f5bb75549" PRIMARY KEY ("team_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_team_member_user" ON "team_member" ("user_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "ticket"
            ADD "team_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "ticket"
            ADD "team_name" character varying(80)
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ticket_team" ON "ticket" ("team_id")
            WHERE team_id IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_ticket_team"
        `);
    await queryRunner.query(`
            ALTER TABLE "ticket" DROP COLUMN "team_name"
        `);
    await queryRunner.query(`
            ALTER TABLE "ticket" DROP COLUMN "team_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_team_member_user"
        `);
    await queryRunner.query(`
            DROP TABLE "team_member"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_team_name"
        `);
    await queryRunner.query(`
            DROP TABLE "team"
        `);
  }
}
