import type { BackOfficeConnection, CaseDraft } from '../../port/back-office-adapter';
import { remoteChangeFromJob, reportJobParameters } from './ultimo-job-mapping';
import { readUltimoOptions } from './ultimo-options';
import { backOfficeConnection, caseDraft } from '../../../../../test/factories/back-office.factory';

const conn = (over: Partial<BackOfficeConnection> = {}): BackOfficeConnection =>
  backOfficeConnection('ultimo', 'https://kortrijk.ultimo.net/api/v1', {
    categoryMap: { '*': { SiteId: '01' }, groen: { SiteId: '02', Description: 'not ours to set' } },
    ...over,
  });

const draft: CaseDraft = caseDraft({
  reference: 'ZWVL-2026-000001',
  categoryCode: 'groen',
  subject:
    'Omgevallen boom blokkeert de Doorniksewijk ter hoogte van het kruispunt met de Sint-Denijsestraat',
  description: 'Grote tak over de rijweg.',
  consoleUrl: null,
  location: { address: null, postcode: null, lat: 50.8, lon: 3.26 },
  caller: null,
});

describe('Ultimo job mapping', () => {
  it('builds REST_ReportJob parameters: category parameters, then ours, the subject cut to the limit', () => {
    const c = conn({
      options: { reportDefaults: { Context: 1 }, reportParameters: { externalId: 'ExternalReference' } },
    });
    const parameters = reportJobParameters(c, readUltimoOptions(c), draft);
    expect(parameters).toMatchObject({
      Context: 1,
      SiteId: '02',
      ReportDate: '2026-03-09T15:33:51Z',
      ExternalReference: draft.reference,
    });
    expect(String(parameters.Description).length).toBeLessThanOrEqual(80);
    expect(String(parameters.Description).endsWith('…')).toBe(true);
    expect(parameters.ReportText).toBe(
      'Grote tak over de rijweg.\n\nReferentie: ZWVL-2026-000001\nSoort: report | Categorie: groen | Prioriteit: P3\nLocatie: (50.8, 3.26)',
    );
  });

  it('maps numeric statuses through statusMap first, then the configured codes', () => {
    const c = conn({ statusMap: { '8': 'in_progress' }, options: { statusCodes: { finished: [16, 17] } } });
    const o = readUltimoOptions(c);
    const job = (Status: number) => ({
      Id: '0000001',
      Status,
      ExternalId: 'ZWVL-2026-000001',
      RecordChangeDate: '2026-03-09T15:33:51Z',
      FeedbackText: ' ',
    });
    expect([1, 2, 4, 8, 16, 17, 32].map((s) => remoteChangeFromJob(c, o, job(s)).status)).toEqual([
      null,
      'in_progress',
      'in_progress',
      'in_progress',
      'resolved',
      'resolved',
      'closed',
    ]);
    expect(remoteChangeFromJob(c, o, job(16))).toMatchObject({
      remoteStatus: '16',
      closingText: null,
      notes: [],
      modifiedAt: '2026-03-09T15:33:51.000Z',
    });
  });

  it('refuses options that cannot work, as non-retryable configuration errors', () => {
    for (const options of [
      { pageSize: 0 },
      { fields: { id: 'Id; drop' } },
      { notes: { mode: 'email' } },
      { hold: 'WACHT' },
    ]) {
      expect(() => readUltimoOptions(conn({ options }))).toThrow(
        expect.objectContaining({ retryable: false }),
      );
    }
  });
});
