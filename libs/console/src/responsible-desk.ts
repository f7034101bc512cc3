import type { OpenStatus } from '@meldpunt/sla';

export interface DeskStatus {
  municipalityCode: string;
  name: string;
  open: boolean;
  /** Who takes this municipality's new tickets now: its own agents, or the regional out-of-hours desk. */
  responsibleDesk: 'municipal' | 'regional';
  /** When that changes (closing or next opening), if known. */
  changesAt: string | null;
  reason: { nl: string; fr: string; en: string };
}

const LOCALES = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' } as const;
const TEXT = {
  open: {
    nl: '{name} is open tot {when}',
    fr: '{name} est ouvert jusqu’à {when}',
    en: '{name} is open until {when}',
  },
  closed: {
    nl: '{name} is gesloten tot {when}',
    fr: '{name} est fermé jusqu’à {when}',
    en: '{name} is closed until {when}',
  },
  closedIndefinitely: { nl: '{name} is gesloten', fr: '{name} est fermé', en: '{name} is closed' },
};

/**
 * During a municipality's opening hours its own agents hold its new tickets; outside them the
 * regional out-of-hours desk does. The reason reads like "Kortrijk is gesloten tot maandag 08:30".
 */
export function responsibleDesk(
  municipality: { code: string; name: string; timezone: string },
  status: OpenStatus,
  now: Date,
): DeskStatus {
  const changesAt = status.open ? status.closesAt : status.opensAt;
  const template = status.open ? TEXT.open : changesAt ? TEXT.closed : TEXT.closedIndefinitely;
  const reason = {} as DeskStatus['reason'];
  for (const language of ['nl', 'fr', 'en'] as const) {
    const when = changesAt ? describe(changesAt, now, municipality.timezone, LOCALES[language]) : '';
    reason[language] = template[language].replace('{name}', municipality.name).replace('{when}', when);
  }
  return {
    municipalityCode: municipality.code,
    name: municipality.name,
    open: status.open,
    responsibleDesk: status.open ? 'municipal' : 'regional',
    changesAt: changesAt ? changesAt.toISOString() : null,
    reason,
  };
}

/** "17:00" today, else "maandag 08:30"; more than six days ahead, with the date. */
function describe(at: Date, now: Date, timeZone: string, locale: string): string {
  const day = (d: Date) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      d,
    );
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  if (day(at) === day(now)) return time;
  const sameWeek = at.getTime() - now.getTime() < 6 * 24 * 3600 * 1000;
  const date = new Intl.DateTimeFormat(
    locale,
    sameWeek ? { timeZone, weekday: 'long' } : { timeZone, weekday: 'long', day: 'numeric', month: 'long' },
  ).format(at);
  return `${date} ${time}`;
}
