import fc from 'fast-check';
import {
  cursorFilter,
  type UltimoCursor,
  decodeUltimoCursor,
  encodeUltimoCursor,
  nextUltimoCursor,
  shiftSeconds,
} from './ultimo-change-cursor';

describe('Ultimo change cursor', () => {
  const since = new Date('2026-03-09T15:00:00.250Z');

  it('starts a pass one second before the cursor date, keeping how the date is written', () => {
    expect(cursorFilter({ since: '2026-03-09T15:33:51Z' }, 'RecordChangeDate', 'Id')).toBe(
      'RecordChangeDate ge 2026-03-09T15:33:50Z',
    );
    expect(shiftSeconds('2026-03-01T00:00:00.1355081+01:00', -1)).toBe('2026-02-28T23:59:59+01:00');
    expect(shiftSeconds('2026-03-09T15:33:51', -1)).toBe('2026-03-09T15:33:50');
  });

  it('continues a pass after (date, Id) so jobs sharing a date are neither skipped nor repeated', () => {
    expect(cursorFilter({ after: { at: '2026-03-09T15:33:51Z', id: "00'7" } }, 'D', 'Id')).toBe(
      "(D gt 2026-03-09T15:33:51Z or (D eq 2026-03-09T15:33:51Z and Id gt '00''7'))",
    );
  });

  it('reads on from the last second of a page that spans seconds, so that second is read whole again', () => {
    const page = [
      { at: '2026-03-09T15:33:51Z', id: '0000007' },
      { at: '2026-03-09T15:33:52Z', id: '0000003' },
    ];
    expect(nextUltimoCursor({ since: 'x' }, page, true)).toEqual({ from: '2026-03-09T15:33:52Z' });
    expect(cursorFilter({ from: '2026-03-09T15:33:52Z' }, 'D', 'Id')).toBe('D ge 2026-03-09T15:33:52Z');
  });

  it('moves after the last job only when a whole page lies within one second', () => {
    const crowded = [
      { at: '2026-03-09T15:33:52.1Z', id: '0000001' },
      { at: '2026-03-09T15:33:52.9Z', id: '0000002' },
    ];
    expect(nextUltimoCursor({ from: crowded[0].at }, crowded, true)).toEqual({ after: crowded[1] });
  });

  it('restarts a pass from the newest date seen once no page follows', () => {
    const page = [{ at: '2026-03-09T15:33:52Z', id: '0000002' }];
    const at = '2026-03-09T15:33:51Z';
    expect(nextUltimoCursor({ after: { at, id: '0000001' } }, page, false)).toEqual({ since: page[0].at });
    expect(nextUltimoCursor({ after: { at, id: '0000001' } }, [], false)).toEqual({ since: at });
    expect(nextUltimoCursor({ from: at }, [], false)).toEqual({ since: at });
    expect(nextUltimoCursor({ since: at }, [], false)).toEqual({ since: at });
  });

  it('never skips a job changed again within a second it has read (simulated store, any interleaving)', () => {
    // A store with one-second dates; between page reads, jobs change (taking the current second).
    // Whatever the page size and the interleaving, every job's last change is read at least once.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(
          fc.tuple(
            fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 3 }),
            fc.integer({ min: 0, max: 2 }),
            fc.boolean(),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        (pageSize, steps) => {
          const jobs = new Map<string, number>(); // id -> change second
          const seen = new Map<string, number>(); // id -> change second last read
          const crowded = new Set<number>(); // seconds that filled a whole page, with more to read
          let now = 0;
          let cursor: UltimoCursor = { since: iso(0) };
          const poll = (): boolean => {
            const rows = [...jobs]
              .filter(([id, at]) => matches(cursor, id, at))
              .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
            const page = rows.slice(0, pageSize);
            for (const [id, at] of page) seen.set(id, at);
            const more = rows.length > pageSize;
            cursor = nextUltimoCursor(
              cursor,
              page.map(([id, at]) => ({ at: iso(at), id })),
              more,
            );
            if (more && page.every(([, at]) => at === page[0][1])) crowded.add(page[0][1]);
            return more;
          };
          for (const [changed, tick, read] of steps) {
            now += tick;
            for (const job of changed) jobs.set(String(job).padStart(3, '0'), now); // dated this second
            // A page read (or not) in the same second as the changes: the race that matters.
            if (read) poll();
          }
          // Time passes (the last second is over); polls read until nothing more follows.
          for (let i = 0; i < 200 && poll(); i++);
          for (const [id, at] of jobs) {
            // The documented exception: a second that filled a whole page while more followed.
            if (crowded.has(at)) continue;
            expect([id, seen.get(id)]).toEqual([id, at]);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('round-trips through its text form, and falls back to `since` for text it did not write', () => {
    const cursor = { after: { at: '2026-03-09T15:33:51Z', id: '0000042' } };
    expect(decodeUltimoCursor(encodeUltimoCursor(cursor), since)).toEqual(cursor);
    for (const text of [
      null,
      'garbage',
      '{"since":"yesterday"}',
      '{"after":{"at":"2026-03-09T15:33:51Z"}}',
    ]) {
      expect(decodeUltimoCursor(text, since)).toEqual({ since: '2026-03-09T15:00:00Z' });
    }
  });
});

const iso = (second: number) =>
  new Date(Date.UTC(2026, 2, 9, 15, 0, second)).toISOString().replace('.000Z', 'Z');

/** What Ultimo's filter for the cursor selects (dates compared as seconds). */
function matches(cursor: UltimoCursor, id: string, at: number): boolean {
  const second = (text: string) => (Date.parse(text) - Date.parse(iso(0))) / 1000;
  if ('since' in cursor) return at >= second(cursor.since) - 1;
  if ('from' in cursor) return at >= second(cursor.from);
  const d = second(cursor.after.at);
  return at > d || (at === d && id > cursor.after.id);
}
