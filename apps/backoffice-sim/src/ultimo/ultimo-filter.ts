/**
 * The `filter` query option of Ultimo's REST API, as its developer guide documents it (an OData v4
 * subset without the `$`): `eq ne gt ge lt le like`, `and or not`, parentheses; operands are
 * `null` (with eq/ne only), `true`/`false`, numbers, strings in single quotes (a quote doubled
 * inside), and unquoted dates/date-times (`2018-03-09`, `2018-03-09T15:33:51Z`, `...+01:00`).
 * Date-times compare as instants; everything else compares as itself (strings lexically).
 */

export type FilterOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'like';

export type FilterLiteral =
  | { type: 'null' }
  | { type: 'boolean'; value: boolean }
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'datetime'; value: number };

export type FilterExpression =
  | { kind: 'and' | 'or'; left: FilterExpression; right: FilterExpression }
  | { kind: 'not'; operand: FilterExpression }
  | { kind: 'compare'; field: string; operator: FilterOperator; literal: FilterLiteral };

/** A filter the simulated Ultimo refuses (answered 400, as Ultimo does for a malformed request). */
export class FilterSyntaxError extends Error {}

type Token = { kind: 'word' | 'string' | 'number' | 'datetime' | '(' | ')'; text: string };

const OPERATORS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like']);
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/;
const NUMBER = /^-?\d+(\.\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_/]*/;
/** Tried in this order: a date starts like a number. */
const LEXEMES: { kind: Token['kind']; pattern: RegExp }[] = [
  { kind: 'datetime', pattern: DATETIME },
  { kind: 'number', pattern: NUMBER },
  { kind: 'word', pattern: WORD },
];

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let rest = input;
  while ((rest = rest.trimStart()).length) {
    const c = rest[0];
    if (c === '(' || c === ')') {
      tokens.push({ kind: c, text: c });
      rest = rest.slice(1);
      continue;
    }
    if (c === "'") {
      let value = '';
      let i = 1;
      for (;;) {
        if (i >= rest.length) throw new FilterSyntaxError('Unterminated string literal');
        if (rest[i] === "'" && rest[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (rest[i] === "'") {
          break;
        } else {
          value += rest[i++];
        }
      }
      tokens.push({ kind: 'string', text: value });
      rest = rest.slice(i + 1);
      continue;
    }
    const match = LEXEMES.map(({ kind, pattern }) => ({ kind, m: pattern.exec(rest) })).find((l) => l.m);
    if (!match?.m) throw new FilterSyntaxError(`Unexpected character '${c}' in filter`);
    tokens.push({ kind: match.kind, text: match.m[0] });
    rest = rest.slice(match.m[0].length);
  }
  return tokens;
}

/** Parses a filter; `fields` are the properties the API key exposes (anything else is refused). */
export function parseFilter(input: string, fields: ReadonlySet<string>): FilterExpression {
  const tokens = tokenize(input);
  let pos = 0;
  const peekWord = (word: string) => tokens[pos]?.kind === 'word' && tokens[pos].text.toLowerCase() === word;

  // One precedence level: terms of the tighter level joined by `word`, folded to the left.
  const joinedBy = (word: 'and' | 'or', term: () => FilterExpression) => (): FilterExpression => {
    let left = term();
    while (peekWord(word)) {
      pos++;
      left = { kind: word, left, right: term() };
    }
    return left;
  };
  // `and` binds tighter than `or`; parseUnary is defined below and only called once parsing starts.
  const parseAnd = joinedBy('and', () => parseUnary());
  const parseOr = joinedBy('or', parseAnd);
  const parseUnary = (): FilterExpression => {
    if (peekWord('not')) {
      pos++;
      return { kind: 'not', operand: parseUnary() };
    }
    if (tokens[pos]?.kind === '(') {
      pos++;
      const inner = parseOr();
      if (tokens[pos++]?.kind !== ')') throw new FilterSyntaxError('Missing closing parenthesis');
      return inner;
    }
    return parseComparison();
  };
  const parseComparison = (): FilterExpression => {
    const field = tokens[pos++];
    if (field?.kind !== 'word') throw new FilterSyntaxError('Expected a property name');
    if (!fields.has(field.text)) throw new FilterSyntaxError(`Unknown property '${field.text}'`);
    const op = tokens[pos++];
    const operator = op?.text.toLowerCase();
    if (op?.kind !== 'word' || !operator || !OPERATORS.has(operator)) {
      throw new FilterSyntaxError(`Expected an operator after '${field.text}'`);
    }
    const literal = parseLiteral(tokens[pos++]);
    if (literal.type === 'null' && operator !== 'eq' && operator !== 'ne') {
      throw new FilterSyntaxError('null can only be used with eq and ne');
    }
    if (operator === 'like' && literal.type !== 'string') throw new FilterSyntaxError('like needs a string');
    return { kind: 'compare', field: field.text, operator: operator as FilterOperator, literal };
  };

  const expression = parseOr();
  if (pos < tokens.length) throw new FilterSyntaxError(`Unexpected '${tokens[pos].text}' in filter`);
  return expression;
}

function parseLiteral(token: Token | undefined): FilterLiteral {
  if (!token) throw new FilterSyntaxError('Expected a value');
  switch (token.kind) {
    case 'string':
      return { type: 'string', value: token.text };
    case 'number':
      return { type: 'number', value: Number(token.text) };
    case 'datetime': {
      const value = Date.parse(token.text);
      if (Number.isNaN(value)) throw new FilterSyntaxError(`Invalid date '${token.text}'`);
      return { type: 'datetime', value };
    }
    case 'word': {
      const word = token.text.toLowerCase();
      if (word === 'null') return { type: 'null' };
      if (word === 'true' || word === 'false') return { type: 'boolean', value: word === 'true' };
      throw new FilterSyntaxError(`Expected a value, got '${token.text}'`);
    }
    default:
      throw new FilterSyntaxError(`Expected a value, got '${token.text}'`);
  }
}

/** Whether one record matches. A null property matches only `eq null` (and `ne <value>`). */
export function matchesFilter(record: Record<string, unknown>, expression: FilterExpression): boolean {
  switch (expression.kind) {
    case 'and':
      return matchesFilter(record, expression.left) && matchesFilter(record, expression.right);
    case 'or':
      return matchesFilter(record, expression.left) || matchesFilter(record, expression.right);
    case 'not':
      return !matchesFilter(record, expression.operand);
    case 'compare':
      return compare(record[expression.field], expression.operator, expression.literal);
  }
}

function compare(actual: unknown, operator: FilterOperator, literal: FilterLiteral): boolean {
  if (literal.type === 'null') return operator === 'eq' ? actual == null : actual != null;
  if (actual == null) return operator === 'ne';
  if (operator === 'like')
    return likePattern(literal.type === 'string' ? literal.value : '').test(asText(actual));
  const left = literal.type === 'datetime' ? Date.parse(asText(actual)) : actual;
  const right = literal.value;
  if (typeof left !== typeof right || (typeof left === 'number' && Number.isNaN(left)))
    return operator === 'ne';
  const order =
    (left as string | number | boolean) < right ? -1 : (left as string | number | boolean) > right ? 1 : 0;
  const outcomes: Record<Exclude<FilterOperator, 'like'>, boolean> = {
    eq: order === 0,
    ne: order !== 0,
    gt: order > 0,
    ge: order >= 0,
    lt: order < 0,
    le: order <= 0,
  };
  return outcomes[operator];
}

/** `%` is any run of characters and `_` one character; the rest is literal. */
function likePattern(pattern: string): RegExp {
  const body = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');
  return new RegExp(`^${body}$`, 's');
}

/** A property value as text (they are scalars; anything else compares as its JSON). */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
