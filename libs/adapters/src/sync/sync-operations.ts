import { HISTORY, TICKET_EVENTS } from '@meldpunt/tickets';
import type { SyncOperation } from '../entities/back-office-sync-task.entity';

export interface SyncTrigger {
  type: string;
  entry: { type: string; actor: { type: string; name?: string }; data: Record<string, unknown> };
}

export interface PlannedSync {
  operation: SyncOperation;
  payload: Record<string, unknown>;
}

/** The ticket events the sync engine listens to. */
export const SYNC_TRIGGERS = [
  TICKET_EVENTS.created,
  TICKET_EVENTS.statusChanged,
  TICKET_EVENTS.messageAdded,
  TICKET_EVENTS.rerouted,
  TICKET_EVENTS.merged,
  TICKET_EVENTS.forwardedExternal,
];

const STATUS_WORDS: Record<string, string> = {
  resolved: 'afgehandeld',
  closed: 'gesloten',
  cancelled: 'geannuleerd',
  in_progress: 'opnieuw geopend',
};

/**
 * Which back-office call a ticket event calls for. The back-office owns execution status, the
 * contact center owns communication with the citizen: so the case is created, every message is
 * passed on as a note (public ones visible to the caller), waiting for the citizen puts the case on
 * hold, and what the contact center decides itself (resolved, cancelled) arrives as a note. A
 * ticket sent to another municipality leaves a note in the former case and gets a case in the new
 * municipality's tool. A merge of duplicates is a note in both cases, each naming the other. What
 * came from the back-office itself never goes back to it.
 */
export function plannedSync(event: SyncTrigger): PlannedSync | null {
  const { entry } = event;
  if (entry.actor.type === 'backoffice') return null;
  switch (event.type) {
    case TICKET_EVENTS.created:
      return { operation: 'create', payload: {} };
    case TICKET_EVENTS.messageAdded: {
      const visibility = entry.type === HISTORY.messagePublic ? 'public' : 'internal';
      const who =
        entry.actor.type === 'citizen'
          ? 'Burger'
          : entry.actor.type === 'external'
            ? `Externe partij (${entry.actor.name ?? ''})`
            : `Meldpunt${entry.actor.name ? ` (${entry.actor.name})` : ''}`;
      return {
        operation: 'note',
        payload: {
          visibility,
          text: `${who}: ${typeof entry.data.body === 'string' ? entry.data.body : ''}`,
        },
      };
    }
    case TICKET_EVENTS.rerouted: {
      const { from, to, reason } = entry.data as Record<string, string | undefined>;
      return { operation: 'transfer', payload: { from, to, reason: reason ?? null } };
    }
    case TICKET_EVENTS.forwardedExternal: {
      const { partyName, question } = entry.data as Record<string, string | undefined>;
      const text = `Meldpunt: vraag doorgestuurd naar ${partyName ?? 'een externe partij'}: ${question ?? ''}`;
      return { operation: 'note', payload: { visibility: 'internal', text } };
    }
    case TICKET_EVENTS.merged:
      return { operation: 'note', payload: { visibility: 'internal', text: mergeNote(entry) } };
    case TICKET_EVENTS.statusChanged: {
      const { from, to, message, reason } = entry.data as Record<string, string | undefined>;
      if (to === 'waiting_for_citizen') return { operation: 'hold', payload: { reason: message ?? null } };
      if (from === 'waiting_for_citizen' && to === 'in_progress') return { operation: 'resume', payload: {} };
      // The citizen (or an agent) reopened what was resolved: the case is to be worked on again.
      if (from === 'resolved' && to === 'in_progress') {
        return { operation: 'reopen', payload: { reason: message ?? null, by: entry.actor.type } };
      }
      if (to === 'in_progress' && from !== 'resolved') return null;
      if (to && STATUS_WORDS[to]) {
        const detail = message ?? reason;
        const text = `Meldpunt: ticket ${STATUS_WORDS[to]}${detail ? `: ${detail}` : ''}`;
        return { operation: 'note', payload: { visibility: 'internal', text } };
      }
      return null;
    }
    default:
      return null;
  }
}

function mergeNote(entry: SyncTrigger['entry']): string {
  const data = entry.data as { into?: string; from?: string; intoCases?: string[]; reason?: string };
  const reason = data.reason ? ` (${data.reason})` : '';
  if (entry.type === HISTORY.mergeReceived) {
    return `Meldpunt: melding ${data.from} (zelfde probleem, andere melder) is samengevoegd met deze zaak${reason}; die melder krijgt ook het bericht van afhandeling.`;
  }
  const cases = data.intoCases?.length ? `, zaak ${data.intoCases.join(', ')}` : '';
  return `Meldpunt: melding samengevoegd met ${data.into}${cases}${reason}; deze zaak wordt niet meer vanuit het meldpunt opgevolgd.`;
}
