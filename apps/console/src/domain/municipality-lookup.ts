import type { Municipality } from '../api/contract';
import { postcodesInAddress } from '../../../../libs/municipalities/src/place-names';

export interface MunicipalityMatch {
  municipality: Municipality;
  via: 'postcode' | 'address';
}

/** The municipality of a postcode, else of a postcode or place name in the address (as the api routes). */
export function municipalityFor(
  municipalities: readonly Municipality[],
  postcode: string,
  address: string,
): MunicipalityMatch | null {
  const byPostcode = (code: string) => municipalities.find((m) => m.postcodes.includes(code));
  const typed = postcode.trim();
  if (/^\d{4}$/.test(typed)) {
    const m = byPostcode(typed);
    return m ? { municipality: m, via: 'postcode' } : null;
  }
  for (const code of postcodesInAddress(address)) {
    const m = byPostcode(code);
    if (m) return { municipality: m, via: 'address' };
  }
  return null;
}

/** The postcode a place name in the address stands for (to fill the postcode field). */
export function postcodeInAddress(address: string): string | null {
  return postcodesInAddress(address)[0] ?? null;
}
