import { FormTokens } from './form-token';

describe('FormTokens', () => {
  const tokens = new FormTokens(Buffer.from('k'.repeat(32)));
  const t0 = Date.parse('2026-12-07T10:00:00Z');

  it('takes a token of ours after the minimum fill time, with its nonce', () => {
    const token = tokens.issue(t0);
    const check = tokens.check(token, 3, t0 + 20_000);
    expect(check).toEqual({ ok: true, nonce: token.split('.')[1] });
    expect(tokens.check(tokens.issue(t0), 3, t0 + 20_000)).not.toEqual(check);
  });

  it('refuses a robot that is too fast, an old form, and tokens not ours', () => {
    const token = tokens.issue(t0);
    expect(tokens.check(token, 3, t0 + 1_000)).toEqual({ ok: false, problem: 'too-fast' });
    expect(tokens.check(token, 3, t0 + 25 * 3600_000)).toEqual({ ok: false, problem: 'expired' });
    expect(new FormTokens(Buffer.from('x'.repeat(32))).check(token, 3, t0 + 20_000)).toEqual({
      ok: false,
      problem: 'invalid',
    });
    const [issued, nonce, mac] = token.split('.');
    expect(tokens.check(`${(t0 - 3600_000).toString(36)}.${nonce}.${mac}`, 3, t0 + 20_000)).toMatchObject({
      problem: 'invalid',
    });
    expect(tokens.check(`${issued}.${nonce}`, 3, t0 + 20_000)).toMatchObject({ problem: 'invalid' });
    expect(tokens.check(undefined, 3, t0)).toMatchObject({ problem: 'invalid' });
  });
});
