import type { Priority, TicketKind } from '@meldpunt/municipalities';
import type { PolicySnapshot } from '@meldpunt/sla';
import type { Channel, ExternalRef } from './entities/ticket.entity';
import type { CancelReason, TicketStatus } from './ticket-lifecycle';

/** A ticket row as read with SQL (snake_case columns). */
export interface TicketRow {
  id: string;
  number: string;
  reference: string;
  kind: TicketKind;
  channel: Channel;
  category_code: string;
  subject: string;
  description: string;
  municipality_code: string;
  location_address: string | null;
  location_postcode: string | null;
  location_lat: number | null;
  location_lon: number | null;
  reporter_name: string | null;
  reporter_email: string | null;
  reporter_phone: string | null;
  reporter_language: 'nl' | 'fr' | 'en' | null;
  reporter_consent: boolean;
  priority: Priority;
  status: TicketStatus;
  cancel_reason: CancelReason | null;
  assignee_id: string | null;
  assignee_name: string | null;
  team_id: string | null;
  team_name: string | null;
  merged_into_id: string | null;
  merged_into_reference: string | null;
  claimed_by_id: string | null;
  claimed_by_name: string | null;
  version: number;
  response_due_at: Date | null;
  resolution_due_at: Date | null;
  responded_at: Date | null;
  resolved_at: Date | null;
  sla_paused: boolean;
  response_breached: boolean;
  resolution_breached: boolean;
  sla_policy: PolicySnapshot | null;
  sla_version: number;
  sla_paused_at: Date | null;
  response_warn_at: Date | null;
  resolution_warn_at: Date | null;
  response_remaining_ms: string | null;
  resolution_remaining_ms: string | null;
  response_warned: boolean;
  resolution_warned: boolean;
  external_refs: ExternalRef[];
  created_at: Date;
  updated_at: Date;
}

/** Every column but the search vector, for SELECT and RETURNING. */
export const TICKET_COLUMNS = `id, number, reference, kind, channel, category_code, subject, description,
  municipality_code, location_address, location_postcode, location_lat, location_lon,
  reporter_name, reporter_email, reporter_phone, reporter_language, reporter_consent,
  priority, status, cancel_reason, assignee_id, assignee_name, team_id, team_name, merged_into_id, merged_into_reference, claimed_by_id, claimed_by_name, version,
  response_due_at, resolution_due_at, responded_at, resolved_at, sla_paused,
  response_breached, resolution_breached, sla_policy, sla_version, sla_paused_at, response_warn_at,
  resolution_warn_at, response_remaining_ms, resolution_remaining_ms, response_warned, resolution_warned,
  external_refs, created_at, updated_at`;
