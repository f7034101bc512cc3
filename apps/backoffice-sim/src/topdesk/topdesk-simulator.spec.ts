import type { SimRequest, SimResponse } from '../sim-http';
import { TopdeskSimulator } from './topdesk-simulator';

const AUTH = `Basic ${Buffer.from('meldpunt:sim-app-password').toString('base64')}`;

function call(sim: TopdeskSimulator, method: string, url: string, body?: unknown, auth = AUTH): SimResponse {
  const parsed = new URL(url, 'http://sim');
  const req: SimRequest = {
    method,
    path: parsed.pathname,
    query: parsed.searchParams,
    headers: { authorization: auth },
    raw: Buffer.alloc(0),
    body,
    invalidJson: false,
  };
  return sim.handle(req);
}

const caller = { dynamicName: 'An Peeters' };
type Json = Record<string, unknown>;

describe('TOPdesk simulator', () => {
  let clock = Date.parse('2026-11-23T10:15:00.250Z');
  const sim = new TopdeskSimulator({ now: () => clock });
  const create = (body: Json) => call(sim, 'POST', '/incidents', { caller, ...body });

  beforeEach(() => {
    sim.reset();
    clock = Date.parse('2026-11-23T10:15:00.250Z');
  });

  it('refuses other credentials with TOPdesk error shape', () => {
    const wrong = `Basic ${Buffer.from('meldpunt:nope').toString('base64')}`;
    expect(call(sim, 'GET', '/version', undefined, wrong)).toMatchObject({
      status: 401,
      body: [{ message: expect.any(String) }],
    });
    expect(call(sim, 'GET', '/version')).toEqual({ status: 200, body: { version: '3.9.0' } });
  });

  it('creates with TOPdesk field shapes and second-precision modification dates', () => {
    const res = create({
      briefDescription: 'Put',
      externalNumber: 'ZWVL-1',
      category: { name: 'Openbaar domein' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      number: 'I 2611 0001',
      status: 'firstLine',
      caller: { id: null, dynamicName: 'An Peeters' },
      category: { id: expect.any(String), name: 'Openbaar domein' },
      processingStatus: { name: 'Aangemeld' },
      creationDate: '2026-11-23T10:15:00.250+0000',
      modificationDate: '2026-11-23T10:15:00.000+0000',
    });
  });

  it.each([
    [{ briefDescription: 'x'.repeat(81) }, 'briefDescription'],
    [{ externalNumber: 'x'.repeat(61) }, 'externalNumber'],
    [{ category: { id: 'a', name: 'b' } }, 'not both'],
    [{ category: { name: 'Onbekend' } }, 'category.name'],
    [{ operatorGroup: { name: 'Team nergens' } }, 'operatorGroup.name'],
    [{ category: { name: 'Dienstverlening' }, subcategory: { name: 'Wegen' } }, 'subcategory.name'],
    [{ caller: undefined }, 'caller'],
    [{ caller: { email: 'a@b.be' } }, 'dynamicName'],
  ])('refuses %p', (body, field) => {
    const res = create(body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it('compares modification dates to the second, as TOPdesk stores them', () => {
    create({ externalNumber: 'ZWVL-1' });
    clock += 500; // 10:15:00.750: same second
    const query = (q: string) => call(sim, 'GET', `/incidents?query=${encodeURIComponent(q)}`).status;
    expect(query('modificationDate=gt=2026-11-23T10:15:00.500Z')).toBe(204);
    expect(query('modificationDate=ge=2026-11-23T10:15:00Z')).toBe(200);
    expect(query('modificationDate=gt=2026-11-23T10:14:59Z')).toBe(200);
  });

  it('pages with 206 while more follow, 200 on the last page and 204 past the end, in the asked order', () => {
    for (let i = 0; i < 5; i++) {
      clock += 1000;
      create({ externalNumber: `ZWVL-${i}` });
    }
    const page = (q: string) => call(sim, 'GET', `/incidents?${q}`);
    const refs = (res: SimResponse) => (res.body as Json[]).map((i) => i.externalNumber);
    expect(page('pageSize=2&sort=modificationDate:asc')).toMatchObject({ status: 206 });
    expect(refs(page('pageSize=2&pageStart=2&sort=modificationDate:asc'))).toEqual(['ZWVL-2', 'ZWVL-3']);
    expect(page('pageSize=2&pageStart=4&sort=modificationDate:asc')).toMatchObject({ status: 200 });
    expect(page('pageSize=2&pageStart=6')).toEqual({ status: 204 });
    expect(refs(page('page_size=2&order_by=creation_date+DESC'))).toEqual(['ZWVL-4', 'ZWVL-3']);
    expect(page('pageSize=101').status).toBe(400);
  });

  it('adds actions on PATCH and lists them newest first', () => {
    const { id } = create({ externalNumber: 'ZWVL-1' }).body as { id: string };
    clock += 2000;
    call(sim, 'PATCH', `/incidents/id/${id}`, { action: 'eerste', actionInvisibleForCaller: true });
    clock += 1000;
    const patched = call(sim, 'PATCH', `/incidents/id/${id}`, { action: 'tweede', onHold: true });
    expect(patched.body).toMatchObject({ onHold: true, onHoldDate: '2026-11-23T10:15:03.250+0000' });
    const actions = call(sim, 'GET', `/incidents/id/${id}/actions`).body as Json[];
    expect(actions.map((a) => [a.memoText, a.invisibleForCaller])).toEqual([
      ['tweede', false],
      ['eerste', true],
    ]);
    expect(actions[0]).toMatchObject({ operator: { name: 'Meldpunt koppeling' }, person: null });
  });

  it('finds an incident by its number, spaces and all', () => {
    create({ externalNumber: 'ZWVL-1' });
    expect(call(sim, 'GET', '/incidents/number/I%202611%200001').status).toBe(200);
    expect(call(sim, 'GET', '/incidents/number/I%202611%200002').status).toBe(404);
  });
});
