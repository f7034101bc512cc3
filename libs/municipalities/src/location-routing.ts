import { postcodesInAddress } from './place-names';

export interface BoundingBox {
  minLat: number;
  minLon: number;
  maxLat: number;
  maxLon: number;
}

export interface RoutableMunicipality {
  code: string;
  postcodes: readonly string[];
  boundingBox: BoundingBox | null;
}

export interface RoutingInput {
  municipalityCode?: string;
  postcode?: string;
  lat?: number;
  lon?: number;
  /** Free address text: a postcode or place name in it ("Kerkstraat 3, Heule") routes too. */
  address?: string;
}

export type RoutingResult =
  | { code: string; by: 'code' | 'postcode' | 'coordinates' | 'address' }
  | { code: null; reason: string; field: string };

/**
 * Which municipality a ticket belongs to: the explicit code, else the postcode, else the
 * coordinates, else a postcode or place name in the address (the console's rule too). Bounding boxes of neighbours overlap, so among the boxes that hold the point the
 * one whose centre is nearest wins; polygons will replace this heuristic.
 */
export function routeToMunicipality(
  input: RoutingInput,
  municipalities: readonly RoutableMunicipality[],
): RoutingResult {
  if (input.municipalityCode !== undefined) {
    const found = municipalities.find((m) => m.code === input.municipalityCode);
    return found
      ? { code: found.code, by: 'code' }
      : {
          code: null,
          field: 'municipalityCode',
          reason: `municipalityCode '${input.municipalityCode}' is not a municipality of the region`,
        };
  }
  if (input.postcode !== undefined) {
    const found = municipalities.find((m) => m.postcodes.includes(input.postcode!));
    if (found) return { code: found.code, by: 'postcode' };
    if (input.lat === undefined || input.lon === undefined) {
      const byAddress = routeByAddress(input.address, municipalities);
      if (byAddress) return byAddress;
      return {
        code: null,
        field: 'location.postcode',
        reason: `postcode ${input.postcode} is not in the region`,
      };
    }
  }
  if (input.lat !== undefined && input.lon !== undefined) {
    const { lat, lon } = input;
    const candidates = municipalities
      .filter((m) => m.boundingBox && contains(m.boundingBox, lat, lon))
      .map((m) => ({ code: m.code, distance: distanceToCentre(m.boundingBox!, lat, lon) }))
      .sort((a, b) => a.distance - b.distance);
    if (candidates.length) return { code: candidates[0].code, by: 'coordinates' };
    const byAddress = routeByAddress(input.address, municipalities);
    if (byAddress) return byAddress;
    return { code: null, field: 'location', reason: `the coordinates ${lat}, ${lon} are outside the region` };
  }
  const byAddress = routeByAddress(input.address, municipalities);
  if (byAddress) return byAddress;
  return {
    code: null,
    field: 'municipalityCode',
    reason: input.address
      ? 'no municipality can be determined: the address names no place of the region; give municipalityCode, location.postcode or location.lat and location.lon'
      : 'no municipality can be determined: give municipalityCode, location.postcode or location.lat and location.lon',
  };
}

function routeByAddress(
  address: string | undefined,
  municipalities: readonly RoutableMunicipality[],
): RoutingResult | null {
  if (!address) return null;
  for (const postcode of postcodesInAddress(address)) {
    const found = municipalities.find((m) => m.postcodes.includes(postcode));
    if (found) return { code: found.code, by: 'address' };
  }
  return null;
}

function contains(box: BoundingBox, lat: number, lon: number): boolean {
  return lat >= box.minLat && lat <= box.maxLat && lon >= box.minLon && lon <= box.maxLon;
}

function distanceToCentre(box: BoundingBox, lat: number, lon: number): number {
  const dLat = lat - (box.minLat + box.maxLat) / 2;
  // A degree of longitude is ~0.64 of a degree of latitude at 50° N.
  const dLon = (lon - (box.minLon + box.maxLon) / 2) * Math.cos((lat * Math.PI) / 180);
  return Math.hypot(dLat, dLon);
}
