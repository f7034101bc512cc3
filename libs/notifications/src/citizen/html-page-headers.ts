import type { Response } from 'express';

/**
 * Headers of our HTML pages (status page, dev mails): nothing loads but our own inline style and
 * images, forms post only to us, the token in the URL never leaves in a Referer, and no cache or
 * search engine keeps the page. A page meant to be embedded names the sites that may frame it; a
 * page with a script names it (by hash), never 'unsafe-inline'.
 */
export function setHtmlPageHeaders(
  res: Response,
  options: { frameAncestors?: string[]; scriptSrc?: string; connectSrc?: string } = {},
): void {
  const ancestors = options.frameAncestors?.length ? options.frameAncestors.join(' ') : "'none'";
  const script = `${options.scriptSrc ? `; script-src ${options.scriptSrc}` : ''}${options.connectSrc ? `; connect-src ${options.connectSrc}` : ''}`;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; form-action 'self'; base-uri 'none'; frame-ancestors ${ancestors}${script}`,
  );
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Robots-Tag', 'noindex');
}
