import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const MAX_AGE_MS = 24 * 3600_000;

export type FormTokenCheck =
  { ok: true; nonce: string } | { ok: false; problem: 'invalid' | 'expired' | 'too-fast' };

/**
 * The hidden token of one served web form: when it was served and a random nonce, signed. It
 * proves the form came from us (no blind posting from elsewhere), tells a robot that fills in a
 * form in under a few seconds from a person, and its nonce makes sending the same form twice
 * (a double click, the back button) one report. No third party, no script, no cookie.
 */
export class FormTokens {
  constructor(private readonly key: Buffer) {}

  issue(now = Date.now()): string {
    const body = `${now.toString(36)}.${randomBytes(16).toString('base64url')}`;
    return `${body}.${this.mac(body)}`;
  }

  check(token: unknown, minFillSeconds: number, now = Date.now()): FormTokenCheck {
    if (typeof token !== 'string') return { ok: false, problem: 'invalid' };
    const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return { ok: false, problem: 'invalid' };
    const [, issued, nonce, mac] = match;
    const expected = Buffer.from(this.mac(`${issued}.${nonce}`));
    if (!timingSafeEqual(expected, Buffer.from(mac))) return { ok: false, problem: 'invalid' };
    const age = now - parseInt(issued, 36);
    if (age > MAX_AGE_MS) return { ok: false, problem: 'expired' };
    if (age < minFillSeconds * 1000) return { ok: false, problem: 'too-fast' };
    return { ok: true, nonce };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
