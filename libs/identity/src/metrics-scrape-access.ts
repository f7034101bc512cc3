import { timingSafeEqual, createHash } from 'node:crypto';
import { isIP } from 'node:net';

const FORWARDED_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/**
 * Whether a request may read /metrics: the counts per municipality and back-office are operational
 * detail, not for the public. With a token configured, the bearer must match it (compared in
 * constant time); without one, only an unproxied client on this machine (a sidecar or a local
 * Prometheus), since a proxy in front would make every visitor look local.
 */
export function mayScrapeMetrics(
  request: { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } },
  metricsToken: string | undefined,
): boolean {
  if (metricsToken !== undefined) {
    const given = /^Bearer\s+(\S+)$/i.exec(String(request.headers.authorization ?? ''))?.[1];
    return given !== undefined && sameSecret(given, metricsToken);
  }
  if (FORWARDED_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  return isLoopback(request.socket?.remoteAddress ?? '');
}

function sameSecret(a: string, b: string): boolean {
  // Hashing first makes both sides the same length, so the comparison reveals nothing of it either.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

function isLoopback(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return address === '::1';
}
