import fc from 'fast-check';
import { findBrokenPath, findBrokenText, MAX_BODY_DEPTH } from './request-text-rules';

describe('request text rules', () => {
  it('names the field of a NUL or a lone surrogate, keys included', () => {
    expect(findBrokenText({ reporter: { email: 'a\u0000@b.be' } })).toMatchObject({
      field: 'reporter.email',
      rule: 'noNullCharacter',
    });
    expect(findBrokenText({ items: ['ok', 'x\ud800'] })).toMatchObject({
      field: 'items.1',
      rule: 'isWellFormedUnicode',
    });
    expect(findBrokenText({ 'k\u0000': 1 })).toMatchObject({ field: 'k\u0000', rule: 'noNullCharacter' });
    expect(findBrokenText('\udc00')).toMatchObject({ field: 'body', rule: 'isWellFormedUnicode' });
  });

  it('accepts any well-formed text without NUL, emoji and accents included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const clean = JSON.parse(JSON.stringify(value).replace(/\\u0000/g, '')) as unknown;
        expect(findBrokenText(clean)).toBeNull();
      }),
    );
    expect(findBrokenText({ description: 'Straatlamp 👍 café Ĳ' })).toBeNull();
  });

  it('stops at the depth limit instead of walking (or overflowing on) a deeper body', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(findBrokenText(deep)).toMatchObject({ rule: 'maxDepth' });
    let allowed: unknown = 'x';
    for (let i = 0; i < MAX_BODY_DEPTH; i++) allowed = [allowed];
    expect(findBrokenText(allowed)).toBeNull();
  });

  it('checks each percent-encoded path segment', () => {
    expect(findBrokenPath('/api/v1/tickets/ZWVL-2026-000001')).toBeNull();
    expect(findBrokenPath('/api/v1/tickets/caf%C3%A9')).toBeNull();
    expect(findBrokenPath('/api/v1/tickets/%00')).toMatchObject({ field: 'path', rule: 'noNullCharacter' });
    expect(findBrokenPath('/api/v1/tickets/%ED%A0%80')).toMatchObject({ rule: 'isUrlEncoded' });
    expect(findBrokenPath('/api/v1/tickets/100%')).toMatchObject({ rule: 'isUrlEncoded' });
  });
});
