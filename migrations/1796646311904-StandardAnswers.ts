import { MigrationInterface, QueryRunner } from 'typeorm';

export class StandardAnswers1796646311904 implements MigrationInterface {
  name = 'StandardAnswers1796646311904';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "standard_answer" (
                "id" uuid NOT NULL,
                "municipality_code" character varying(40),
                "category_code" character varying(60),
                "status" character varying(30),
                "title" character varying(120) NOT NULL,
                "body" jsonb NOT NULL,
                "updated_by" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_0f8ccfa4f2263752ea67b93aca4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_standard_answer_scope" ON "standard_answer" ("municipality_code", "category_code")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_standard_answer_scope"
        `);
    await queryRunner.query(`
            DROP TABLE "standard_answer"
        `);
  }
}
