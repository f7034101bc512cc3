import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay is woken after commit by the writers (OutboxWake), no longer by a trigger whose NOTIFY
 * made every intake commit wait for PostgreSQL's notification-queue lock.
 */
export class OutboxWakeAfterCommit1796562895602 implements MigrationInterface {
  name = 'OutboxWakeAfterCommit1796562895602';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER outbox_event_notify ON outbox_event`);
    await queryRunner.query(`DROP FUNCTION notify_outbox_event()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_outbox_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_event', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
      FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox_event()`);
  }
}
