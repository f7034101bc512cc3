-- One intake as the database sees it: the INSERT_WITHOUT_KEY statement of
-- libs/tickets/src/ticket.repository.ts (ticket + ticket_event + outbox_event in one statement,
-- number from ticket_number_seq, reference built in SQL, the whole ticket row returned).
-- Keep it in step with that file (and TICKET_COLUMNS in ticket-record.ts): run.js compares the
-- column lists with the source of the api it measures and refuses to run when they differ.
--
-- The column values come from bench_intake_body, which run.js fills from tickets the api itself
-- wrote in the same run (same descriptions, so the same to_tsvector and index work, and the
-- same SLA policy and due times); :i picks one at random. That primary-key lookup is the only
-- work the api's statement does not do.
-- Run by bench/intake/run.js: pgbench -n -M extended -D nbodies=N -f intake.pgbench.sql
\set i random(1, :nbodies)
WITH b AS (SELECT * FROM bench_intake_body WHERE i = :i),
  n AS (SELECT nextval('ticket_number_seq') AS number),
  t AS (
    INSERT INTO ticket (id, number, reference, kind, channel, category_code, subject, description,
      municipality_code, location_address, location_postcode, location_lat, location_lon,
      reporter_name, reporter_email, reporter_phone, reporter_language, reporter_consent, priority, status,
      sla_policy, response_due_at, resolution_due_at, response_warn_at, resolution_warn_at, team_id, team_name,
      created_at, updated_at)
    SELECT gen_random_uuid(), n.number, 'ZWVL-' || to_char(now() AT TIME ZONE 'Europe/Brussels', 'YYYY') || '-' ||
        CASE WHEN n.number < 1000000 THEN lpad(n.number::text, 6, '0') ELSE n.number::text END,
      b.kind, b.channel, b.category_code, b.subject, b.description,
      b.municipality_code, b.location_address, b.location_postcode, b.location_lat, b.location_lon,
      b.reporter_name, b.reporter_email, b.reporter_phone, b.reporter_language, b.reporter_consent, b.priority, 'new',
      b.sla_policy, b.response_due_at, b.resolution_due_at, b.response_warn_at, b.resolution_warn_at,
      r.team_id, r.team_name, now(), now()
    FROM n CROSS JOIN b LEFT JOIN (
      SELECT c.team_id, tm.name AS team_name, c.municipality_code, c.category_code
        FROM team_category c JOIN team tm ON tm.id = c.team_id) r
      ON r.municipality_code = b.municipality_code AND r.category_code = b.category_code
    RETURNING id, number, reference, kind, channel, category_code, subject, description,
      municipality_code, location_address, location_postcode, location_lat, location_lon,
      reporter_name, reporter_email, reporter_phone, reporter_language, reporter_consent,
      priority, status, cancel_reason, assignee_id, assignee_name, team_id, team_name, merged_into_id, merged_into_reference, claimed_by_id, claimed_by_name, version,
      response_due_at, resolution_due_at, responded_at, resolved_at, sla_paused,
      response_breached, resolution_breached, sla_policy, sla_version, sla_paused_at, response_warn_at,
      resolution_warn_at, response_remaining_ms, resolution_remaining_ms, response_warned, resolution_warned,
      external_refs, created_at, updated_at),
  e AS (
    INSERT INTO ticket_event (ticket_id, municipality_code, type, actor, data)
    SELECT t.id, t.municipality_code, 'created', (SELECT actor FROM b),
      jsonb_build_object('status', t.status, 'channel', t.channel, 'priority', t.priority)
    FROM t RETURNING id),
  o AS (
    INSERT INTO outbox_event (type, aggregate_id, municipality_code, payload)
    SELECT 'ticket.created', t.id, t.municipality_code,
      jsonb_build_object('ticketEventId', e.id::text, 'status', t.status)
    FROM t, e RETURNING id)
SELECT * FROM t;
