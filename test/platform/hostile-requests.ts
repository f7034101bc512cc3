import type { Route } from '../support/route-walk';

/** mulberry32: a small seeded generator, so a failing fuzz run can be repeated exactly. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let x = this.state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Strings that have broken parsers, validators and databases before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'x\u0000y',
  '\ud800',
  'a\udfffb',
  '😀',
  'é',
  '\u202egnp.exe',
  'a'.repeat(5000),
  '%',
  '%00',
  "'; DROP TABLE ticket; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '-1',
  '0',
  '1e309',
  '9'.repeat(30),
  'null',
  'true',
  '00000000-0000-0000-0000-000000000000',
  'ZWVL-2026-000001',
  'kortrijk',
  'menen',
  'public-lighting',
  'P1',
  'new',
  'resolved',
  'waiting_for_citizen',
  '2027-02-30T25:61:00Z',
  '2026-12-05T10:00:00+01:00',
  'business_days',
  'topdesk',
];

/** Raw path segments, percent-encoded as a client would send them (or would get wrong). */
const NASTY_SEGMENTS = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%',
  '%zz',
  '%C0%AF',
  '..',
  '%2e%2e',
  'x'.repeat(300),
  '😀',
];

const QUERY_KEYS = [
  'municipality',
  'status',
  'categoryCode',
  'q',
  'breached',
  'cursor',
  'limit',
  'from',
  'to',
  'email',
  'phone',
  'caller',
  'sinceEventId',
];

export interface HostileRequest {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  url: string;
  body?: string | Buffer;
  contentType: string;
}

export interface FuzzContext {
  /** Real values for route parameters, so some requests get past the look-up. */
  ids: Record<string, string>;
  /** A valid ticket body, mutated for the write routes. */
  validBody: Record<string, unknown>;
  personal: { name: string; email: string; phone: string };
}

export function hostileRequest(rng: Rng, route: Route, ctx: FuzzContext): HostileRequest {
  const path = route.path.replace(/:(\w+)/g, (_m, name: string) => pathValue(rng, ctx.ids[name]));
  const query = rng.chance(0.4) ? `?${hostileQuery(rng, ctx)}` : '';
  const method = route.method.toLowerCase() as HostileRequest['method'];
  const request: HostileRequest = { method, url: `${path}${query}`, contentType: 'application/json' };
  if (method === 'get' || method === 'delete') return request;
  return { ...request, ...hostileBody(rng, ctx) };
}

function pathValue(rng: Rng, real: string | undefined): string {
  const roll = rng.int(10);
  if (real && roll < 4) return real;
  if (roll < 7) return rng.pick(NASTY_SEGMENTS);
  return encodeWellFormed(rng.pick(NASTY_STRINGS)) || 'x';
}

function hostileQuery(rng: Rng, ctx: FuzzContext): string {
  const parts: string[] = [];
  for (let n = 1 + rng.int(3); n > 0; n--) {
    const value = rng.chance(0.2)
      ? rng.pick([ctx.personal.email, ctx.personal.phone, ctx.personal.name])
      : rng.pick(NASTY_STRINGS);
    const encoded = rng.chance(0.2) ? rng.pick(NASTY_SEGMENTS) : encodeWellFormed(value);
    parts.push(`${rng.pick(QUERY_KEYS)}=${encoded}`);
  }
  return parts.join('&');
}

/** encodeURIComponent refuses a lone surrogate; send it the way a broken client would: as UTF-8 of it. */
function encodeWellFormed(text: string): string {
  return text.replace(/\p{Cs}/gu, () => '%ED%A0%80').replace(/[^%]+/g, (s) => encodeURIComponent(s));
}

function hostileBody(rng: Rng, ctx: FuzzContext): Pick<HostileRequest, 'body' | 'contentType'> {
  const roll = rng.int(20);
  if (roll === 0) return { body: '{"description": "unterminated', contentType: 'application/json' };
  if (roll === 1)
    return {
      body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      contentType: 'application/json',
    };
  if (roll === 2)
    return { body: 'kind=report&description=x', contentType: 'application/x-www-form-urlencoded' };
  if (roll === 3) return { body: deepNesting(rng.pick([33, 200, 5000])), contentType: 'application/json' };
  if (roll < 12)
    return { body: JSON.stringify(mutate(rng, ctx.validBody, 0)), contentType: 'application/json' };
  return { body: JSON.stringify(randomValue(rng, 0, ctx)), contentType: 'application/json' };
}

function deepNesting(levels: number): string {
  return `${'{"description":'.repeat(levels)}"x"${'}'.repeat(levels)}`;
}

/** The valid body with a few fields replaced, dropped or added. */
function mutate(rng: Rng, body: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  const keys = Object.keys(out);
  for (let n = 1 + rng.int(3); n > 0; n--) {
    const key = rng.pick([
      ...keys,
      'to',
      'body',
      'visibility',
      'message',
      'score',
      'email',
      'password',
      'roles',
    ]);
    const roll = rng.int(4);
    if (roll === 0) delete out[key];
    else if (roll === 1 && typeof out[key] === 'object' && out[key] !== null && depth < 2) {
      out[key] = mutate(rng, out[key] as Record<string, unknown>, depth + 1);
    } else out[key] = randomValue(rng, depth + 1, undefined);
  }
  return out;
}

function randomValue(rng: Rng, depth: number, ctx: FuzzContext | undefined): unknown {
  const roll = rng.int(depth > 3 ? 6 : 9);
  switch (roll) {
    case 0:
      return rng.pick(NASTY_STRINGS);
    case 1:
      return rng.pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 5]);
    case 2:
      return rng.pick([true, false, null]);
    case 3:
      return ctx
        ? rng.pick([ctx.personal.email, ctx.personal.name, ctx.personal.phone])
        : rng.pick(NASTY_STRINGS);
    case 4:
      return rng.pick(NASTY_STRINGS) + rng.pick(NASTY_STRINGS);
    case 5:
      return String(rng.int(100000));
    case 6:
    case 7: {
      const obj: Record<string, unknown> = {};
      for (let n = rng.int(5); n > 0; n--) {
        obj[
          rng.pick([
            ...QUERY_KEYS,
            'kind',
            'to',
            'body',
            'reporter',
            'location',
            'rule',
            rng.pick(NASTY_STRINGS),
          ])
        ] = randomValue(rng, depth + 1, ctx);
      }
      return obj;
    }
    default:
      return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1, ctx));
  }
}
