import { ticketFixture } from '../testing/ticket-fixture';
import { isCallersTicket, looksLikeEmail, normalisePhone } from './caller-identity';

describe('caller identity', () => {
  it.each([
    ['0470 12 34 56', '+32470123456'],
    ['+32 470 12 34 56', '+32470123456'],
    ['0032 470/12.34.56', '+32470123456'],
    ['056 27 27 27', '+3256272727'],
    ['12', null],
    ['bel me', null],
  ])('reads %s as %s', (typed, number) => {
    expect(normalisePhone(typed)).toBe(number);
  });

  it('recognises an e-mail address', () => {
    expect(looksLikeEmail(' an@example.be ')).toBe(true);
    expect(looksLikeEmail('an@example')).toBe(false);
  });

  it('lists only tickets of this caller, never another citizen’s', () => {
    const ticket = ticketFixture();
    expect(isCallersTicket(ticket, { phone: '+32470123456', email: null })).toBe(true);
    expect(isCallersTicket(ticket, { phone: null, email: 'AN@example.be' })).toBe(true);
    expect(isCallersTicket(ticket, { phone: '+32470999999', email: 'other@example.be' })).toBe(false);
    expect(isCallersTicket(ticketFixture({ reporter: null }), { phone: '+32470123456', email: null })).toBe(
      false,
    );
  });
});
