import { FilterSyntaxError, matchesFilter, parseFilter } from './ultimo-filter';
import { applyListQuery, parseListQuery } from './ultimo-list-query';

const FIELDS = new Set(['Id', 'Description', 'Status', 'ExternalId', 'RecordChangeDate', 'Price']);
const job = (over: Record<string, unknown> = {}) => ({
  Id: '0000012',
  Description: "Putdeksel los aan 't kerkplein",
  Status: 4,
  ExternalId: 'ZWVL-2026-000042',
  RecordChangeDate: '2026-03-09T15:33:51Z',
  Price: 500.5,
  ...over,
});
const matches = (filter: string, record = job()) => matchesFilter(record, parseFilter(filter, FIELDS));

describe('Ultimo filter', () => {
  it('compares strings, numbers and booleans with the six operators', () => {
    expect(matches("ExternalId eq 'ZWVL-2026-000042'")).toBe(true);
    expect(matches("ExternalId ne 'ZWVL-2026-000042'")).toBe(false);
    expect(matches('Status ge 4 and Status lt 16')).toBe(true);
    expect(matches('Price gt 500.0')).toBe(true);
    expect(matches("Id gt '0000011' and Id le '0000012'")).toBe(true);
  });

  it('reads a doubled quote inside a string literal as one quote', () => {
    expect(matches("Description eq 'Putdeksel los aan ''t kerkplein'")).toBe(true);
  });

  it('compares unquoted date-times as instants, whatever their offset', () => {
    expect(matches('RecordChangeDate gt 2026-03-09T15:33:50Z')).toBe(true);
    expect(matches('RecordChangeDate eq 2026-03-09T16:33:51+01:00')).toBe(true);
    expect(matches('RecordChangeDate ge 2026-03-10')).toBe(false);
  });

  it('matches null only through eq and ne', () => {
    expect(matches('ExternalId ne null')).toBe(true);
    expect(matches('ExternalId eq null', job({ ExternalId: null }))).toBe(true);
    expect(matches("ExternalId eq 'x'", job({ ExternalId: null }))).toBe(false);
    expect(() => parseFilter('ExternalId gt null', FIELDS)).toThrow(FilterSyntaxError);
  });

  it('supports like with % and _, not, and parentheses with and binding tighter than or', () => {
    expect(matches("ExternalId like 'ZWVL-%'")).toBe(true);
    expect(matches("ExternalId like 'ZWVL-2026-00004_'")).toBe(true);
    expect(matches("not Description like '%kerk'")).toBe(true);
    expect(matches('Status eq 1 or Status eq 4 and Price lt 1')).toBe(false);
    expect(matches('(Status eq 1 or Status eq 4) and Price gt 1')).toBe(true);
    const keyset =
      "RecordChangeDate gt 2026-03-09T15:33:51Z or (RecordChangeDate eq 2026-03-09T15:33:51Z and Id gt '0000011')";
    expect(matches(keyset)).toBe(true);
    expect(matches(keyset, job({ Id: '0000011' }))).toBe(false);
  });

  it('refuses unknown properties, unknown operators and dangling input', () => {
    for (const bad of [
      "Secret eq 'x'",
      "ExternalId is 'x'",
      "ExternalId eq 'x",
      'Status eq 1)',
      '(Status eq 1',
      'eq 1',
    ]) {
      expect(() => parseFilter(bad, FIELDS)).toThrow(FilterSyntaxError);
    }
  });
});

describe('Ultimo list query', () => {
  const records = [job({ Id: '3', Status: 1 }), job({ Id: '1', Status: 4 }), job({ Id: '2', Status: 4 })];

  it('orders on several properties, then pages with skip/top and projects with select', () => {
    const query = parseListQuery(
      new URLSearchParams({ orderby: 'Status desc,Id', skip: '1', top: '1', select: 'Id,Status' }),
      FIELDS,
    );
    expect(applyListQuery(records, query)).toEqual([{ Id: '2', Status: 4 }]);
  });

  it('refuses an unknown property in orderby or select and a negative top', () => {
    expect(() => parseListQuery(new URLSearchParams({ orderby: 'Secret' }), FIELDS)).toThrow(
      FilterSyntaxError,
    );
    expect(() => parseListQuery(new URLSearchParams({ select: 'Id,Secret' }), FIELDS)).toThrow(
      FilterSyntaxError,
    );
    expect(() => parseListQuery(new URLSearchParams({ top: '-1' }), FIELDS)).toThrow(FilterSyntaxError);
  });
});
