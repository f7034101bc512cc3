import type { BackOfficeConnection, CaseDraft } from '../../port/back-office-adapter';
import { briefDescription, incidentBody, lookup, requestText } from './incident-draft';
import { readTopdeskOptions } from './topdesk-options';
import { backOfficeConnection, caseDraft } from '../../../../../test/factories/back-office.factory';

const conn: BackOfficeConnection = backOfficeConnection('topdesk', 'https://kortrijk.topdesk.net/tas/api', {
  categoryMap: {
    wegen: {
      category: 'Openbaar domein',
      subcategory: 'Wegen',
      operatorGroup: '5c1e0d6a-1f2b-4c3d-9e8f-0a1b2c3d4e5f',
    },
    '*': { category: 'Dienstverlening' },
  },
});

const draft: CaseDraft = caseDraft({
  reference: 'ZWVL-2026-000042',
  categoryCode: 'wegen',
  subject: 'Put in de weg',
  description: 'Diepe put aan de bushalte.',
  consoleUrl: 'https://meldpunt.example/tickets/t1',
  location: { address: 'Grote Markt 1, Kortrijk', postcode: '8500', lat: 50.828, lon: 3.265 },
});

describe('TOPdesk incident body', () => {
  it('puts the caller, our reference and the classification where TOPdesk expects them', () => {
    expect(incidentBody(conn, draft, readTopdeskOptions(conn))).toEqual({
      caller: { dynamicName: 'An Peeters', email: 'an@example.be', phoneNumber: '+32470123456' },
      briefDescription: 'Put in de weg',
      request:
        'Diepe put aan de bushalte.\n\nLocatie: Grote Markt 1, Kortrijk, 8500 (50.828, 3.265)\n' +
        'Referentie: ZWVL-2026-000042\nMeldpunt: https://meldpunt.example/tickets/t1',
      externalNumber: 'ZWVL-2026-000042',
      category: { name: 'Openbaar domein' },
      subcategory: { name: 'Wegen' },
      operatorGroup: { id: '5c1e0d6a-1f2b-4c3d-9e8f-0a1b2c3d4e5f' },
    });
  });

  it('falls back to the * category, the default caller name and configured entry and call types', () => {
    const withTypes = {
      ...conn,
      options: { entryType: 'Meldpunt', callType: 'Melding', defaultCallerName: 'Stad Kortrijk' },
    };
    const anonymous = { ...draft, categoryCode: 'other', caller: null, location: null, consoleUrl: null };
    const body = incidentBody(withTypes, anonymous, readTopdeskOptions(withTypes));
    expect(body.caller).toEqual({ dynamicName: 'Stad Kortrijk' });
    expect(body.category).toEqual({ name: 'Dienstverlening' });
    expect(body.subcategory).toBeUndefined();
    expect(body.entryType).toEqual({ name: 'Meldpunt' });
    expect(body.callType).toEqual({ name: 'Melding' });
    expect(body.request).toBe('Diepe put aan de bushalte.\n\nReferentie: ZWVL-2026-000042');
    expect(incidentBody(conn, { ...draft, caller: null }, readTopdeskOptions(conn)).caller.dynamicName).toBe(
      'Meldpunt Zuid-West-Vlaanderen',
    );
  });

  it('cuts a long subject to 80 characters ending in an ellipsis, on one line', () => {
    const long = 'Lantaarnpaal '.repeat(10);
    const cut = briefDescription(long, 'ZWVL-1');
    expect(cut).toHaveLength(80);
    expect(cut.endsWith('…')).toBe(true);
    expect(briefDescription('a'.repeat(80), 'x')).toBe('a'.repeat(80));
    expect(briefDescription('  twee\nregels ', 'x')).toBe('twee regels');
    expect(briefDescription('   ', 'ZWVL-1')).toBe('ZWVL-1');
  });

  it('never splits an emoji in two', () => {
    const cut = briefDescription(`${'a'.repeat(78)}🚧🚧🚧`, 'x');
    expect(cut).toBe(`${'a'.repeat(78)}…`);
  });

  it('sends a uuid as id and anything else as name', () => {
    expect(lookup('Team wegen')).toEqual({ name: 'Team wegen' });
    expect(lookup(' 5C1E0D6A-1F2B-4C3D-9E8F-0A1B2C3D4E5F ')).toEqual({
      id: '5C1E0D6A-1F2B-4C3D-9E8F-0A1B2C3D4E5F',
    });
  });

  it('leaves out what the ticket does not have', () => {
    expect(
      requestText({ ...draft, description: '', location: { address: null, postcode: null, lat: 1, lon: 2 } }),
    ).toBe('Locatie: (1, 2)\nReferentie: ZWVL-2026-000042\nMeldpunt: https://meldpunt.example/tickets/t1');
  });
});
