import { acceptsFeedback, citizenReplyEffect } from './citizen-reply-rules';

const DAY = 86_400_000;
const now = new Date('2027-04-20T10:00:00Z');

describe('citizenReplyEffect', () => {
  it('answers the open question and adds messages to open tickets', () => {
    expect(citizenReplyEffect('waiting_for_citizen', null, now)).toBe('answer');
    expect(citizenReplyEffect('new', null, now)).toBe('message');
    expect(citizenReplyEffect('in_progress', null, now)).toBe('message');
  });

  it('reopens a ticket resolved up to 14 days ago, not later', () => {
    expect(citizenReplyEffect('resolved', new Date(now.getTime() - 14 * DAY), now)).toBe('reopen');
    expect(citizenReplyEffect('resolved', new Date(now.getTime() - 14 * DAY - 1000), now)).toBe('refused');
  });

  it('refuses closed and cancelled tickets', () => {
    expect(citizenReplyEffect('closed', new Date(now.getTime() - DAY), now)).toBe('refused');
    expect(citizenReplyEffect('cancelled', null, now)).toBe('refused');
  });
});

describe('acceptsFeedback', () => {
  it('only once the work is done', () => {
    expect(['resolved', 'closed'].every((s) => acceptsFeedback(s as 'resolved'))).toBe(true);
    expect(acceptsFeedback('in_progress')).toBe(false);
    expect(acceptsFeedback('cancelled')).toBe(false);
  });
});
