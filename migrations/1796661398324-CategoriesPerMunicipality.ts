import { MigrationInterface, QueryRunner } from 'typeorm';

export class CategoriesPerMunicipality1796661398324 implements MigrationInterface {
  name = 'CategoriesPerMunicipality1796661398324';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "municipality_category" (
                "municipality_code" character varying(40) NOT NULL,
                "category_code" character varying(60) NOT NULL,
                "enabled" boolean NOT NULL DEFAULT true,
                "name" jsonb,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e1374b1b7be5565b9f4a2aa221d" PRIMARY KEY ("municipality_code", "category_code")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "category"
            ADD "municipality_code" character varying(40)
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_70eb2917ecbb6d45df74ffb7d2" ON "category" ("municipality_code")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_70eb2917ecbb6d45df74ffb7d2"
        `);
    await queryRunner.query(`
            ALTER TABLE "category" DROP COLUMN "municipality_code"
        `);
    await queryRunner.query(`
            DROP TABLE "municipality_category"
        `);
  }
}
