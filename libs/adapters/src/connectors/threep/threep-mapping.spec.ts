import type { BackOfficeConnection, CaseDraft } from '../../port/back-office-adapter';
import { caseBody, remoteChangeFromEntry } from './threep-mapping';
import { readThreePOptions } from './threep-options';
import { backOfficeConnection, caseDraft } from '../../../../../test/factories/back-office.factory';

const conn = (over: Partial<BackOfficeConnection> = {}): BackOfficeConnection =>
  backOfficeConnection('3p', 'https://3p.example/api/v1', {
    municipalityCode: 'menen',
    categoryMap: { '*': { team: 'Algemeen' } },
    ...over,
  });

const draft: CaseDraft = caseDraft({
  reference: 'ZWVL-2026-000001',
  categoryCode: 'groen',
  subject: ' ',
  description: 'Tak op het voetpad',
  consoleUrl: null,
  location: null,
  caller: null,
});

const entry = (caseFields: Record<string, unknown>, note?: Record<string, unknown>) => ({
  sequence: '7',
  type: 'case.status_changed',
  case: {
    id: 'c1',
    number: '3P-2026-00001',
    reference: 'ZWVL-2026-000001',
    modifiedAt: '2026-03-10T08:00:00.000Z',
    ...caseFields,
  },
  ...(note ? { note: note as never } : {}),
});

describe('3P mapping', () => {
  it('writes the create body in the product names from fieldMap, the category fallback as classification', () => {
    const c = conn({ options: { fieldMap: { subject: 'title', classification: 'labels' } } });
    expect(caseBody(c, readThreePOptions(c), draft)).toMatchObject({
      title: 'ZWVL-2026-000001', // an empty subject falls back to our reference
      description: 'Tak op het voetpad',
      labels: { team: 'Algemeen' },
      category: 'groen',
    });
  });

  it('maps statuses through statusMap first, then completed -> resolved, closed -> closed', () => {
    const c = conn({ statusMap: { AFGEHANDELD: 'resolved' }, options: { fieldMap: { status: 'state' } } });
    const o = readThreePOptions(c);
    expect(remoteChangeFromEntry(c, o, entry({ state: 'AFGEHANDELD' })).status).toBe('resolved');
    expect(remoteChangeFromEntry(c, o, entry({ state: 'completed', closingText: 'Gedaan' }))).toMatchObject({
      status: 'resolved',
      closingText: 'Gedaan',
      remoteStatus: 'completed',
      externalId: 'c1',
    });
    expect(remoteChangeFromEntry(c, o, entry({ state: 'received' })).status).toBeNull();
  });

  it('imports notes written in 3P, not the ones we wrote through the API', () => {
    const o = readThreePOptions(conn());
    const note = {
      id: 'n1',
      text: 'Opgeruimd',
      visibility: 'internal',
      author: 'Els',
      createdAt: '2026-03-10T08:00:00Z',
    };
    expect(
      remoteChangeFromEntry(conn(), o, entry({ status: 'in_progress' }, { ...note, source: 'user' })).notes,
    ).toEqual([{ id: 'n1', text: 'Opgeruimd', at: '2026-03-10T08:00:00Z', author: 'Els', public: false }]);
    expect(
      remoteChangeFromEntry(conn(), o, entry({ status: 'in_progress' }, { ...note, source: 'api' })).notes,
    ).toEqual([]);
  });

  it('refuses options that cannot work, as non-retryable configuration errors', () => {
    for (const options of [
      { pageSize: 500 },
      { fieldMap: { colour: 'kleur' } },
      { fieldMap: { subject: '' } },
    ]) {
      expect(() => readThreePOptions(conn({ options }))).toThrow(
        expect.objectContaining({ retryable: false }),
      );
    }
  });
});
