import fc from 'fast-check';
import { belgianPublicHolidays, easterSunday, isBelgianPublicHoliday } from './belgian-holidays';
import { weekdayOf } from './local-date';

describe('Belgian public holidays', () => {
  it.each([
    [1818, '1818-03-22'],
    [1943, '1943-04-25'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter %i is on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('lists the ten holidays of 2027', () => {
    expect(belgianPublicHolidays(2027)).toEqual([
      { date: '2027-01-01', name: "New Year's Day" },
      { date: '2027-03-29', name: 'Easter Monday' },
      { date: '2027-05-01', name: 'Labour Day' },
      { date: '2027-05-06', name: 'Ascension Day' },
      { date: '2027-05-17', name: 'Whit Monday' },
      { date: '2027-07-21', name: 'National Day' },
      { date: '2027-08-15', name: 'Assumption' },
      { date: '2027-11-01', name: "All Saints' Day" },
      { date: '2027-11-11', name: 'Armistice Day' },
      { date: '2027-12-25', name: 'Christmas Day' },
    ]);
  });

  it('lists Ascension and Labour Day on the same date in 2008', () => {
    const dates = belgianPublicHolidays(2008).map((h) => h.date);
    expect(dates.filter((d) => d === '2008-05-01')).toHaveLength(2);
  });

  it('knows holidays by date, and not the Flemish staff days off', () => {
    expect(isBelgianPublicHoliday('2027-03-29')).toBe(true);
    expect(isBelgianPublicHoliday('2027-03-28')).toBe(false);
    expect(isBelgianPublicHoliday('2027-07-11')).toBe(false);
    expect(isBelgianPublicHoliday('2031-04-14')).toBe(true); // Easter Monday 2031
  });

  it('puts Easter on a Sunday between 22 March and 25 April, and the movable feasts on their weekdays', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => {
        const easter = easterSunday(year);
        expect(weekdayOf(easter)).toBe('sun');
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
        const holidays = belgianPublicHolidays(year);
        // Ascension falls on Labour Day when Easter is on 23 March (2008, 2160...).
        const distinct = easter.endsWith('-03-23') ? 9 : 10;
        expect(new Set(holidays.map((h) => h.date)).size).toBe(distinct);
        const byName = Object.fromEntries(holidays.map((h) => [h.name, h.date]));
        expect(weekdayOf(byName['Easter Monday'])).toBe('mon');
        expect(weekdayOf(byName['Ascension Day'])).toBe('thu');
        expect(weekdayOf(byName['Whit Monday'])).toBe('mon');
      }),
      { numRuns: 300 },
    );
  });
});
