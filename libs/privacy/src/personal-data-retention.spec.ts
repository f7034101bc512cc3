import { monthsBefore } from './personal-data-retention';

describe('monthsBefore', () => {
  it('goes back whole calendar months, clamping to the end of shorter months', () => {
    expect(monthsBefore(new Date('2029-03-15T03:15:00Z'), 24).toISOString()).toBe('2027-03-15T03:15:00.000Z');
    expect(monthsBefore(new Date('2029-03-31T00:00:00Z'), 1).toISOString()).toBe('2029-02-28T00:00:00.000Z');
    expect(monthsBefore(new Date('2028-05-31T12:00:00Z'), 3).toISOString()).toBe('2028-02-29T12:00:00.000Z');
    expect(monthsBefore(new Date('2029-01-10T00:00:00Z'), 13).toISOString()).toBe('2027-12-10T00:00:00.000Z');
  });
});
