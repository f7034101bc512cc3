import type { Actor } from '@meldpunt/identity';
import { RequestContext } from '@meldpunt/identity';
import type { BackOfficeType } from './back-office-adapter';

/** How each tool is named in the ticket history and the console. */
export const BACK_OFFICE_NAMES: Record<BackOfficeType, string> = {
  topdesk: 'TOPdesk',
  ultimo: 'Ultimo',
  '3p': '3P',
  webhook: 'Back-office (webhook)',
};

/**
 * The caller for changes that come from a back-office: acts for its one municipality, and is
 * recorded as the source of every history event it causes (actor type `backoffice`).
 */
export function backOfficeContext(
  type: BackOfficeType,
  municipalityCode: string,
  caseNumber?: string | null,
): RequestContext {
  const actor: Actor = { type: 'backoffice', id: caseNumber ?? null, name: BACK_OFFICE_NAMES[type] };
  return new RequestContext(actor, ['integration'], [municipalityCode]);
}
