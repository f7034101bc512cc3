import { hashBody, summarise } from './ticket-intake.service';

describe('hashBody', () => {
  it('ignores key order but not values', () => {
    expect(hashBody({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(hashBody({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(hashBody({ a: 1 })).not.toBe(hashBody({ a: 2 }));
    expect(hashBody({ a: [1, 2] })).not.toBe(hashBody({ a: [2, 1] }));
  });
});

describe('summarise', () => {
  it('keeps a short first line and cuts a long one at a word boundary', () => {
    expect(summarise('Kapotte lamp\nmeer uitleg')).toBe('Kapotte lamp');
    const long = 'woord '.repeat(40).trim();
    const subject = summarise(long);
    expect(subject.length).toBeLessThanOrEqual(100);
    expect(subject.endsWith('woord…')).toBe(true);
  });
});
