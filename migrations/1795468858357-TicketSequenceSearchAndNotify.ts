import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What TypeORM cannot express in entities: the sequence behind ticket numbers and references,
 * the GIN index for Dutch full-text search, and the trigger that wakes the outbox relay.
 */
export class TicketSequenceSearchAndNotify1795468858357 implements MigrationInterface {
  name = 'TicketSequenceSearchAndNotify1795468858357';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE ticket_number_seq AS bigint START 1`);
    await queryRunner.query(`CREATE INDEX ix_ticket_search ON ticket USING gin (search_vector)`);
    // One NOTIFY per statement (not per row), and PostgreSQL folds repeats within a transaction.
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

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER outbox_event_notify ON outbox_event`);
    await queryRunner.query(`DROP FUNCTION notify_outbox_event()`);
    await queryRunner.query(`DROP INDEX ix_ticket_search`);
    await queryRunner.query(`DROP SEQUENCE ticket_number_seq`);
  }
}
