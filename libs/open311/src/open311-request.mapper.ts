import { FieldError, InvalidInputError } from '@meldpunt/api-errors';
import { CategoryEntity, postcodesInAddress } from '@meldpunt/municipalities';

/** The POST requests parameters of GeoReport v2 (form-encoded or JSON), as received. */
export type Open311Params = Record<string, unknown>;

/** Our field names (CreateTicketDto paths) as the Open311 client knows them, for its error messages. */
const OPEN311_FIELD: Record<string, string> = {
  categoryCode: 'service_code',
  kind: 'service_code',
  municipalityCode: 'jurisdiction_id',
  'location.lat': 'lat',
  'location.lon': 'long',
  'location.address': 'address_string',
  'location.postcode': 'zipcode',
  'reporter.email': 'email',
  'reporter.phone': 'phone',
  'reporter.name': 'first_name',
  'reporter.language': 'locale',
  urgent: 'attribute[urgent]',
};

export function open311Field(field: string): string {
  return OPEN311_FIELD[field] ?? field;
}

/** A field error reworded with the Open311 parameter name the client sent. */
export function open311FieldError(error: FieldError): FieldError {
  const field = open311Field(error.field);
  return { ...error, field, message: error.message.split(error.field).join(field) };
}

const YES = ['true', 'yes', 'ja', 'oui', '1'];
const NO = ['false', 'no', 'nee', 'non', '0'];

/** `nl`, `nl_BE`, `fr-BE`, ... → our language, or undefined for anything else. */
export function languageOf(locale: unknown): 'nl' | 'fr' | 'en' | undefined {
  if (typeof locale !== 'string') return undefined;
  const lang = locale.trim().slice(0, 2).toLowerCase();
  return lang === 'nl' || lang === 'fr' || lang === 'en' ? lang : undefined;
}

function text(params: Open311Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new InvalidInputError([
      { field: name, rule: 'isString', message: `${name} must be a single value` },
    ]);
  }
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
}

function coordinate(params: Open311Params, name: 'lat' | 'long'): number | undefined {
  const raw = text(params, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^-?\d+(\.\d+)?$/.test(raw) || !Number.isFinite(value)) {
    throw new InvalidInputError([
      { field: name, rule: 'isNumber', message: `${name} must be a decimal number (WGS84 degrees)` },
    ]);
  }
  return value;
}

/** `attribute[urgent]` (form) or `attribute: { urgent }` (JSON). */
function attribute(params: Open311Params, code: string): string | undefined {
  const nested = params.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
    const value = (nested as Record<string, unknown>)[code];
    if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  }
  return text(params, `attribute[${code}]`);
}

function urgentAttribute(params: Open311Params): boolean | undefined {
  const raw = attribute(params, 'urgent')?.toLowerCase();
  if (raw === undefined) return undefined;
  if (YES.includes(raw)) return true;
  if (NO.includes(raw)) return false;
  throw new InvalidInputError([
    { field: 'attribute[urgent]', rule: 'isIn', message: `attribute[urgent] must be one of true, false` },
  ]);
}

/**
 * GeoReport v2 POST requests → the body of our intake (CreateTicketDto, validated after this).
 * `fallbackMunicipality` is the API key's municipality: a request whose address names no place
 * is that municipality's (the website that holds the key is the municipality's own).
 * An e-mail address given to the municipality's website is given to hear back about the report,
 * so it counts as consent for the acknowledgement and resolution mails; without one, no mail.
 */
export function toCreateTicket(
  params: Open311Params,
  category: CategoryEntity | undefined,
  fallbackMunicipality: string,
  askedLanguage?: 'nl' | 'fr' | 'en',
): Record<string, unknown> {
  const serviceCode = text(params, 'service_code');
  const errors: FieldError[] = [];
  if (!serviceCode) {
    errors.push({ field: 'service_code', rule: 'isNotEmpty', message: 'service_code is required' });
  }
  const lat = coordinate(params, 'lat');
  const lon = coordinate(params, 'long');
  const address = text(params, 'address_string');
  const addressId = text(params, 'address_id');
  if ((lat === undefined) !== (lon === undefined)) {
    errors.push({
      field: lat === undefined ? 'lat' : 'long',
      rule: 'isPaired',
      message: 'lat and long go together',
    });
  }
  if (lat === undefined && lon === undefined && !address && !addressId) {
    errors.push({
      field: 'lat',
      rule: 'isLocated',
      message: 'a location is required: lat and long, address_string or address_id',
    });
  }
  const description = text(params, 'description');
  if (!description) {
    errors.push({ field: 'description', rule: 'isNotEmpty', message: 'description is required' });
  }
  if (errors.length) throw new InvalidInputError(errors);

  const jurisdiction = text(params, 'jurisdiction_id');
  const postcode = text(params, 'zipcode');
  const email = text(params, 'email');
  const name = [text(params, 'first_name'), text(params, 'last_name')].filter(Boolean).join(' ');
  const phone = text(params, 'phone');
  const language = languageOf(text(params, 'locale')) ?? askedLanguage;
  const kind = category?.kinds.includes('report') ? 'report' : (category?.kinds[0] ?? 'report');
  // A point, a postcode or a place in the address ("Kerkstraat 3, Heule") routes as on our API.
  const located =
    lat !== undefined || postcode !== undefined || postcodesInAddress(address ?? addressId ?? '').length > 0;
  const reporter = {
    ...(name ? { name } : {}),
    ...(email ? { email, consent: true } : {}),
    ...(phone ? { phone } : {}),
    ...(language ? { language } : {}),
  };
  const urgent = urgentAttribute(params);
  return {
    kind,
    channel: 'open311',
    categoryCode: serviceCode,
    description,
    ...(jurisdiction
      ? { municipalityCode: jurisdiction }
      : located
        ? {}
        : { municipalityCode: fallbackMunicipality }),
    location: {
      ...(address || addressId ? { address: address ?? addressId } : {}),
      ...(postcode ? { postcode } : {}),
      ...(lat !== undefined ? { lat, lon } : {}),
    },
    ...(Object.keys(reporter).length ? { reporter } : {}),
    ...(urgent !== undefined ? { urgent } : {}),
  };
}
