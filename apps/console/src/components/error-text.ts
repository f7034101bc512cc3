import { ApiError, NetworkError } from '../api/api-client';
import type { Translate } from '../i18n/i18n';

/** What to tell the agent about a failed request, in their language. */
export function errorText(t: Translate, error: unknown): string {
  if (error instanceof NetworkError) return t('common.network');
  if (error instanceof ApiError) {
    if (error.status === 403) return t('common.forbidden');
    const details = error.body?.errors?.map((e) => e.message).join('; ');
    return t('common.error', { message: details || error.body?.message || `HTTP ${error.status}` });
  }
  return t('common.error', { message: error instanceof Error ? error.message : String(error) });
}
