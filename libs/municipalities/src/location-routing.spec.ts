import { routeToMunicipality } from './location-routing';
import { REGION } from './seed/region.seed';

const region = REGION.map((m) => ({ code: m.code, postcodes: m.postcodes, boundingBox: m.boundingBox }));

describe('routeToMunicipality', () => {
  it('prefers the code, then the postcode, then the coordinates', () => {
    expect(routeToMunicipality({ municipalityCode: 'menen', postcode: '8500' }, region)).toEqual({
      code: 'menen',
      by: 'code',
    });
    expect(routeToMunicipality({ postcode: '8501', lat: 50.76, lon: 3.04 }, region)).toEqual({
      code: 'kortrijk',
      by: 'postcode',
    });
    expect(routeToMunicipality({ lat: 50.7789, lon: 3.0405 }, region)).toEqual({
      code: 'wervik',
      by: 'coordinates',
    });
  });

  it('routes by the address last: a postcode or place name in it, the last place first', () => {
    expect(routeToMunicipality({ address: 'Kerkstraat 3, Heule' }, region)).toEqual({
      code: 'kortrijk',
      by: 'address',
    });
    expect(routeToMunicipality({ address: 'Kortrijksestraat 5, Kuurne' }, region)).toEqual({
      code: 'kuurne',
      by: 'address',
    });
    expect(routeToMunicipality({ address: 'Grand-Place 1, 9999 Espierres' }, region)).toEqual({
      code: 'spiere-helkijn',
      by: 'address',
    });
    // A point beats a place name; a place name rescues a point outside the region.
    expect(routeToMunicipality({ lat: 50.8876, lon: 3.4272, address: 'Heule' }, region)).toMatchObject({
      code: 'waregem',
    });
    expect(routeToMunicipality({ lat: 51.05, lon: 3.72, address: 'Heule' }, region)).toMatchObject({
      code: 'kortrijk',
    });
    expect(routeToMunicipality({ address: 'Kerkstraat 3, Gent' }, region)).toMatchObject({ code: null });
  });

  it('maps every postcode of the region to exactly one municipality', () => {
    const all = region.flatMap((m) => m.postcodes);
    expect(new Set(all).size).toBe(all.length);
    for (const m of region)
      for (const postcode of m.postcodes)
        expect(routeToMunicipality({ postcode }, region)).toMatchObject({ code: m.code });
  });

  it('falls back to coordinates when the postcode is foreign to the region', () => {
    expect(routeToMunicipality({ postcode: '9000', lat: 50.8279, lon: 3.2649 }, region)).toEqual({
      code: 'kortrijk',
      by: 'coordinates',
    });
  });

  it('says why when nothing fits', () => {
    expect(routeToMunicipality({ municipalityCode: 'gent' }, region)).toMatchObject({
      code: null,
      field: 'municipalityCode',
    });
    expect(routeToMunicipality({ postcode: '1000' }, region)).toMatchObject({
      code: null,
      field: 'location.postcode',
    });
    expect(routeToMunicipality({ lat: 51.05, lon: 3.72 }, region)).toMatchObject({
      code: null,
      field: 'location',
    });
    expect(routeToMunicipality({}, region)).toMatchObject({ code: null, field: 'municipalityCode' });
  });

  it('picks the nearest centre where boxes overlap (Kortrijk city centre, inside several boxes)', () => {
    expect(routeToMunicipality({ lat: 50.8279, lon: 3.2649 }, region)).toMatchObject({ code: 'kortrijk' });
  });
});
