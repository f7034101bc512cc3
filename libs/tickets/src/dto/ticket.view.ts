import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TicketRow } from '../ticket-record';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export class TicketSlaView {
  @ApiProperty({ nullable: true, type: String }) responseDueAt: string | null;
  @ApiProperty({ nullable: true, type: String }) resolutionDueAt: string | null;
  @ApiProperty({ nullable: true, type: String }) respondedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty() paused: boolean;
  @ApiProperty({ example: { response: false, resolution: false } }) breached: {
    response: boolean;
    resolution: boolean;
  };
}

/** The contract's ticket. Times are ISO 8601 in UTC (`Z` is the zero offset). */
export class TicketView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ZWVL-2026-000042' }) reference: string;
  @ApiProperty({ enum: ['question', 'report', 'complaint'] }) kind: string;
  @ApiProperty({ enum: ['phone', 'email', 'web', 'chat', 'counter', 'app', 'open311'] }) channel: string;
  @ApiProperty() categoryCode: string;
  @ApiProperty() subject: string;
  @ApiProperty() description: string;
  @ApiProperty() municipalityCode: string;
  @ApiProperty({
    nullable: true,
    example: { address: 'Grote Markt 54', postcode: '8500', lat: 50.8279, lon: 3.2649 },
  })
  location: {
    address: string | null;
    postcode: string | null;
    lat: number | null;
    lon: number | null;
  } | null;
  @ApiProperty({
    nullable: true,
    example: {
      name: 'An Peeters',
      email: 'an@example.be',
      phone: '+32470123456',
      language: 'nl',
      consent: true,
    },
  })
  reporter: {
    name: string | null;
    email: string | null;
    phone: string | null;
    language: string | null;
    consent: boolean;
  } | null;
  @ApiProperty({ enum: ['P1', 'P2', 'P3', 'P4'] }) priority: string;
  @ApiProperty({ enum: ['new', 'in_progress', 'waiting_for_citizen', 'resolved', 'closed', 'cancelled'] })
  status: string;
  @ApiPropertyOptional({ nullable: true, enum: ['duplicate', 'not_for_us', 'spam'] }) cancelReason:
    string | null;
  @ApiProperty({ nullable: true, example: { id: '7f1c...', name: 'Els Vandenberghe' } }) assignee: {
    id: string;
    name: string | null;
  } | null;
  @ApiProperty({
    nullable: true,
    example: { id: '3b0e...', name: 'Team wegen' },
    description: "Extension: the municipality's team the ticket is with",
  })
  team: { id: string; name: string | null } | null;
  @ApiProperty({
    nullable: true,
    example: null,
    description:
      'Extension: the ticket this one was merged into as a duplicate (this one is cancelled, its reporter hears of the resolution of that one)',
  })
  mergedInto: { id: string; reference: string | null } | null;
  @ApiProperty({ nullable: true, description: 'Extension: the agent handling it in the console right now' })
  claimedBy: { id: string; name: string | null } | null;
  @ApiProperty({ description: 'Increases with every change' }) version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: TicketSlaView }) sla: TicketSlaView;
  @ApiProperty({ example: [] }) externalRefs: {
    system: string;
    id: string;
    number?: string;
    url?: string;
    syncedAt: string;
  }[];

  static of(row: TicketRow): TicketView {
    const hasLocation =
      row.location_address !== null || row.location_postcode !== null || row.location_lat !== null;
    const hasReporter =
      row.reporter_name !== null || row.reporter_email !== null || row.reporter_phone !== null;
    return {
      id: row.id,
      reference: row.reference,
      kind: row.kind,
      channel: row.channel,
      categoryCode: row.category_code,
      subject: row.subject,
      description: row.description,
      municipalityCode: row.municipality_code,
      location: hasLocation
        ? {
            address: row.location_address,
            postcode: row.location_postcode,
            lat: row.location_lat,
            lon: row.location_lon,
          }
        : null,
      reporter: hasReporter
        ? {
            name: row.reporter_name,
            email: row.reporter_email,
            phone: row.reporter_phone,
            language: row.reporter_language,
            consent: row.reporter_consent,
          }
        : null,
      priority: row.priority,
      status: row.status,
      cancelReason: row.cancel_reason,
      assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name } : null,
      team: row.team_id ? { id: row.team_id, name: row.team_name } : null,
      mergedInto: row.merged_into_id
        ? { id: row.merged_into_id, reference: row.merged_into_reference }
        : null,
      claimedBy: row.claimed_by_id ? { id: row.claimed_by_id, name: row.claimed_by_name } : null,
      version: row.version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      sla: {
        responseDueAt: iso(row.response_due_at),
        resolutionDueAt: iso(row.resolution_due_at),
        respondedAt: iso(row.responded_at),
        resolvedAt: iso(row.resolved_at),
        paused: row.sla_paused,
        breached: { response: row.response_breached, resolution: row.resolution_breached },
      },
      externalRefs: row.external_refs,
    };
  }
}

export class TicketPageView {
  @ApiProperty({ type: [TicketView] }) items: TicketView[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as cursor for the next page; null on the last page',
  })
  nextCursor: string | null;
}

export class TicketEventView {
  @ApiProperty({ description: 'Global event id (increasing)' }) id: string;
  @ApiProperty({ example: 'status_changed' }) type: string;
  @ApiProperty() at: string;
  @ApiProperty({ example: { type: 'user', id: '...', name: 'Els Vandenberghe' } }) actor: {
    type: string;
    id: string | null;
    name: string;
  };
  @ApiProperty({ example: { from: 'new', to: 'in_progress' } }) data: Record<string, unknown>;
}
