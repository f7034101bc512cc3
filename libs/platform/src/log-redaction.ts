/**
 * Paths pino replaces with "[redacted]" wherever they appear in a log line. Request bodies are
 * never logged; these catch credentials and personal data that reach a log object anyway.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.reporter',
  '*.reporterName',
  '*.reporterEmail',
  '*.reporterPhone',
  '*.email',
  '*.phone',
];
