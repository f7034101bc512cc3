import { FiqlError, parseFiql } from './fiql';
import { compileFiql, type FiqlFields } from './fiql-match';

interface Row {
  ref: string | null;
  modified: number;
  done: boolean;
}

const FIELDS: FiqlFields<Row> = {
  externalNumber: { type: 'string', get: (r) => r.ref },
  modificationDate: { type: 'date', get: (r) => r.modified },
  completed: { type: 'boolean', get: (r) => r.done },
};

const at = (iso: string) => Date.parse(iso);
const rows: Row[] = [
  { ref: 'ZWVL-2026-000001', modified: at('2026-11-23T10:15:00Z'), done: false },
  { ref: 'ZWVL-2026-000002', modified: at('2026-11-23T10:15:01Z'), done: true },
  { ref: null, modified: at('2026-11-23T10:16:00Z'), done: false },
];

function select(query: string): (string | null)[] {
  return rows.filter(compileFiql(parseFiql(query), FIELDS)).map((r) => r.ref);
}

describe('FIQL (TOPdesk query)', () => {
  it('parses AND over OR with groups', () => {
    expect(parseFiql("a==1;b=gt=2,(c!='x y';d=le=3)")).toEqual({
      kind: 'group',
      combine: 'or',
      children: [
        {
          kind: 'group',
          combine: 'and',
          children: [
            { kind: 'compare', selector: 'a', operator: '==', values: [{ text: '1', quoted: false }] },
            { kind: 'compare', selector: 'b', operator: '=gt=', values: [{ text: '2', quoted: false }] },
          ],
        },
        {
          kind: 'group',
          combine: 'and',
          children: [
            { kind: 'compare', selector: 'c', operator: '!=', values: [{ text: 'x y', quoted: true }] },
            { kind: 'compare', selector: 'd', operator: '=le=', values: [{ text: '3', quoted: false }] },
          ],
        },
      ],
    });
  });

  it('reads quoted values with escapes and =in= lists', () => {
    expect(parseFiql(`x=="it\\'s";y=in=(a,'b,c')`)).toMatchObject({
      children: [
        { values: [{ text: "it's" }] },
        { operator: '=in=', values: [{ text: 'a' }, { text: 'b,c' }] },
      ],
    });
  });

  it.each(['', 'a', 'a==', 'a=gt=1;', "a=='open", 'a==1)', '(a==1', 'a=like=1'])('rejects %p', (query) => {
    expect(() => parseFiql(query)).toThrow(FiqlError);
  });

  it('matches strings exactly but case-insensitively, quoted or not', () => {
    expect(select("externalNumber=='zwvl-2026-000001'")).toEqual(['ZWVL-2026-000001']);
    expect(select('externalNumber==ZWVL-2026-000002')).toEqual(['ZWVL-2026-000002']);
    expect(select('externalNumber!=ZWVL-2026-000002')).toEqual(['ZWVL-2026-000001', null]);
    expect(select('externalNumber==null')).toEqual([null]);
  });

  it('compares dates given with Z, +0000 or +00:00 and a fraction or none', () => {
    expect(select('modificationDate=gt=2026-11-23T10:15:00Z')).toEqual(['ZWVL-2026-000002', null]);
    expect(select('modificationDate=ge=2026-11-23T10:15:00.000+0000')).toHaveLength(3);
    expect(select('modificationDate=lt=2026-11-23T11:15:01+01:00')).toEqual(['ZWVL-2026-000001']);
    expect(select("modificationDate=le='2026-11-23T10:15:01.000+0000';completed==true")).toEqual([
      'ZWVL-2026-000002',
    ]);
  });

  it('combines with ; and , and groups', () => {
    expect(select('completed==true,externalNumber==null')).toEqual(['ZWVL-2026-000002', null]);
    expect(select('(completed==true,externalNumber==null);modificationDate=gt=2026-11-23T10:15:30Z')).toEqual(
      [null],
    );
    expect(select('externalNumber=out=(ZWVL-2026-000001,null)')).toEqual(['ZWVL-2026-000002']);
  });

  it('refuses unknown fields and badly typed values before matching anything', () => {
    const compile = (q: string) => compileFiql(parseFiql(q), FIELDS);
    expect(() => compile('nope==1')).toThrow("Unknown field 'nope'");
    expect(() => compile('modificationDate=gt=yesterday')).toThrow('not a valid date');
    expect(() => compile('completed==yes')).toThrow('not a boolean');
    expect(() => compile('completed=gt=true')).toThrow(FiqlError);
  });
});
