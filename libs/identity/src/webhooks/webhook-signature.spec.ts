import { isValidWebhookSignature, webhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test-secret';
  const body = Buffer.from('{"id":"TD-1","status":"closed"}');

  it('accepts the HMAC of the exact bytes, in either hex case', () => {
    const signature = webhookSignature(body, secret);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(isValidWebhookSignature(body, signature, secret)).toBe(true);
    expect(isValidWebhookSignature(body, signature.toUpperCase().replace('SHA256', 'sha256'), secret)).toBe(
      true,
    );
  });

  it('refuses another body, another secret, a malformed or missing header', () => {
    const signature = webhookSignature(body, secret);
    expect(isValidWebhookSignature(Buffer.from('{"id":"TD-1","status":"open"}'), signature, secret)).toBe(
      false,
    );
    // Re-serialised JSON (other spacing) is other bytes: the raw body is what counts.
    expect(
      isValidWebhookSignature(Buffer.from('{"id": "TD-1", "status": "closed"}'), signature, secret),
    ).toBe(false);
    expect(isValidWebhookSignature(body, signature, 'whsec_other')).toBe(false);
    expect(isValidWebhookSignature(body, signature.slice(0, -2), secret)).toBe(false);
    expect(isValidWebhookSignature(body, signature.replace('sha256=', 'sha1='), secret)).toBe(false);
    expect(isValidWebhookSignature(body, undefined, secret)).toBe(false);
    expect(isValidWebhookSignature(body, '', secret)).toBe(false);
  });
});
