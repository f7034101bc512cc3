import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header back-office tools sign their webhook calls with: `X-Signature: sha256=<hex>`. */
export const SIGNATURE_HEADER = 'x-signature';

/** `sha256=<hex HMAC-SHA256 of the raw body>`, as the sender computes it. */
export function webhookSignature(rawBody: Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * Whether the header is the HMAC of exactly these bytes. Compared in constant time, so response
 * times do not reveal how much of a forged signature was right.
 */
export function isValidWebhookSignature(
  rawBody: Buffer,
  header: string | undefined,
  secret: string,
): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '');
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(match[1], 'hex'), expected);
}
