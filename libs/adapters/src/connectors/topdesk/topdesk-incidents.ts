import type { BackOfficeConnection } from '../../port/back-office-adapter';
import { fetchPage, topdeskFetch } from './topdesk-http';
import type { TopdeskAction, TopdeskIncident } from './topdesk-types';

const ACTIONS_PAGE_SIZE = 100;

/** FIQL string value: quoted, so spaces and reserved characters in it are data. */
export function fiqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The oldest incident carrying our reference, or null. TOPdesk does not keep externalNumber
 * unique, so a lost answer to a create can only be recognised by looking.
 */
export async function findIncidentByReference(
  conn: BackOfficeConnection,
  reference: string,
): Promise<TopdeskIncident | null> {
  const page = await fetchPage<TopdeskIncident>(conn, '/incidents', {
    query: `externalNumber==${fiqlString(reference)}`,
    sort: 'creationDate:asc',
    pageSize: 1,
  });
  return page.items[0] ?? null;
}

export async function patchIncident(
  conn: BackOfficeConnection,
  id: string,
  body: Record<string, unknown>,
): Promise<void> {
  await topdeskFetch(conn, { method: 'PATCH', path: `/incidents/id/${encodeURIComponent(id)}`, body });
}

/** Every action of an incident (TOPdesk pages them too). */
export async function listActions(conn: BackOfficeConnection, id: string): Promise<TopdeskAction[]> {
  const actions: TopdeskAction[] = [];
  for (let pageStart = 0; ; pageStart += ACTIONS_PAGE_SIZE) {
    const page = await fetchPage<TopdeskAction>(conn, `/incidents/id/${encodeURIComponent(id)}/actions`, {
      pageStart,
      pageSize: ACTIONS_PAGE_SIZE,
    });
    actions.push(...page.items);
    if (!page.more || page.items.length === 0) return actions;
  }
}

/** The operator behind the credentials: its actions are ours, not the back-office's. */
export async function currentOperatorId(conn: BackOfficeConnection): Promise<string | null> {
  const response = await topdeskFetch<{ id?: unknown } | null>(conn, {
    method: 'GET',
    path: '/operators/current',
  });
  return typeof response.body?.id === 'string' ? response.body.id : null;
}
