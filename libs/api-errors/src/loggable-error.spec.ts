import { loggableErrorText, withoutQuotedValues } from './loggable-error';

describe('loggable errors', () => {
  it("cuts PostgreSQL's quoted input value and never reads parameters or detail", () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "marieke@example.be"'), {
      name: 'QueryFailedError',
      code: '22P02',
      parameters: ['Marieke Peeters', 'marieke@example.be'],
      detail: 'Key (email)=(marieke@example.be) already exists.',
    });
    const text = loggableErrorText(error);
    expect(text.split('\n')[0]).toBe('QueryFailedError 22P02: invalid input syntax for type uuid: "…"');
    expect(text).not.toContain('marieke');
    expect(text).toMatch(/\n\s+at /);
  });

  it('keeps messages without a quoted value as they are', () => {
    expect(withoutQuotedValues('duplicate key value violates unique constraint "ticket_pkey"')).toBe(
      'duplicate key value violates unique constraint "ticket_pkey"',
    );
    expect(withoutQuotedValues("invalid input value for enum kind: 'x'")).toBe(
      "invalid input value for enum kind: '…'",
    );
  });
});
