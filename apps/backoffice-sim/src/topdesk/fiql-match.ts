import { FiqlError, type FiqlNode, type FiqlValue } from './fiql';
import { parseIsoDateTime } from './topdesk-dates';

/** How a selector reads one item: its type decides how the written value is parsed and compared. */
export type FiqlField<T> =
  | { type: 'string'; get(item: T): string | null }
  | { type: 'date'; get(item: T): number | null }
  | { type: 'boolean'; get(item: T): boolean };

export type FiqlFields<T> = Record<string, FiqlField<T>>;

type Comparable = string | number | boolean | null;

/**
 * Compiles a parsed query into a predicate; unknown selectors and values of the wrong type fail at
 * once (a 400 in TOPdesk), not per item. Strings compare case-insensitively, as TOPdesk's database
 * collation does; a bare `null` matches an empty field.
 */
export function compileFiql<T>(node: FiqlNode, fields: FiqlFields<T>): (item: T) => boolean {
  if (node.kind === 'group') {
    const parts = node.children.map((child) => compileFiql(child, fields));
    return node.combine === 'and'
      ? (item) => parts.every((p) => p(item))
      : (item) => parts.some((p) => p(item));
  }
  const field = fields[node.selector];
  if (!field) throw new FiqlError(`Unknown field '${node.selector}' in query`);
  const wanted = node.values.map((value) => parseValue(field, node.selector, value));
  const read = (item: T): Comparable => normalise(field.get(item));
  switch (node.operator) {
    case '==':
      return (item) => read(item) === wanted[0];
    case '!=':
      return (item) => read(item) !== wanted[0];
    case '=in=':
      return (item) => wanted.includes(read(item));
    case '=out=':
      return (item) => !wanted.includes(read(item));
    default: {
      const operator = node.operator;
      if (field.type === 'boolean' || wanted[0] === null) {
        throw new FiqlError(`Operator ${operator} cannot be used on '${node.selector}' with this value`);
      }
      const bound = wanted[0];
      return (item) => {
        const actual = read(item);
        if (actual === null || typeof actual === 'boolean') return false;
        if (operator === '=gt=') return actual > bound;
        if (operator === '=ge=') return actual >= bound;
        if (operator === '=lt=') return actual < bound;
        return actual <= bound;
      };
    }
  }
}

function parseValue<T>(field: FiqlField<T>, selector: string, value: FiqlValue): Comparable {
  if (!value.quoted && value.text === 'null') return null;
  if (field.type === 'string') return value.text.toLowerCase();
  if (field.type === 'boolean') {
    if (value.text === 'true' || value.text === 'false') return value.text === 'true';
    throw new FiqlError(`'${value.text}' is not a boolean value for '${selector}'`);
  }
  const ms = parseIsoDateTime(value.text);
  if (ms === null) throw new FiqlError(`'${value.text}' is not a valid date for '${selector}'`);
  return ms;
}

function normalise(value: string | number | boolean | null): Comparable {
  if (typeof value === 'string') return value === '' ? null : value.toLowerCase();
  return value;
}
