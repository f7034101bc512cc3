import type { Ticket } from '../api/contract';

const HOUR = 3_600_000;

/** A ticket as the api sends it, received an hour before `now`; override what a spec is about. */
export function ticketFixture(
  overrides: Partial<Ticket> = {},
  now = Date.parse('2026-11-24T10:00:00Z'),
): Ticket {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    reference: 'ZWVL-2026-000001',
    kind: 'report',
    channel: 'phone',
    categoryCode: 'public-lighting',
    subject: 'Straatlamp defect',
    description: 'De straatlamp voor nummer 12 brandt niet.',
    municipalityCode: 'kortrijk',
    location: { address: 'Kerkstraat 12', postcode: '8500', lat: null, lon: null },
    reporter: {
      name: 'An Peeters',
      email: 'an@example.be',
      phone: '+32470123456',
      language: 'nl',
      consent: true,
    },
    priority: 'P3',
    status: 'new',
    assignee: null,
    version: 1,
    createdAt: new Date(now - HOUR).toISOString(),
    updatedAt: new Date(now - HOUR).toISOString(),
    sla: {
      responseDueAt: new Date(now + 7 * HOUR).toISOString(),
      resolutionDueAt: new Date(now + 71 * HOUR).toISOString(),
      respondedAt: null,
      resolvedAt: null,
      paused: false,
      breached: { response: false, resolution: false },
    },
    ...overrides,
  };
}
