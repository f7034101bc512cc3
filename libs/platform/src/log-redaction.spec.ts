import pino from 'pino';
import { loggableUrl, REDACTED_PATHS } from './log-redaction';

describe('log redaction', () => {
  it('keeps e-mail addresses, phone numbers, names and tokens out of log lines', () => {
    const lines: string[] = [];
    const logger = pino(
      { redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
      { write: (line: string) => lines.push(line) },
    );
    logger.info({ email: 'top@example.be', reporter: { name: 'An Peeters' } }, 'top level');
    logger.info({ user: { email: 'one@example.be', phone: '+32470123456' } }, 'one deep');
    logger.info({ job: { data: { recipient: 'two@example.be', reporterName: 'Jan Claes' } } }, 'two deep');
    logger.info(
      { req: { headers: { authorization: 'Bearer abc.def.ghi', 'x-api-key': 'mpk_1_x' } } },
      'headers',
    );
    const output = lines.join('');
    for (const secret of [
      'example.be',
      '+32470123456',
      'An Peeters',
      'Jan Claes',
      'abc.def.ghi',
      'mpk_1_x',
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('[redacted]');
  });

  it('logs URLs without query strings, link tokens, e-mail addresses or phone numbers', () => {
    expect(loggableUrl('/api/v1/gdpr/export?email=an@example.be')).toBe('/api/v1/gdpr/export');
    expect(loggableUrl('/api/v1/public/tickets/abcdef123/replies')).toBe(
      '/api/v1/public/tickets/[token]/replies',
    );
    expect(loggableUrl('/status/abcdef123')).toBe('/status/[token]');
    expect(loggableUrl('/api/v1/tickets/an.peeters%40example.be')).toBe('/api/v1/tickets/[redacted]');
    expect(loggableUrl('/api/v1/tickets/an.peeters@example.be/history')).toBe(
      '/api/v1/tickets/[redacted]/history',
    );
    expect(loggableUrl('/api/v1/tickets/%2B32%20470%2012%2034%2056')).toBe('/api/v1/tickets/[redacted]');
    expect(loggableUrl('/api/v1/tickets/0470-12-34-56')).toBe('/api/v1/tickets/[redacted]');
    expect(loggableUrl('/api/v1/tickets/00000000-0000-4000-8000-000000000000')).toBe(
      '/api/v1/tickets/00000000-0000-4000-8000-000000000000',
    );
    expect(loggableUrl('/api/v1/tickets/ZWVL-2027-000042/history')).toBe(
      '/api/v1/tickets/ZWVL-2027-000042/history',
    );
  });
});
