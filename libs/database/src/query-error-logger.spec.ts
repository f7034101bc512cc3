import { Logger } from '@nestjs/common';
import { QueryErrorLogger } from './query-error-logger';

describe('QueryErrorLogger', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs a failed query with its SQLSTATE and statement, never its parameters', () => {
    const lines: string[] = [];
    jest
      .spyOn(Logger.prototype, 'error')
      .mockImplementation((message: unknown) => void lines.push(String(message)));
    const error = Object.assign(new Error('invalid input syntax for type integer: "0470 12 34 56"'), {
      code: '22P02',
    });
    new QueryErrorLogger().logQueryError(
      error,
      'INSERT INTO ticket (reporter_name, reporter_email, reporter_phone)\n   VALUES ($1, $2, $3)',
      ['An Peeters', 'an.peeters@example.be', '0470 12 34 56'],
    );
    expect(lines).toEqual([
      'query failed (22P02): invalid input syntax for type integer: "…"; in: INSERT INTO ticket (reporter_name, reporter_email, reporter_phone) VALUES ($1, $2, $3)',
    ]);
  });
});
