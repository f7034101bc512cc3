import type { CategoryEntity, MunicipalityEntity } from '@meldpunt/municipalities';
import { open311Status, Open311TicketRow } from './open311-requests';

export type Lang = 'nl' | 'fr' | 'en';

const TEXT = {
  urgent: {
    nl: 'Is er onmiddellijk gevaar voor mensen of verkeer?',
    fr: 'Y a-t-il un danger immédiat pour les personnes ou la circulation ?',
    en: 'Is there immediate danger to people or traffic?',
  },
  yes: { nl: 'Ja', fr: 'Oui', en: 'Yes' },
  no: { nl: 'Nee', fr: 'Non', en: 'No' },
  notice: {
    nl: (ref: string) => `Uw melding ${ref} is ontvangen. U krijgt bericht per e-mail als u een adres opgaf.`,
    fr: (ref: string) =>
      `Votre signalement ${ref} a été reçu. Vous serez informé par e-mail si vous avez donné une adresse.`,
    en: (ref: string) =>
      `Your report ${ref} has been received. You will hear from us by e-mail if you gave an address.`,
  },
  status: {
    new: { nl: 'Ontvangen', fr: 'Reçu', en: 'Received' },
    in_progress: { nl: 'In behandeling', fr: 'En cours', en: 'In progress' },
    waiting_for_citizen: {
      nl: 'Wacht op de melder',
      fr: 'En attente du déclarant',
      en: 'Waiting for the reporter',
    },
    resolved: { nl: 'Opgelost', fr: 'Résolu', en: 'Resolved' },
    closed: { nl: 'Afgesloten', fr: 'Clôturé', en: 'Closed' },
    cancelled: { nl: 'Geannuleerd', fr: 'Annulé', en: 'Cancelled' },
  },
} as const;

export function serviceNotice(reference: string, lang: Lang): string {
  return TEXT.notice[lang](reference);
}

/** A category as a GeoReport service: service_code is our category code. */
export function serviceView(category: Pick<CategoryEntity, 'code' | 'name' | 'kinds'>, lang: Lang) {
  return {
    service_code: category.code,
    service_name: category.name[lang],
    description: category.name[lang],
    // Every service has the one attribute below, so clients should fetch the definition.
    metadata: true,
    type: 'realtime',
    keywords: category.kinds.join(','),
    group: category.kinds.includes('report') ? 'report' : category.kinds[0],
  };
}

export function serviceDefinitionView(category: CategoryEntity, lang: Lang) {
  return {
    service_code: category.code,
    attributes: [
      {
        variable: true,
        code: 'urgent',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: `${TEXT.yes[lang]} / ${TEXT.no[lang]}`,
        order: 1,
        description: TEXT.urgent[lang],
        values: [
          { key: 'true', name: TEXT.yes[lang] },
          { key: 'false', name: TEXT.no[lang] },
        ],
      },
    ],
  };
}

// ~110 m: anonymous callers learn the neighbourhood of a report, not the house it came from.
const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

/**
 * A ticket as a GeoReport service request. `full` (the caller holds an API key of the ticket's
 * municipality) adds what a citizen wrote: description and address; anyone else gets the status,
 * the service, the dates, the postcode and coordinates rounded to about 100 m.
 */
export function requestView(
  row: Open311TicketRow,
  /** The category's name as the ticket's municipality calls it. */
  serviceName: string,
  municipality: MunicipalityEntity | undefined,
  lang: Lang,
  full: boolean,
) {
  const lat = row.location_lat === null ? null : Number(row.location_lat);
  const lon = row.location_lon === null ? null : Number(row.location_lon);
  return {
    service_request_id: row.reference,
    status: open311Status(row.status),
    status_notes: TEXT.status[row.status][lang],
    service_name: serviceName,
    service_code: row.category_code,
    description: full ? row.description : null,
    agency_responsible: municipality?.name ?? row.municipality_code,
    service_notice: null,
    requested_datetime: row.created_at,
    updated_datetime: row.updated_at,
    expected_datetime: row.resolution_due_at,
    address: full ? row.location_address : null,
    address_id: null,
    zipcode: row.location_postcode,
    lat: full ? lat : round(lat),
    long: full ? lon : round(lon),
    media_url: null,
  };
}
