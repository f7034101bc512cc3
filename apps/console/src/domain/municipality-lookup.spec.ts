import type { Municipality } from '../api/contract';
import { municipalityFor, postcodeInAddress } from './municipality-lookup';

const m = (code: string, name: string, postcodes: string[]): Municipality => ({
  code,
  name,
  postcodes,
  languages: ['nl'],
  timezone: 'Europe/Brussels',
});
const REGION = [
  m('kortrijk', 'Kortrijk', ['8500', '8501', '8510', '8511']),
  m('kuurne', 'Kuurne', ['8520']),
  m('spiere-helkijn', 'Spiere-Helkijn', ['8587']),
];
const codeOf = (postcode: string, address: string) =>
  municipalityFor(REGION, postcode, address)?.municipality.code;

describe('municipalityFor', () => {
  it('takes the postcode field first', () => {
    expect(municipalityFor(REGION, '8520', 'Grote Markt, Kortrijk')).toMatchObject({
      municipality: { code: 'kuurne' },
      via: 'postcode',
    });
  });

  it('refuses a postcode outside the region rather than guessing from the address', () => {
    expect(codeOf('9000', 'Kortrijk')).toBeUndefined();
  });

  it('finds a postcode or a place name in the address', () => {
    expect(codeOf('', 'Kerkstraat 3, 8511 Aalbeke')).toBe('kortrijk');
    expect(codeOf('', 'Kerkstraat 3, Heule')).toBe('kortrijk');
    expect(codeOf('', 'Rue de Courtrai 1, Helchin')).toBe('spiere-helkijn');
  });

  it('takes the last place named: the street may carry another town’s name', () => {
    expect(codeOf('', 'Kortrijksestraat 5, Kuurne')).toBe('kuurne');
    expect(codeOf('', 'Brugsesteenweg 5, Kortrijk')).toBe('kortrijk');
  });

  it('finds nothing in an address without a known place', () => {
    expect(codeOf('', 'Kerkstraat 3')).toBeUndefined();
    expect(postcodeInAddress('Kerkstraat 3, Marke')).toBe('8510');
  });
});
