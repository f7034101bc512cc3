/**
 * Paths pino replaces with "[redacted]" wherever they appear in a log line. Request bodies are
 * never logged; these catch credentials and personal data that reach a log object anyway, at the
 * top level and up to two levels deep (pino's `*` matches one level).
 */
const SENSITIVE_KEYS = [
  'password',
  'accessToken',
  'refreshToken',
  'token',
  'secret',
  'key',
  'reporter',
  'reporterName',
  'reporterEmail',
  'reporterPhone',
  'email',
  'phone',
  'name',
  'recipient',
  'to',
  'description',
  'body',
];

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-signature"]',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/**
 * The URL as it may be logged: no query string (filters and GDPR look-ups carry e-mail addresses
 * and search text there), citizen link tokens replaced, and any path segment that looks like an
 * e-mail address or phone number replaced too (a client may put one in a path by mistake).
 */
export function loggableUrl(url: string): string {
  return url
    .split('?')[0]
    .replace(/(\/public\/tickets\/|\/status\/)[^/]+/, '$1[token]')
    .split('/')
    .map((segment) => (looksPersonal(segment) ? '[redacted]' : segment))
    .join('/');
}

function looksPersonal(segment: string): boolean {
  let text: string;
  try {
    text = decodeURIComponent(segment);
  } catch {
    text = segment;
  }
  if (text.includes('@')) return true;
  // 8 to 15 digits with phone separators only (+32 470 12 34 56, 0470-12-34-56); a UUID has 32.
  const digits = text.replace(/\D/g, '').length;
  return /^\+?[\d\s()./-]+$/.test(text) && digits >= 8 && digits <= 15;
}
