/**
 * FIQL as TOPdesk's `query` parameter takes it: `selector<op>value` constraints joined by `;` (AND,
 * binds tighter) and `,` (OR), parentheses for grouping, string values optionally in single or
 * double quotes (backslash escapes the quote). Operators: `==`, `!=`, `=gt=`, `=ge=`, `=lt=`,
 * `=le=`, and `=in=` / `=out=` with a parenthesised list.
 */

export type FiqlOperator = '==' | '!=' | '=gt=' | '=ge=' | '=lt=' | '=le=' | '=in=' | '=out=';

export type FiqlNode = FiqlGroup | FiqlComparison;

export interface FiqlGroup {
  kind: 'group';
  /** `;` is AND, `,` is OR. */
  combine: 'and' | 'or';
  children: FiqlNode[];
}

export interface FiqlComparison {
  kind: 'compare';
  selector: string;
  operator: FiqlOperator;
  values: FiqlValue[];
}

/** A value as written: `quoted` values are always strings, bare `null`/`true`/`false` are not. */
export interface FiqlValue {
  text: string;
  quoted: boolean;
}

export class FiqlError extends Error {}

const OPERATORS: FiqlOperator[] = ['==', '!=', '=gt=', '=ge=', '=lt=', '=le=', '=in=', '=out='];
const BARE_VALUE_END = new Set([';', ',', '(', ')', "'", '"']);

export function parseFiql(query: string): FiqlNode {
  const parser = new FiqlParser(query);
  const node = parser.parseOr();
  parser.expectEnd();
  return node;
}

class FiqlParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parseOr(): FiqlNode {
    const children = [this.parseAnd()];
    while (this.peek() === ',') {
      this.pos++;
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0] : { kind: 'group', combine: 'or', children };
  }

  expectEnd(): void {
    if (this.pos < this.text.length) this.fail(`unexpected '${this.text[this.pos]}'`);
  }

  private parseAnd(): FiqlNode {
    const children = [this.parseConstraint()];
    while (this.peek() === ';') {
      this.pos++;
      children.push(this.parseConstraint());
    }
    return children.length === 1 ? children[0] : { kind: 'group', combine: 'and', children };
  }

  private parseConstraint(): FiqlNode {
    if (this.peek() === '(') {
      this.pos++;
      const inner = this.parseOr();
      if (this.peek() !== ')') this.fail("missing ')'");
      this.pos++;
      return inner;
    }
    const selector = /^[A-Za-z][A-Za-z0-9_.]*/.exec(this.text.slice(this.pos))?.[0];
    if (!selector) this.fail('expected a selector');
    this.pos += selector.length;
    const operator = OPERATORS.find((op) => this.text.startsWith(op, this.pos));
    if (!operator) this.fail(`expected an operator after '${selector}'`);
    this.pos += operator.length;
    const values = operator === '=in=' || operator === '=out=' ? this.parseList() : [this.parseValue()];
    return { kind: 'compare', selector, operator, values };
  }

  private parseList(): FiqlValue[] {
    if (this.peek() !== '(') this.fail("expected '(' to open a value list");
    this.pos++;
    const values = [this.parseValue()];
    while (this.peek() === ',') {
      this.pos++;
      values.push(this.parseValue());
    }
    if (this.peek() !== ')') this.fail("missing ')' after a value list");
    this.pos++;
    return values;
  }

  private parseValue(): FiqlValue {
    const quote = this.peek();
    if (quote === "'" || quote === '"') {
      let text = '';
      this.pos++;
      while (this.pos < this.text.length && this.text[this.pos] !== quote) {
        if (this.text[this.pos] === '\\' && this.pos + 1 < this.text.length) this.pos++;
        text += this.text[this.pos++];
      }
      if (this.pos >= this.text.length) this.fail('unterminated quoted value');
      this.pos++;
      return { text, quoted: true };
    }
    const start = this.pos;
    while (this.pos < this.text.length && !BARE_VALUE_END.has(this.text[this.pos])) this.pos++;
    if (this.pos === start) this.fail('expected a value');
    return { text: this.text.slice(start, this.pos), quoted: false };
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private fail(reason: string): never {
    throw new FiqlError(`Invalid query at position ${this.pos}: ${reason}`);
  }
}
