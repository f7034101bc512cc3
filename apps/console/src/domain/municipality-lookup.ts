import type { Municipality } from '../api/contract';
import { fold } from '../state/queue-filter';

/**
 * Places of the region (deelgemeenten, and the French names callers use) by postcode, so an
 * address such as "Kerkstraat 3, Heule" finds Kortrijk. Postcodes from bpost's list.
 */
const PLACES: Record<string, string> = {
  anzegem: '8570',
  gijzelbrechtegem: '8570',
  ingooigem: '8570',
  vichte: '8570',
  kaster: '8572',
  tiegem: '8573',
  avelgem: '8580',
  kerkhove: '8581',
  waarmaarde: '8581',
  outrijve: '8582',
  bossuit: '8583',
  deerlijk: '8540',
  harelbeke: '8530',
  stasegem: '8530',
  bavikhove: '8531',
  hulste: '8531',
  kortrijk: '8500',
  courtrai: '8500',
  bissegem: '8501',
  heule: '8501',
  bellegem: '8510',
  kooigem: '8510',
  marke: '8510',
  rollegem: '8510',
  aalbeke: '8511',
  kuurne: '8520',
  lendelede: '8860',
  menen: '8930',
  menin: '8930',
  lauwe: '8930',
  rekkem: '8930',
  'spiere-helkijn': '8587',
  spiere: '8587',
  helkijn: '8587',
  espierres: '8587',
  helchin: '8587',
  waregem: '8790',
  'beveren-leie': '8791',
  desselgem: '8792',
  'sint-eloois-vijve': '8793',
  wervik: '8940',
  wervicq: '8940',
  geluwe: '8940',
  wevelgem: '8560',
  gullegem: '8560',
  moorsele: '8560',
  zwevegem: '8550',
  heestert: '8551',
  moen: '8552',
  otegem: '8553',
  'sint-denijs': '8554',
};

export interface MunicipalityMatch {
  municipality: Municipality;
  via: 'postcode' | 'address';
}

/** The municipality of a postcode, else of a postcode or place name in the address. */
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
  const inAddress = /\b(\d{4})\b/.exec(address)?.[1];
  if (inAddress) {
    const m = byPostcode(inAddress);
    if (m) return { municipality: m, via: 'address' };
  }
  // The last place name wins: "Kortrijksestraat 5, Kuurne" is in Kuurne.
  const words = fold(address)
    .split(/[^a-z-]+/)
    .filter(Boolean);
  for (let i = words.length - 1; i >= 0; i--) {
    const place = PLACES[words[i]];
    const m = place ? byPostcode(place) : undefined;
    if (m) return { municipality: m, via: 'address' };
  }
  return null;
}

/** The postcode a place name in the address stands for (to fill the postcode field). */
export function postcodeInAddress(address: string): string | null {
  const digits = /\b(\d{4})\b/.exec(address)?.[1];
  if (digits) return digits;
  const words = fold(address)
    .split(/[^a-z-]+/)
    .filter(Boolean);
  for (let i = words.length - 1; i >= 0; i--) if (PLACES[words[i]]) return PLACES[words[i]];
  return null;
}
