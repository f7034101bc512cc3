/**
 * Place names of the region, for routing an address without a postcode: one implementation for
 * the api (libs/municipalities/src/location-routing.ts) and the console (apps/console imports this
 * file directly, so it must stay free of Nest and Node imports).
 */

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

/** Lower case without accents: "Spiere-Hélkijn" and "spiere-helkijn" are one place. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * The postcodes an address names, best first: four-digit numbers as written, then place names
 * from the last word back ("Kortrijksestraat 5, Kuurne" is in Kuurne, not Kortrijk). The caller
 * takes the first one its region knows.
 */
export function postcodesInAddress(address: string): string[] {
  const found = [...address.matchAll(/\b(\d{4})\b/g)].map((m) => m[1]);
  const words = fold(address)
    .split(/[^a-z-]+/)
    .filter(Boolean);
  for (let i = words.length - 1; i >= 0; i--) {
    const postcode = PLACES[words[i]];
    if (postcode) found.push(postcode);
  }
  return [...new Set(found)];
}
