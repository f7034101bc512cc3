import type {
  Category,
  Channel,
  Language,
  Municipality,
  NewTicket,
  Priority,
  TicketKind,
} from '../api/contract';
import type { MessageKey } from '../i18n/messages.nl';
import { looksLikeEmail, normalisePhone } from './caller-identity';
import { municipalityFor } from './municipality-lookup';

/** What the agent has typed so far in the phone-intake form. */
export interface IntakeDraft {
  phone: string;
  email: string;
  name: string;
  language: Language;
  consent: boolean;
  kind: TicketKind;
  categoryCode: string;
  address: string;
  postcode: string;
  /** '' is "determined from postcode or address". */
  municipalityCode: string;
  subject: string;
  description: string;
  /** '' is the category's default. */
  priority: Priority | '';
  channel: Channel;
}

export const EMPTY_DRAFT: IntakeDraft = {
  phone: '',
  email: '',
  name: '',
  language: 'nl',
  consent: false,
  kind: 'report',
  categoryCode: '',
  address: '',
  postcode: '',
  municipalityCode: '',
  subject: '',
  description: '',
  priority: '',
  channel: 'phone',
};

export type IntakeField = keyof IntakeDraft;
export type IntakeErrors = Partial<Record<IntakeField, MessageKey>>;

/** The municipality the ticket will go to: the agent's choice, else postcode or address. */
export function resolvedMunicipality(
  draft: IntakeDraft,
  municipalities: readonly Municipality[],
): Municipality | null {
  if (draft.municipalityCode) return municipalities.find((m) => m.code === draft.municipalityCode) ?? null;
  return municipalityFor(municipalities, draft.postcode, draft.address)?.municipality ?? null;
}

export function validateDraft(
  draft: IntakeDraft,
  municipalities: readonly Municipality[],
  categories: readonly Category[],
): IntakeErrors {
  const errors: IntakeErrors = {};
  if (draft.phone.trim() && !normalisePhone(draft.phone)) errors.phone = 'intake.invalidPhone';
  if (draft.email.trim() && !looksLikeEmail(draft.email)) errors.email = 'intake.invalidEmail';
  // The categories of the municipality it goes to: a chosen one it does not offer is named as such.
  if (!categories.some((c) => c.code === draft.categoryCode)) {
    errors.categoryCode = draft.categoryCode ? 'intake.notOffered' : 'intake.required';
  }
  if (draft.postcode.trim() && !/^\d{4}$/.test(draft.postcode.trim()))
    errors.postcode = 'intake.postcodeOutside';
  if (!resolvedMunicipality(draft, municipalities)) errors.municipalityCode = 'intake.noMunicipality';
  if (!draft.description.trim()) errors.description = 'intake.required';
  return errors;
}

/** The contract's POST /tickets body; empty fields are left out. */
export function toNewTicket(draft: IntakeDraft, municipality: Municipality): NewTicket {
  const reporter: NonNullable<NewTicket['reporter']> = { language: draft.language };
  if (draft.name.trim()) reporter.name = draft.name.trim();
  if (draft.email.trim()) reporter.email = draft.email.trim();
  if (draft.phone.trim()) reporter.phone = draft.phone.trim();
  if (reporter.email) reporter.consent = draft.consent;
  const location: NonNullable<NewTicket['location']> = {};
  if (draft.address.trim()) location.address = draft.address.trim();
  if (/^\d{4}$/.test(draft.postcode.trim())) location.postcode = draft.postcode.trim();
  const ticket: NewTicket = {
    kind: draft.kind,
    channel: draft.channel,
    categoryCode: draft.categoryCode,
    description: draft.description.trim(),
    municipalityCode: municipality.code,
    reporter,
  };
  if (draft.subject.trim()) ticket.subject = draft.subject.trim();
  if (Object.keys(location).length) ticket.location = location;
  if (draft.priority) ticket.priority = draft.priority;
  return ticket;
}

/** Maps the api's 400 `errors[].field` ("reporter.email") onto the form's fields. */
export function fieldOf(apiField: string): IntakeField | null {
  const map: Record<string, IntakeField> = {
    'reporter.phone': 'phone',
    'reporter.email': 'email',
    'reporter.name': 'name',
    'location.address': 'address',
    'location.postcode': 'postcode',
    municipalityCode: 'municipalityCode',
    categoryCode: 'categoryCode',
    description: 'description',
    subject: 'subject',
    priority: 'priority',
  };
  return map[apiField] ?? null;
}
