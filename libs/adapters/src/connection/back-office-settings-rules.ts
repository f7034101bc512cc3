import type { FieldError } from '@meldpunt/api-errors';
import { BackOfficeSettingsDto, INBOUND_STATUSES } from '../dto/back-office-settings.dto';

/** What each connector needs in `credentials` before it can make a single call. */
export const REQUIRED_CREDENTIALS: Record<string, string[]> = {
  topdesk: ['username', 'password'],
  ultimo: ['apiKey'],
  '3p': ['token'],
  webhook: ['secret'],
  none: [],
};

/**
 * The checks class-validator cannot express on free-form maps: every value a string, statuses
 * mapped only onto the three our lifecycle accepts from a back-office, credentials complete.
 * `hasStoredCredentials`: an update may omit credentials to keep the stored ones.
 */
export function backOfficeSettingsErrors(
  dto: BackOfficeSettingsDto,
  hasStoredCredentials: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(dto.credentials ?? {})) {
    if (typeof value !== 'string' || value.length > 2000) {
      errors.push({
        field: `credentials.${key}`,
        rule: 'isString',
        message: `credentials.${key} must be a string (at most 2000 characters)`,
      });
    }
  }
  for (const [code, entry] of Object.entries(dto.categoryMap ?? {})) {
    const ok =
      typeof entry === 'object' && entry !== null && Object.values(entry).every((v) => typeof v === 'string');
    if (!ok) {
      errors.push({
        field: `categoryMap.${code}`,
        rule: 'isStringRecord',
        message: `categoryMap.${code} must be an object of strings, e.g. { "category": "Openbaar domein" }`,
      });
    }
  }
  for (const [remote, ours] of Object.entries(dto.statusMap ?? {})) {
    if (!(INBOUND_STATUSES as readonly unknown[]).includes(ours)) {
      errors.push({
        field: `statusMap.${remote}`,
        rule: 'isIn',
        message: `statusMap.${remote} must be one of ${INBOUND_STATUSES.join(', ')}`,
      });
    }
  }
  const required = REQUIRED_CREDENTIALS[dto.type] ?? [];
  if (required.length && !(dto.credentials === undefined && hasStoredCredentials)) {
    for (const name of required) {
      if (!dto.credentials?.[name]) {
        errors.push({
          field: `credentials.${name}`,
          rule: 'isNotEmpty',
          message: `credentials.${name} is required for a ${dto.type} back-office`,
        });
      }
    }
  }
  return errors;
}
