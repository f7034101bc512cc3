/**
 * Where polling Ultimo resumes. Ultimo keeps change dates to the second, and a job changed again
 * within the second we just read keeps that date: a cursor that moves past a second still being
 * written would skip it. So the cursor only moves past seconds that are over:
 * - `since`: a new pass starts at this change date, read again from one second before it, so
 *   changes written late with an earlier date, or within the same second after the last poll, are
 *   seen (duplicates are expected; the engine dedupes).
 * - `from`: inside a pass whose page ended in a later second than it began: read on from that last
 *   second, whole (the seconds before it are over: a later change already happened). Jobs of that
 *   second are read twice; one changed again within it is not missed.
 * - `after`: inside a pass, a page that lies within one second (more than a page of changes in one
 *   second, a bulk change): continue after its last job, as (change date, Id), with
 *   `date gt D or (date eq D and Id gt X)`, so the pass moves on. A job changed again within that
 *   same second and sorting before X is only seen on its next change: the one case left.
 * Dates are kept as Ultimo wrote them, so `eq` compares exactly what Ultimo stores.
 */
export type UltimoCursor = { since: string } | { from: string } | { after: { at: string; id: string } };

const OVERLAP_SECONDS = 1;
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function encodeUltimoCursor(cursor: UltimoCursor): string {
  return JSON.stringify(cursor);
}

/** A cursor we did not write (or none) starts a pass at `since`. */
export function decodeUltimoCursor(text: string | null, since: Date): UltimoCursor {
  const fallback = { since: since.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  if (!text) return fallback;
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    if (typeof parsed.since === 'string' && ISO.test(parsed.since)) return { since: parsed.since };
    if (typeof parsed.from === 'string' && ISO.test(parsed.from)) return { from: parsed.from };
    const after = parsed.after as Record<string, unknown> | undefined;
    if (typeof after?.at === 'string' && ISO.test(after.at) && typeof after.id === 'string') {
      return { after: { at: after.at, id: after.id } };
    }
  } catch {
    // Not ours: start over from `since`.
  }
  return fallback;
}

/** The filter selecting what comes after the cursor, on the change date and Id properties. */
export function cursorFilter(cursor: UltimoCursor, dateField: string, idField: string): string {
  if ('since' in cursor) return `${dateField} ge ${shiftSeconds(cursor.since, -OVERLAP_SECONDS)}`;
  if ('from' in cursor) return `${dateField} ge ${cursor.from}`;
  const { at, id } = cursor.after;
  return `(${dateField} gt ${at} or (${dateField} eq ${at} and ${idField} gt ${quoteUltimoString(id)}))`;
}

/**
 * The cursor after a page sorted by (date, Id) ascending. With more to read: on from the page's
 * last second when the page began in an earlier one, else (the page lies within one second) after
 * its last job. At the end of a pass, the next pass starts from the newest date seen.
 */
export function nextUltimoCursor(
  current: UltimoCursor,
  page: { at: string; id: string }[],
  more: boolean,
): UltimoCursor {
  const last = page[page.length - 1];
  if (more && last) {
    return shiftSeconds(page[0].at, 0) === shiftSeconds(last.at, 0) ? { after: last } : { from: last.at };
  }
  if (last) return { since: last.at };
  if ('since' in current) return current;
  return { since: 'from' in current ? current.from : current.after.at };
}

/** A string literal in an Ultimo filter: single quotes, a quote inside doubled. */
export function quoteUltimoString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Moves an ISO date-time by whole seconds without changing how it is written (offset or none):
 * Ultimo may answer local times without an offset, and converting those to UTC would shift them.
 * Fractions are dropped, which only widens the overlap.
 */
export function shiftSeconds(value: string, seconds: number): string {
  const m = ISO.exec(value);
  if (!m) return new Date(Date.parse(value) + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const [, y, mo, d, h, mi, s = '00', , offset = ''] = m;
  const shifted = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) + seconds * 1000);
  return shifted.toISOString().slice(0, 19) + offset;
}
