import type { BackOfficeSettings, Language, WeeklyHours, Weekday } from '../entities/municipality.entity';
import type { BoundingBox } from '../location-routing';

export interface MunicipalitySeed {
  code: string;
  nisCode: string;
  name: string;
  postcodes: string[];
  languages: Language[];
  /** The weekday the town hall stays open until 19:00. */
  lateEvening: Weekday;
  boundingBox: BoundingBox;
  backOffice: BackOfficeSettings['type'];
}

const MORNING: [string, string] = ['08:30', '12:00'];
const AFTERNOON: [string, string] = ['13:30', '17:00'];
const EVENING: [string, string] = ['13:30', '19:00'];

/** Mon-Fri 08:30-12:00 and 13:30-17:00, one weekday open until 19:00; closed at weekends. */
export function defaultOpeningHours(lateEvening: Weekday): WeeklyHours {
  const day = (d: Weekday): [string, string][] => [MORNING, d === lateEvening ? EVENING : AFTERNOON];
  return {
    mon: day('mon'),
    tue: day('tue'),
    wed: day('wed'),
    thu: day('thu'),
    fri: day('fri'),
    sat: [],
    sun: [],
  };
}

/**
 * Days Flemish municipal staff commonly have off on top of the public holidays (Day of the Flemish
 * Community, All Souls', the King's Feast, 26 December). Each municipality can change them.
 */
export function defaultClosedDates(years: number[]): string[] {
  return years.flatMap((y) => [`${y}-07-11`, `${y}-11-02`, `${y}-11-15`, `${y}-12-26`]);
}

// Postcodes from the region's list; NIS codes from Statbel. Bounding boxes are rough extents
// for routing by coordinates; neighbours overlap and the nearest centre decides.
// Back-office types are spread over the three adapters as a demo: the real choice is configuration.
export const REGION: MunicipalitySeed[] = [
  {
    code: 'anzegem',
    nisCode: '34002',
    name: 'Anzegem',
    postcodes: ['8570', '8572', '8573'],
    languages: ['nl'],
    lateEvening: 'tue',
    boundingBox: { minLat: 50.79, minLon: 3.42, maxLat: 50.87, maxLon: 3.54 },
    backOffice: 'ultimo',
  },
  {
    code: 'avelgem',
    nisCode: '34003',
    name: 'Avelgem',
    postcodes: ['8580', '8581', '8582', '8583'],
    languages: ['nl'],
    lateEvening: 'wed',
    boundingBox: { minLat: 50.74, minLon: 3.39, maxLat: 50.8, maxLon: 3.51 },
    backOffice: '3p',
  },
  {
    code: 'deerlijk',
    nisCode: '34009',
    name: 'Deerlijk',
    postcodes: ['8540'],
    languages: ['nl'],
    lateEvening: 'mon',
    boundingBox: { minLat: 50.83, minLon: 3.32, maxLat: 50.87, maxLon: 3.39 },
    backOffice: 'ultimo',
  },
  {
    code: 'harelbeke',
    nisCode: '34013',
    name: 'Harelbeke',
    postcodes: ['8530', '8531'],
    languages: ['nl'],
    lateEvening: 'thu',
    boundingBox: { minLat: 50.83, minLon: 3.26, maxLat: 50.89, maxLon: 3.36 },
    backOffice: 'topdesk',
  },
  {
    code: 'kortrijk',
    nisCode: '34022',
    name: 'Kortrijk',
    postcodes: ['8500', '8501', '8510', '8511'],
    languages: ['nl'],
    lateEvening: 'mon',
    boundingBox: { minLat: 50.77, minLon: 3.19, maxLat: 50.87, maxLon: 3.35 },
    backOffice: 'topdesk',
  },
  {
    code: 'kuurne',
    nisCode: '34023',
    name: 'Kuurne',
    postcodes: ['8520'],
    languages: ['nl'],
    lateEvening: 'wed',
    boundingBox: { minLat: 50.84, minLon: 3.26, maxLat: 50.87, maxLon: 3.31 },
    backOffice: 'ultimo',
  },
  {
    code: 'lendelede',
    nisCode: '34025',
    name: 'Lendelede',
    postcodes: ['8860'],
    languages: ['nl'],
    lateEvening: 'tue',
    boundingBox: { minLat: 50.87, minLon: 3.21, maxLat: 50.9, maxLon: 3.27 },
    backOffice: '3p',
  },
  {
    code: 'menen',
    nisCode: '34027',
    name: 'Menen',
    postcodes: ['8930'],
    languages: ['nl'],
    lateEvening: 'thu',
    boundingBox: { minLat: 50.76, minLon: 3.05, maxLat: 50.82, maxLon: 3.2 },
    backOffice: 'topdesk',
  },
  {
    code: 'spiere-helkijn',
    nisCode: '34043',
    name: 'Spiere-Helkijn',
    postcodes: ['8587'],
    languages: ['nl', 'fr'],
    lateEvening: 'mon',
    boundingBox: { minLat: 50.7, minLon: 3.33, maxLat: 50.74, maxLon: 3.4 },
    backOffice: '3p',
  },
  {
    code: 'waregem',
    nisCode: '34040',
    name: 'Waregem',
    postcodes: ['8790', '8791', '8792', '8793'],
    languages: ['nl'],
    lateEvening: 'tue',
    boundingBox: { minLat: 50.86, minLon: 3.36, maxLat: 50.93, maxLon: 3.5 },
    backOffice: 'topdesk',
  },
  {
    code: 'wervik',
    nisCode: '33029',
    name: 'Wervik',
    postcodes: ['8940'],
    languages: ['nl'],
    lateEvening: 'wed',
    boundingBox: { minLat: 50.76, minLon: 2.97, maxLat: 50.81, maxLon: 3.08 },
    backOffice: '3p',
  },
  {
    code: 'wevelgem',
    nisCode: '34041',
    name: 'Wevelgem',
    postcodes: ['8560'],
    languages: ['nl'],
    lateEvening: 'thu',
    boundingBox: { minLat: 50.79, minLon: 3.13, maxLat: 50.85, maxLon: 3.24 },
    backOffice: 'topdesk',
  },
  {
    code: 'zwevegem',
    nisCode: '34042',
    name: 'Zwevegem',
    postcodes: ['8550', '8551', '8552', '8553', '8554'],
    languages: ['nl'],
    lateEvening: 'mon',
    boundingBox: { minLat: 50.76, minLon: 3.3, maxLat: 50.83, maxLon: 3.42 },
    backOffice: 'ultimo',
  },
];
