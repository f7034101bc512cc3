import { automaticMailReason } from './automatic-mail';

const headers = (entries: Record<string, unknown>) => new Map(Object.entries(entries));
const notOurs = () => false;

describe('automaticMailReason', () => {
  it('takes a plain mail from a citizen as theirs', () => {
    expect(
      automaticMailReason(headers({ subject: 'Put' }), 'an@example.be', 'an@example.be', notOurs),
    ).toBeNull();
    expect(
      automaticMailReason(headers({ 'auto-submitted': 'no' }), 'an@example.be', 'an@example.be', notOurs),
    ).toBeNull();
  });

  it.each([
    ['a null return path', headers({}), '', 'an@example.be', 'bounce'],
    [
      'a delivery report',
      headers({
        'content-type': { value: 'multipart/report', params: { 'report-type': 'delivery-status' } },
      }),
      'x@example.be',
      'x@example.be',
      'bounce',
    ],
    ['the mailer daemon', headers({}), 'bounces@example.be', 'MAILER-DAEMON@example.be', 'bounce'],
    ['a no-reply sender', headers({}), 'bounces@example.be', 'noreply@example.be', 'auto-reply'],
    [
      'RFC 3834 auto-replied',
      headers({ 'auto-submitted': 'auto-replied' }),
      'an@example.be',
      'an@example.be',
      'auto-reply',
    ],
    [
      'an Exchange out-of-office',
      headers({ 'x-auto-response-suppress': 'All' }),
      'an@example.be',
      'an@example.be',
      'auto-reply',
    ],
    ['a vacation program', headers({ 'x-autoreply': 'yes' }), 'an@example.be', 'an@example.be', 'auto-reply'],
    [
      'precedence auto_reply',
      headers({ precedence: 'auto_reply' }),
      'an@example.be',
      'an@example.be',
      'auto-reply',
    ],
    [
      'precedence bulk',
      headers({ precedence: 'bulk' }),
      'news@example.be',
      'news@example.be',
      'mailing-list',
    ],
    [
      'a list',
      headers({ list: { id: { id: 'buurt.example.be' } } }),
      'buurt@example.be',
      'buurt@example.be',
      'mailing-list',
    ],
  ])('does not take %s as a citizen mail', (_case, h, returnPath, from, reason) => {
    expect(automaticMailReason(h, returnPath, from, notOurs)).toBe(reason);
  });

  it('does not answer one of our own mailboxes (a loop)', () => {
    const ours = (a: string) => a === 'meldpunt@kortrijk.meldpunt.local';
    expect(
      automaticMailReason(
        headers({}),
        'meldpunt@kortrijk.meldpunt.local',
        'meldpunt@kortrijk.meldpunt.local',
        ours,
      ),
    ).toBe('own-mail');
  });
});
