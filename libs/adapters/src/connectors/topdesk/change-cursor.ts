import { fiqlDate, parseTopdeskDate } from './topdesk-dates';

/**
 * Where polling resumes. TOPdesk keeps modification dates to the second and pages by offset, and
 * an offset into a result set that changes between polls skips incidents (a bulk completion moves
 * every incident after the offset forward). So offsets are only ever used inside one second:
 *
 * - `overlap` (the usual): `modificationDate=gt=<second - 1 s>`, everything changed in the last
 *   second seen again, including changes made in it after the previous poll (the engine dedupes).
 * - `crowded`: more than a page of incidents share one second (a bulk change): that second alone,
 *   `ge=<second>;lt=<second + 1 s>`, by offset. An incident modified again leaves the second for a
 *   later one, where the next mode finds it; a tenth of a page of overlap covers the rest shifting.
 * - `after`: the crowded second is done: `gt=<second>`, so it is not paged through again.
 */
export interface ChangeCursor {
  after: number;
  pageStart: number;
  mode: 'overlap' | 'crowded' | 'after';
}

const SECOND = 1000;

/** Text form: `2026-11-23T10:15:00Z`, `…Z#90` inside a crowded second, `…Z!` just after one. */
export function encodeCursor(cursor: ChangeCursor): string {
  const at = fiqlDate(cursor.after);
  if (cursor.mode === 'crowded') return `${at}#${cursor.pageStart}`;
  return cursor.mode === 'after' ? `${at}!` : at;
}

/** A cursor we did not write (or none) starts from `since`. */
export function decodeCursor(text: string | null, since: Date): ChangeCursor {
  const fallback: ChangeCursor = { after: floorSecond(since.getTime()), pageStart: 0, mode: 'overlap' };
  if (!text) return fallback;
  const match = /^([^#!]+)(?:#(\d+)|(!))?$/.exec(text);
  const after = match ? parseTopdeskDate(match[1]) : null;
  if (!match || after === null) return fallback;
  if (match[2] !== undefined)
    return { after: floorSecond(after), pageStart: Number(match[2]), mode: 'crowded' };
  return { after: floorSecond(after), pageStart: 0, mode: match[3] ? 'after' : 'overlap' };
}

/** The FIQL date condition for a cursor (page start: `cursor.pageStart`). */
export function changeQuery(cursor: ChangeCursor): string {
  if (cursor.mode === 'crowded') {
    return `modificationDate=ge=${fiqlDate(cursor.after)};modificationDate=lt=${fiqlDate(cursor.after + SECOND)}`;
  }
  const bound = cursor.mode === 'after' ? cursor.after : cursor.after - SECOND;
  return `modificationDate=gt=${fiqlDate(bound)}`;
}

/**
 * The cursor after a page sorted by modification date ascending (`modifiedAt`: the page's dates,
 * every incident, ours or not).
 */
export function nextCursor(current: ChangeCursor, modifiedAt: number[], morePages: boolean): ChangeCursor {
  if (current.mode === 'crowded') {
    if (!morePages || modifiedAt.length === 0) return { after: current.after, pageStart: 0, mode: 'after' };
    const step = Math.max(1, modifiedAt.length - Math.floor(modifiedAt.length / 10));
    return { ...current, pageStart: current.pageStart + step };
  }
  if (modifiedAt.length === 0) return current;
  const last = floorSecond(Math.max(...modifiedAt));
  const first = floorSecond(Math.min(...modifiedAt));
  // A full page that never leaves one second: page through that second alone.
  if (morePages && first === last) {
    const step = Math.max(1, modifiedAt.length - Math.floor(modifiedAt.length / 10));
    return { after: last, pageStart: step, mode: 'crowded' };
  }
  if (morePages && last <= current.after) {
    // The page holds the second before and the crowded current second: page through the latter.
    const inLast = modifiedAt.filter((ms) => floorSecond(ms) === last).length;
    return {
      after: last,
      pageStart: Math.max(0, inLast - Math.floor(modifiedAt.length / 10)),
      mode: 'crowded',
    };
  }
  return { after: last, pageStart: 0, mode: 'overlap' };
}

function floorSecond(ms: number): number {
  return Math.floor(ms / SECOND) * SECOND;
}
