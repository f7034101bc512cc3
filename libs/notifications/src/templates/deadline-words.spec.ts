import { dateInWords, deadlineInWords } from './deadline-words';

const BRUSSELS = 'Europe/Brussels';
const now = new Date('2027-03-30T09:00:00Z');

describe('deadlineInWords', () => {
  it('says the deadline in the citizen’s language', () => {
    const at = new Date('2027-04-06T15:00:00Z');
    expect(deadlineInWords(at, 'nl', BRUSSELS, now)).toBe('uiterlijk op dinsdag 6 april');
    expect(deadlineInWords(at, 'fr', BRUSSELS, now)).toBe('au plus tard le mardi 6 avril');
    expect(deadlineInWords(at, 'en', BRUSSELS, now)).toBe('by Tuesday 6 April');
  });

  it('takes the date in Brussels, not in UTC', () => {
    // 23:30 UTC on Monday 5 April is already Tuesday in Brussels (summer time, UTC+2).
    expect(deadlineInWords(new Date('2027-04-05T23:30:00Z'), 'nl', BRUSSELS, now)).toBe(
      'uiterlijk op dinsdag 6 april',
    );
  });

  it('adds the year only when it is not this year', () => {
    const december = new Date('2027-12-20T10:00:00Z');
    expect(dateInWords(new Date('2028-01-04T10:00:00Z'), 'nl', BRUSSELS, december)).toBe(
      'dinsdag 4 januari 2028',
    );
    expect(dateInWords(new Date('2028-01-04T10:00:00Z'), 'en', BRUSSELS, december)).toBe(
      'Tuesday 4 January 2028',
    );
  });
});
