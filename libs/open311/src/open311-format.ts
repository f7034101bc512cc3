import type { Response } from 'express';

/** The two formats GeoReport v2 serves; the path's extension chooses (`services.xml`), JSON by default. */
export type Open311Format = 'json' | 'xml';

export function parseFormat(extension: string | undefined): Open311Format | null {
  if (extension === undefined || extension === 'json') return 'json';
  if (extension === 'xml') return 'xml';
  return null;
}

// GeoReport v2 names the element of each list's item: <services><service>, <service_requests><request>.
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  tokens: 'token',
};

type Plain = string | number | boolean | null | undefined | Date | Plain[] | { [key: string]: Plain };

/** XML 1.0 text: escapes markup and drops the control characters XML cannot carry at all. */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: Plain): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${xmlText(String(value))}</${name}>`;
}

/** A GeoReport v2 XML document: `root` holds the list, or the one object. */
export function toXml(root: string, body: Plain): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, body)}`;
}

/** Sends a GeoReport body in the requested format; `root` is the XML document element. */
export function sendOpen311(
  res: Response,
  format: Open311Format,
  status: number,
  root: string,
  body: Plain,
): void {
  res.status(status);
  if (format === 'xml') {
    res.type('application/xml; charset=utf-8').send(toXml(root, body));
  } else {
    res.json(body);
  }
}
