import type { FieldError } from '@meldpunt/api-errors';
import type { CategoryEntity } from '@meldpunt/municipalities';
import type { FormField, FormLanguage, WebFormTexts } from './web-form.texts';

/** What the citizen typed, as posted (strings only; anything else is dropped). */
export type FormValues = Partial<Record<string, string>>;

export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (!body || typeof body !== 'object') return values;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value === 'string') values[key] = value;
  }
  return values;
}

const text = (values: FormValues, name: string) => values[name]?.trim() || undefined;

function coordinate(values: FormValues, name: string): number | undefined {
  const raw = text(values, name);
  return raw && /^-?\d{1,3}(\.\d{1,8})?$/.test(raw) ? Number(raw) : undefined;
}

/**
 * The form → the body of our intake (CreateTicketDto, validated after this). A report when the
 * category takes reports, else its first kind. The e-mail consent is the citizen's tick; without
 * an address there is nobody to write to, which the form says instead of dropping the tick.
 */
export function toCreateTicket(
  values: FormValues,
  category: CategoryEntity | undefined,
  language: FormLanguage,
  t: WebFormTexts,
): { plain: Record<string, unknown>; errors: Partial<Record<FormField, string>>; unlocated: boolean } {
  const errors: Partial<Record<FormField, string>> = {};
  const email = text(values, 'email');
  const consent = values.consent === 'yes';
  const lat = coordinate(values, 'lat');
  const lon = coordinate(values, 'lon');
  const municipality = text(values, 'municipality');
  const address = text(values, 'address');
  const postcode = text(values, 'postcode');
  const point = lat !== undefined && lon !== undefined;
  const reporter = {
    ...(text(values, 'name') ? { name: text(values, 'name') } : {}),
    ...(email ? { email, consent } : {}),
    ...(text(values, 'phone') ? { phone: text(values, 'phone') } : {}),
    language,
  };
  if (consent && !email) errors.email = t.errors.consentWithoutEmail;
  const kind = category?.kinds.includes('report') ? 'report' : (category?.kinds[0] ?? 'report');
  const plain = {
    kind,
    channel: 'web',
    categoryCode: text(values, 'category') ?? '',
    description: values.description?.trim() ?? '',
    ...(municipality ? { municipalityCode: municipality } : {}),
    location: {
      ...(address ? { address } : {}),
      ...(postcode ? { postcode } : {}),
      ...(point ? { lat, lon } : {}),
    },
    reporter,
  };
  return { plain, errors, unlocated: !municipality && !address && !postcode && !point };
}

// Our field paths (CreateTicketDto) as the form names them.
const FORM_FIELD: Record<string, FormField> = {
  categoryCode: 'category',
  kind: 'category',
  description: 'description',
  municipalityCode: 'municipality',
  'location.address': 'address',
  'location.postcode': 'postcode',
  'location.lat': 'address',
  'location.lon': 'address',
  'reporter.name': 'name',
  'reporter.email': 'email',
  'reporter.phone': 'phone',
};

/** Validation errors of the intake as the form's fields and texts, one message per field. */
export function formErrors(errors: FieldError[], t: WebFormTexts): Partial<Record<FormField, string>> {
  const out: Partial<Record<FormField, string>> = {};
  for (const error of errors) {
    const field = FORM_FIELD[error.field] ?? 'form';
    if (out[field]) continue;
    out[field] = messageFor(error, field, t);
  }
  return out;
}

function messageFor(error: FieldError, field: FormField, t: WebFormTexts): string {
  switch (error.rule) {
    case 'maxLength':
      return t.errors.tooLong(Number(/(\d+)/.exec(error.message)?.[1] ?? 0));
    case 'isEmail':
      return t.errors.email;
    case 'isPhoneNumber':
      return t.errors.phone;
    case 'isRoutable':
      return t.errors.unroutable;
    case 'isOfferedByMunicipality':
      return t.errors.notOffered;
    case 'matches':
      return field === 'postcode' ? t.errors.postcode : t.errors.required;
    default:
      return t.errors.required;
  }
}
