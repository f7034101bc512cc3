import { XMLParser } from 'fast-xml-parser';

/**
 * A GeoReport v2 client written from the specification (http://wiki.open311.org/GeoReport_v2),
 * not from our code: form-encoded POSTs, `.json`/`.xml` suffixes, lists as documented. XML is
 * read with a real parser, so a malformed document fails the test.
 */
export type Format = 'json' | 'xml';

export interface Open311Answer<T> {
  status: number;
  contentType: string;
  body: T;
  raw: string;
}

const LISTS = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format']);
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => LISTS.has(name),
});

/** The XML document as the JSON shape: <services><service/>... → [ ... ]. */
function fromXml(raw: string): unknown {
  const doc = parser.parse(raw) as Record<string, unknown>;
  const [root] = Object.keys(doc).filter((k) => k !== '?xml');
  const value = doc[root] as Record<string, unknown> | string;
  if (value === '' || value === undefined) return [];
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && LISTS.has(keys[0])) return value[keys[0]];
  }
  return value;
}

export class Open311Client {
  constructor(
    private readonly endpoint: string,
    private readonly format: Format = 'json',
    private readonly apiKey?: string,
  ) {}

  services(query: Record<string, string> = {}) {
    return this.get<Record<string, unknown>[]>('services', query);
  }

  serviceDefinition(code: string, query: Record<string, string> = {}) {
    return this.get<Record<string, unknown>>(`services/${encodeURIComponent(code)}`, query);
  }

  requests(query: Record<string, string> = {}) {
    return this.get<Record<string, unknown>[]>('requests', query);
  }

  request(id: string, query: Record<string, string> = {}) {
    return this.get<Record<string, unknown>[]>(`requests/${encodeURIComponent(id)}`, query);
  }

  token(token: string) {
    return this.get<Record<string, unknown>[]>(`tokens/${encodeURIComponent(token)}`, {});
  }

  /** POST requests: api_key, service_code, location, description, contact, attribute[code]. */
  async postRequest(
    params: Record<string, string>,
    attributes: Record<string, string> = {},
    headers: Record<string, string> = {},
  ): Promise<Open311Answer<Record<string, unknown>[]>> {
    const form = new URLSearchParams();
    if (this.apiKey) form.set('api_key', this.apiKey);
    for (const [k, v] of Object.entries(params)) form.set(k, v);
    for (const [k, v] of Object.entries(attributes)) form.set(`attribute[${k}]`, v);
    const res = await fetch(`${this.endpoint}/requests.${this.format}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: form.toString(),
    });
    return this.read(res);
  }

  private async get<T>(path: string, query: Record<string, string>): Promise<Open311Answer<T>> {
    // GET needs no key in the spec; a client holding one sends it, and reads its own in full.
    const q = new URLSearchParams(this.apiKey && !query.api_key ? { ...query, api_key: this.apiKey } : query);
    const res = await fetch(`${this.endpoint}/${path}.${this.format}${q.size ? `?${q.toString()}` : ''}`);
    return this.read(res);
  }

  private async read<T>(res: Response): Promise<Open311Answer<T>> {
    const raw = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    const body = (this.format === 'xml' ? fromXml(raw) : JSON.parse(raw)) as T;
    return { status: res.status, contentType, body, raw };
  }
}
