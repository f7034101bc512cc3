import {
  asText,
  FilterSyntaxError,
  matchesFilter,
  parseFilter,
  type FilterExpression,
} from './ultimo-filter';

/** The query options of an Ultimo collection GET: `filter`, `orderby`, `top`, `skip`, `select` (no `$`). */
export interface ListQuery {
  filter: FilterExpression | null;
  orderBy: { field: string; descending: boolean }[];
  top: number | null;
  skip: number;
  select: string[] | null;
}

export function parseListQuery(query: URLSearchParams, fields: ReadonlySet<string>): ListQuery {
  const known = (name: string) => {
    if (!fields.has(name)) throw new FilterSyntaxError(`Unknown property '${name}'`);
    return name;
  };
  const filterText = query.get('filter');
  const orderBy = (query.get('orderby') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [field, direction = 'asc', ...extra] = part.split(/\s+/);
      if (extra.length || !['asc', 'desc'].includes(direction.toLowerCase())) {
        throw new FilterSyntaxError(`Invalid orderby '${part}'`);
      }
      return { field: known(field), descending: direction.toLowerCase() === 'desc' };
    });
  const select = query.get('select');
  return {
    filter: filterText ? parseFilter(filterText, fields) : null,
    orderBy,
    top: query.has('top') ? count(query.get('top'), 'top') : null,
    skip: query.has('skip') ? count(query.get('skip'), 'skip') : 0,
    select: select ? select.split(',').map((f) => known(f.trim())) : null,
  };
}

function count(value: string | null, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new FilterSyntaxError(`${name} must be a non-negative integer`);
  return n;
}

/** Filters, orders (nulls first, then the original order as tie-breaker), pages and projects. */
export function applyListQuery(
  records: Record<string, unknown>[],
  query: ListQuery,
): Record<string, unknown>[] {
  const matching = query.filter ? records.filter((r) => matchesFilter(r, query.filter!)) : [...records];
  if (query.orderBy.length) {
    matching.sort((a, b) => {
      for (const { field, descending } of query.orderBy) {
        const order = compareValues(a[field], b[field]);
        if (order !== 0) return descending ? -order : order;
      }
      return 0;
    });
  }
  const page = matching.slice(query.skip, query.top === null ? undefined : query.skip + query.top);
  return page.map((record) => projectFields(record, query.select));
}

export function projectFields(
  record: Record<string, unknown>,
  select: string[] | null,
): Record<string, unknown> {
  if (!select) return { ...record };
  return Object.fromEntries(select.map((field) => [field, record[field] ?? null]));
}

function compareValues(a: unknown, b: unknown): number {
  if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = asText(a);
  const right = asText(b);
  return left < right ? -1 : left > right ? 1 : 0;
}
