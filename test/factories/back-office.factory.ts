import type {
  BackOfficeConnection,
  BackOfficeType,
  CaseDraft,
} from '../../libs/adapters/src/port/back-office-adapter';

/** The simulators' default credentials (apps/backoffice-sim), per tool. */
export const SIM_CREDENTIALS: Record<BackOfficeType, Record<string, string>> = {
  topdesk: { username: 'meldpunt', password: 'sim-app-password' },
  ultimo: { apiKey: 'sim-ultimo-key', applicationElementId: 'b1a6d3b2-0000-4000-8000-000000000001' },
  '3p': { token: 'sim-3p-token' },
  webhook: { secret: 'sim-webhook-secret' },
};

/** A connection to a tool (by default the simulator's credentials); override what the test is about. */
export function backOfficeConnection(
  type: BackOfficeType,
  baseUrl: string,
  over: Partial<BackOfficeConnection> = {},
): BackOfficeConnection {
  return {
    municipalityCode: 'kortrijk',
    type,
    baseUrl,
    credentials: SIM_CREDENTIALS[type],
    categoryMap: {},
    statusMap: {},
    options: {},
    timeoutMs: 2000,
    ...over,
  };
}

let sequence = 0;

/** A case as the sync engine drafts it from a ticket, with a fresh reference each time. */
export function caseDraft(over: Partial<CaseDraft> = {}): CaseDraft {
  sequence++;
  return {
    ticketId: `ticket-${sequence}`,
    reference: `ZWVL-2026-${String(900000 + sequence).padStart(6, '0')}`,
    kind: 'report',
    categoryCode: 'roads-pavements',
    priority: 'P3',
    subject: 'Put in het fietspad',
    description: 'Diepe put vlak na de bushalte.',
    createdAt: '2026-03-09T15:33:51.000Z',
    consoleUrl: `https://meldpunt.example/console/?ticket=ticket-${sequence}`,
    location: { address: 'Doorniksewijk 12', postcode: '8500', lat: 50.82, lon: 3.26 },
    caller: { name: 'An Peeters', email: 'an@example.be', phone: '+32470123456' },
    ...over,
  };
}
