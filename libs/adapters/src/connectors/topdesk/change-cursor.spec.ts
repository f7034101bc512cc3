import { changeQuery, decodeCursor, encodeCursor, nextCursor, type ChangeCursor } from './change-cursor';

const t = (iso: string) => Date.parse(iso);
const since = new Date('2026-11-23T10:00:00.700Z');
const second = t('2026-11-23T10:00:00Z');

describe('TOPdesk change cursor', () => {
  it('starts from since, cut to the second, and overlaps one second in the query', () => {
    const cursor = decodeCursor(null, since);
    expect(cursor).toEqual({ after: second, pageStart: 0, mode: 'overlap' });
    expect(changeQuery(cursor)).toBe('modificationDate=gt=2026-11-23T09:59:59Z');
  });

  it('round-trips every mode, and falls back to since for a cursor it did not write', () => {
    const cursors: ChangeCursor[] = [
      { after: second, pageStart: 0, mode: 'overlap' },
      { after: second, pageStart: 90, mode: 'crowded' },
      { after: second, pageStart: 0, mode: 'after' },
    ];
    for (const c of cursors) expect(decodeCursor(encodeCursor(c), since)).toEqual(c);
    expect(decodeCursor('garbage', since)).toEqual(decodeCursor(null, since));
    expect(decodeCursor('2026-11-23T10:15:00Z#x', since)).toEqual(decodeCursor(null, since));
    expect(decodeCursor('2026-11-23T10:15:00.000+0000', since).after).toBe(t('2026-11-23T10:15:00Z'));
  });

  it('moves to the last second of the page', () => {
    const current: ChangeCursor = { after: second, pageStart: 0, mode: 'overlap' };
    const dates = [second, t('2026-11-23T10:05:00Z'), t('2026-11-23T10:07:30Z')];
    expect(nextCursor(current, dates, true)).toEqual({
      after: t('2026-11-23T10:07:30Z'),
      pageStart: 0,
      mode: 'overlap',
    });
    expect(nextCursor(current, [], false)).toEqual(current);
  });

  it('pages through a crowded second alone, then continues just after it', () => {
    let cursor: ChangeCursor = { after: t('2026-11-23T09:59:00Z'), pageStart: 0, mode: 'overlap' };
    cursor = nextCursor(cursor, Array<number>(100).fill(second), true);
    expect(cursor).toEqual({ after: second, pageStart: 90, mode: 'crowded' });
    expect(changeQuery(cursor)).toBe(
      'modificationDate=ge=2026-11-23T10:00:00Z;modificationDate=lt=2026-11-23T10:00:01Z',
    );
    cursor = nextCursor(cursor, Array<number>(100).fill(second), true);
    expect(cursor).toEqual({ after: second, pageStart: 180, mode: 'crowded' });
    cursor = nextCursor(cursor, [second, second], false);
    expect(cursor).toEqual({ after: second, pageStart: 0, mode: 'after' });
    expect(changeQuery(cursor)).toBe('modificationDate=gt=2026-11-23T10:00:00Z');
  });

  it('never skips incidents moved out of a crowded second: the offset applies to that second only', () => {
    // The bug this design avoids: an offset into `gt=<second - 1>` skips incidents modified again.
    const crowded: ChangeCursor = { after: second, pageStart: 23, mode: 'crowded' };
    expect(changeQuery(crowded)).toContain('modificationDate=lt=');
  });

  it('enters crowded mode when a full page mixes the previous second with a crowded current one', () => {
    const before = t('2026-11-23T09:59:59Z');
    const page = [...Array<number>(10).fill(before), ...Array<number>(90).fill(second)];
    expect(nextCursor({ after: second, pageStart: 0, mode: 'overlap' }, page, true)).toEqual({
      after: second,
      pageStart: 80,
      mode: 'crowded',
    });
  });
});
