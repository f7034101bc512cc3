import { MigrationInterface, QueryRunner } from 'typeorm';

export class TeamRouting1796692245410 implements MigrationInterface {
  name = 'TeamRouting1796692245410';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "team_category" (
                "municipality_code" character varying(40) NOT NULL,
                "category_code" character varying(60) NOT NULL,
                "team_id" uuid NOT NULL,
                CONSTRAINT "PK_dba0122a36eb6cf5daafe5ee306" PRIMARY KEY ("municipality_code", "category_code")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_team_category_team" ON "team_category" ("team_id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_team_category_team"
        `);
    await queryRunner.query(`
            DROP TABLE "team_category"
        `);
  }
}
