import { io, Socket } from 'socket.io-client';
import { Infrastructure, loadConfig } from '@meldpunt/config';
import { createApiApp } from '@meldpunt/platform';
import { TEST_REDIS_URL } from '../support/test-env';
import { startTestApp, TestApp } from '../support/test-app';
import { ticketBody } from '../factories/ticket.factory';
import { waitFor } from '../support/wait-for';

interface TicketEvent {
  eventId: string;
  ticket: { id: string; municipalityCode: string; status: string };
}

describe('Console gateway (socket.io /console)', () => {
  let t: TestApp;
  let url: string;
  let admin: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp({ RUN_WORKER: 'true', OUTBOX_POLL_MS: '20' });
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    admin = await t.token();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  function connect(token: string | undefined, base = url): Socket {
    const socket = io(`${base}/console`, {
      auth: token ? { token } : {},
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    return socket;
  }
  const connected = (socket: Socket) =>
    new Promise<void>((resolve, reject) => {
      if (socket.connected) return resolve();
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
  const record = (socket: Socket, name = 'ticket.created') => {
    const seen: TicketEvent[] = [];
    socket.on(name, (event: TicketEvent) => seen.push(event));
    return seen;
  };
  const create = async (body: Record<string, unknown>) =>
    (await t.http().post('/api/v1/tickets').set('Authorization', `Bearer ${admin}`).send(ticketBody(body)))
      .body as { id: string };

  it('refuses a handshake without a valid token', async () => {
    await expect(connected(connect(undefined))).rejects.toThrow(/unauthorized/);
    await expect(connected(connect('forged.token.value'))).rejects.toThrow(/unauthorized/);
  });

  it('never sends an agent the events of another municipality', async () => {
    const menenAgent = connect(await t.token({ roles: ['municipal_agent'], municipalities: ['menen'] }));
    const regional = connect(await t.token({ roles: ['regional_agent'] }));
    await Promise.all([connected(menenAgent), connected(regional)]);
    const menenSeen = record(menenAgent);
    const regionalSeen = record(regional);
    const kortrijk = await create({ municipalityCode: 'kortrijk' });
    const menen = await create({ municipalityCode: 'menen' });
    await waitFor(() => regionalSeen.length >= 2 && menenSeen.length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(menenSeen.map((e) => e.ticket.id)).toEqual([menen.id]);
    expect(regionalSeen.map((e) => e.ticket.id)).toEqual([kortrijk.id, menen.id]);
    expect(Number(regionalSeen[1].eventId)).toBeGreaterThan(Number(regionalSeen[0].eventId));
  });

  it('gives a claimed ticket to exactly one of two agents clicking at once', async () => {
    const a = connect(await t.token({ roles: ['regional_agent'] }));
    const b = connect(await t.token({ roles: ['regional_agent'] }));
    await Promise.all([connected(a), connected(b)]);
    const { id } = await create({ municipalityCode: 'waregem' });
    const claimedEvents = record(a, 'ticket.claimed');
    const [ra, rb] = await Promise.all([
      a.timeout(5000).emitWithAck('ticket.claim', { ticketId: id }),
      b.timeout(5000).emitWithAck('ticket.claim', { ticketId: id }),
    ]);
    expect([ra.ok, rb.ok].filter(Boolean)).toHaveLength(1);
    const winner = ra.ok ? ra : rb;
    const loser = ra.ok ? rb : ra;
    expect(loser.heldBy).toEqual(winner.heldBy);
    await waitFor(() => claimedEvents.length === 1);
    // The loser cannot release the winner's claim; when the winner leaves, the ticket is free again.
    expect((await (ra.ok ? b : a).timeout(5000).emitWithAck('ticket.release', { ticketId: id })).ok).toBe(
      false,
    );
    (ra.ok ? a : b).disconnect();
    await waitFor(async () => {
      const res = await t.http().get(`/api/v1/tickets/${id}`).set('Authorization', `Bearer ${admin}`);
      return res.body.claimedBy === null;
    });
  });

  it('replays exactly the missed events on resume', async () => {
    const token = await t.token({ roles: ['municipal_agent'], municipalities: ['zwevegem'] });
    const first = connect(token);
    await connected(first);
    const before = record(first);
    await create({ municipalityCode: 'zwevegem' });
    await waitFor(() => before.length === 1);
    const lastSeen = before[0].eventId;
    first.disconnect();
    const missed = [
      await create({ municipalityCode: 'zwevegem' }),
      await create({ municipalityCode: 'kortrijk' }),
      await create({ municipalityCode: 'zwevegem' }),
    ];
    // Let the live feed deliver them (to nobody) first, so what arrives below is the replay alone.
    await waitFor(
      async () => (await t.sql(`SELECT 1 FROM outbox_event WHERE published_at IS NULL`)).length === 0,
    );
    await new Promise((r) => setTimeout(r, 300));
    const second = connect(token);
    await connected(second);
    const replayed = record(second);
    const ack = await second.timeout(5000).emitWithAck('resume', { sinceEventId: lastSeen });
    expect(ack).toMatchObject({ ok: true, more: false });
    const ids = replayed.filter((e) => Number(e.eventId) > Number(lastSeen)).map((e) => e.ticket.id);
    expect([...new Set(ids)]).toEqual([missed[0].id, missed[2].id]);
    expect(ack.replayed).toBe(replayed.filter((e) => Number(e.eventId) > Number(lastSeen)).length);
  });

  it('delivers an event committed through one api instance to a client of another', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: t.databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: t.redisPrefix,
      JWT_SECRET: t.config.jwtSecret!,
      LOG_LEVEL: 'silent',
      RUN_WORKER: 'false',
    });
    const second = await createApiApp(config, new Infrastructure(t.databaseUrl, TEST_REDIS_URL));
    await second.listen(0, '127.0.0.1');
    try {
      const client = connect(await t.token({ roles: ['regional_agent'] }), await second.getUrl());
      await connected(client);
      const seen = record(client);
      const { id } = await create({ municipalityCode: 'anzegem' });
      await waitFor(() => seen.some((e) => e.ticket.id === id));
    } finally {
      await second.close();
    }
  });

  it('tells which desk holds each municipality now', async () => {
    const res = await t
      .http()
      .get('/api/v1/desk')
      .set(
        'Authorization',
        `Bearer ${await t.token({ roles: ['municipal_agent'], municipalities: ['menen'] })}`,
      );
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({
      municipalityCode: 'menen',
      responsibleDesk: expect.stringMatching(/^(municipal|regional)$/),
    });
    expect(res.body[0].reason.nl).toMatch(/^Menen is (open|gesloten)/);
  });
});
