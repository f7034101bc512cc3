import type { Response } from 'express';

/**
 * Headers of our HTML pages (status page, dev mails): nothing loads but our own inline style and
 * images, forms post only to us, the token in the URL never leaves in a Referer, and no cache or
 * search engine keeps the page.
 */
export function setHtmlPageHeaders(res: Response): void {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  );
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Robots-Tag', 'noindex');
}
