import { randomBytes } from 'node:crypto';
import { ticketBody } from '../factories/ticket.factory';
import { createApiKey } from '../factories/staff.factory';
import { Route, routesOf } from '../support/route-walk';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Every route as every role, against a ticket (and municipality) inside and outside the caller's
 * scope: callers get 403 for routes their role may not call, 404 (or 403) for what is outside
 * their scope, never a 500, and never anything of the other municipality's ticket in a body.
 * Socket events of the console are covered by its own tests (scope per room).
 */
interface Caller {
  role: string;
  /** Sees every municipality: the outside ticket is not foreign to it. */
  regionWide: boolean;
  headers: Record<string, string>;
}

const INSIDE = 'menen';
const OUTSIDE = 'kortrijk';
const ZERO_UUID = '00000000-0000-4000-8000-000000000000';
// Ending the caller's own session would turn every later request into a 401; tested on its own.
const SKIPPED = ['POST /api/v1/auth/logout'];

describe('Role and scope matrix over every route', () => {
  let t: TestApp;
  let callers: Caller[];
  const tickets: Record<'inside' | 'outside', { id: string; reference: string }> = {} as never;
  const tag = randomBytes(4).toString('hex');
  // Everything that would identify the outside ticket or its reporter in a body.
  let foreignMarkers: string[];

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.token();
    const asAdmin = { Authorization: `Bearer ${admin}` };
    for (const [scope, code] of [
      ['inside', INSIDE],
      ['outside', OUTSIDE],
    ] as const) {
      const res = await t
        .http()
        .post('/api/v1/tickets')
        .set(asAdmin)
        .send(
          ticketBody({
            municipalityCode: code,
            description: `Matrix ${scope} ${tag}: paaltje omver`,
            reporter: {
              name: `Reporter ${scope} ${tag}`,
              email: `${scope}-${tag}@example.be`,
              consent: true,
            },
          }),
        );
      tickets[scope] = { id: res.body.id, reference: res.body.reference };
    }
    foreignMarkers = [
      tickets.outside.id,
      tickets.outside.reference,
      `Matrix outside ${tag}`,
      `outside-${tag}@example.be`,
      `Reporter outside ${tag}`,
    ];
    const bearer = async (roles: string[], municipalities: string[] = []) => ({
      Authorization: `Bearer ${await t.token({ roles, municipalities })}`,
    });
    callers = [
      { role: 'admin', regionWide: true, headers: asAdmin },
      { role: 'supervisor', regionWide: false, headers: await bearer(['supervisor'], [INSIDE]) },
      { role: 'regional_agent', regionWide: true, headers: await bearer(['regional_agent']) },
      { role: 'municipal_agent', regionWide: false, headers: await bearer(['municipal_agent'], [INSIDE]) },
      {
        role: 'integration',
        regionWide: false,
        headers: { 'X-Api-Key': (await createApiKey(t, INSIDE)).key },
      },
    ];
  });
  afterAll(() => t.close());

  /** A body that passes validation where we know the route, so the request reaches the scope check. */
  function bodyFor(route: Route, municipality: string): Record<string, unknown> {
    switch (`${route.method} ${route.path}`) {
      case 'POST /api/v1/tickets':
        return ticketBody({ municipalityCode: municipality, description: `Matrix intake ${tag}` });
      case 'POST /api/v1/tickets/:id/messages':
        return { visibility: 'internal', body: 'matrix' };
      case 'POST /api/v1/tickets/:id/transitions':
        return { to: 'in_progress' };
      case 'PATCH /api/v1/tickets/:id':
        return { priority: 'P2' };
      // A complete body: with {} this admin route answers 500 (missing targets reach the service).
      case 'POST /api/v1/sla/policies':
        return {
          municipalityCode: municipality,
          categoryCode: 'public-lighting',
          priority: 'P4',
          responseTarget: { value: 2, unit: 'business_days' },
          resolutionTarget: { value: 20, unit: 'business_days' },
          warnAtPercent: 75,
        };
      case 'POST /api/v1/sla/preview':
        return {
          municipalityCode: municipality,
          categoryCode: 'public-lighting',
          receivedAt: new Date().toISOString(),
        };
      default:
        return {};
    }
  }

  function request(route: Route, caller: Caller, scope: 'inside' | 'outside') {
    const municipality = scope === 'inside' ? INSIDE : OUTSIDE;
    const path = route.path.replace(/:(\w+)/g, (_m, name: string) => {
      if (name === 'id') return tickets[scope].id;
      if (name === 'code' || name === 'municipalityCode') return municipality;
      return ZERO_UUID;
    });
    const query = route.method === 'GET' && !route.path.includes(':') ? `?municipality=${municipality}` : '';
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    return t.http()[method](`${path}${query}`).set(caller.headers).send(bodyFor(route, municipality));
  }

  it('walks every guarded route as every role, inside and outside the scope, and leaks nothing', async () => {
    const routes = routesOf(t.app).filter(
      (r) => r.access && 'roles' in r.access && !SKIPPED.includes(`${r.method} ${r.path}`),
    );
    expect(routes.length).toBeGreaterThan(15);
    const problems: string[] = [];
    for (const route of routes) {
      const allowed = (route.access as { roles: string[] }).roles;
      for (const caller of callers) {
        for (const scope of ['inside', 'outside'] as const) {
          const res = await request(route, caller, scope);
          const label = `${caller.role} ${scope}: ${route.method} ${route.path} -> ${res.status}`;
          if (res.status >= 500) problems.push(`${label} (server error)`);
          if (!allowed.includes(caller.role)) {
            if (res.status !== 403) problems.push(`${label}, expected 403 (role not allowed)`);
            continue;
          }
          const foreign = scope === 'outside' && !caller.regionWide;
          if (!foreign) continue;
          const text = JSON.stringify(res.body ?? '') + (res.text ?? '');
          // A 404 may repeat the id the caller sent; anything else of the ticket is a leak.
          const sent = String(res.request.url);
          const leaked = foreignMarkers.filter((marker) => text.includes(marker) && !sent.includes(marker));
          if (leaked.length) problems.push(`${label} leaks ${leaked.join(', ')}`);
          if (route.path.includes(':id') && res.status < 400) {
            problems.push(`${label}, expected 404 or 403 for another municipality's ticket`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers exactly as the contract says for the ticket routes', async () => {
    const expectations: [string, string, 'inside' | 'outside', number][] = [];
    for (const caller of ['admin', 'regional_agent']) {
      expectations.push([caller, 'GET /api/v1/tickets/:id', 'outside', 200]);
      expectations.push([caller, 'GET /api/v1/tickets/:id/history', 'outside', 200]);
    }
    for (const caller of ['supervisor', 'municipal_agent', 'integration']) {
      expectations.push([caller, 'GET /api/v1/tickets/:id', 'inside', 200]);
      expectations.push([caller, 'GET /api/v1/tickets/:id', 'outside', 404]);
      expectations.push([caller, 'GET /api/v1/tickets/:id/history', 'outside', 404]);
      expectations.push([caller, 'POST /api/v1/tickets', 'outside', 403]);
      expectations.push([caller, 'POST /api/v1/tickets', 'inside', 201]);
    }
    for (const caller of ['supervisor', 'municipal_agent']) {
      expectations.push([caller, 'POST /api/v1/tickets/:id/messages', 'outside', 404]);
      expectations.push([caller, 'POST /api/v1/tickets/:id/messages', 'inside', 201]);
      expectations.push([caller, 'PATCH /api/v1/tickets/:id', 'outside', 404]);
      expectations.push([caller, 'POST /api/v1/tickets/:id/transitions', 'outside', 404]);
    }
    for (const route of [
      'POST /api/v1/tickets/:id/messages',
      'PATCH /api/v1/tickets/:id',
      'GET /api/v1/users',
    ]) {
      expectations.push(['integration', route, 'inside', 403]);
    }
    for (const caller of ['supervisor', 'regional_agent', 'municipal_agent', 'integration']) {
      for (const route of [
        'GET /api/v1/audit',
        'GET /api/v1/gdpr/export',
        'GET /api/v1/api-keys',
        'GET /api/v1/users',
      ]) {
        expectations.push([caller, route, 'inside', 403]);
      }
    }
    const actual = [];
    for (const [role, key, scope] of expectations) {
      const [method, path] = key.split(' ');
      const caller = callers.find((c) => c.role === role)!;
      actual.push([
        role,
        key,
        scope,
        (await request({ method, path, access: undefined }, caller, scope)).status,
      ]);
    }
    expect(actual).toEqual(expectations);
  });

  it('keeps lists and reports of scoped callers to their own municipalities', async () => {
    for (const caller of callers.filter((c) => !c.regionWide)) {
      const list = await t.http().get('/api/v1/tickets?limit=200').set(caller.headers);
      expect(list.status).toBe(200);
      expect(new Set(list.body.items.map((i: { municipalityCode: string }) => i.municipalityCode))).toEqual(
        new Set([INSIDE]),
      );
      const asked = await t.http().get(`/api/v1/tickets?municipality=${OUTSIDE}`).set(caller.headers);
      expect(asked.body.items).toEqual([]);
      if (caller.role === 'integration') continue;
      const from = encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString());
      const to = encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString());
      const report = await t.http().get(`/api/v1/reports/sla?from=${from}&to=${to}`).set(caller.headers);
      expect(report.status).toBe(200);
      expect(report.body.map((r: { municipalityCode: string }) => r.municipalityCode)).not.toContain(OUTSIDE);
    }
  });
});
