import type { Socket } from 'socket.io-client';
import { reporterEmail, startMailTestApp } from '../notifications/notification-test-kit';
import { ALWAYS, NOT_NOW, setOpeningHours } from '../support/opening-hours';
import { SmtpCatcher } from '../support/smtp-catcher';
import type { TestApp } from '../support/test-app';
import { ask, connect, next } from './chat-client';

interface ChatAnswer {
  chatId: string;
  token: string;
  desk: string;
  messages: { id: string; sender: string; body: string }[];
}

describe('Live chat over socket.io: citizens on /chat, agents on the console socket', () => {
  const smtp = new SmtpCatcher();
  let t: TestApp;
  let base: string;
  let admin: string;
  const sockets: Socket[] = [];
  const open = async (path: string, auth?: Record<string, string>) => {
    const socket = await connect(`${base}${path}`, auth);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    await smtp.start(0);
    t = await startMailTestApp(smtp.url);
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    admin = await t.token();
    // Kortrijk's desk is open around the clock, Menen's not now: the regional desk takes Menen's chats.
    for (const [code, weekly] of [
      ['kortrijk', ALWAYS],
      ['menen', NOT_NOW],
    ] as const) {
      await setOpeningHours(t, admin, code, weekly);
    }
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('says nobody is online and refuses to start, so the page offers the form', async () => {
    const citizen = await open('/chat');
    expect(await ask(citizen, 'chat.availability', { municipality: 'kortrijk' })).toEqual({
      ok: true,
      desk: 'municipal',
      online: false,
    });
    const refused = await ask(citizen, 'chat.start', { municipality: 'kortrijk', message: 'Hallo?' });
    expect(refused).toMatchObject({ ok: false, field: 'municipality', rule: 'agentOnline' });
    expect(await ask(citizen, 'chat.availability', { municipality: 'atlantis' })).toMatchObject({
      ok: false,
      field: 'municipality',
    });
    const bad = await ask(citizen, 'chat.start', { municipality: 'kortrijk', message: '', email: 'x' });
    expect(bad).toMatchObject({ ok: false });
    expect(await t.sql('SELECT id FROM chat_session')).toEqual([]);
  });

  it('offers a chat to its municipality’s agents, the first to accept holds it, and it ends as a ticket', async () => {
    const els = await t.token({ roles: ['municipal_agent'], municipalities: ['kortrijk'] });
    const jan = await t.token({ roles: ['municipal_agent'], municipalities: ['kortrijk'] });
    const menenAgent = await t.token({ roles: ['municipal_agent'], municipalities: ['menen'] });
    const [a, b, other] = [
      await open('/console', { token: els }),
      await open('/console', { token: jan }),
      await open('/console', { token: menenAgent }),
    ];
    let menenHeard = false;
    other.on('chat.waiting', () => (menenHeard = true));

    const email = reporterEmail();
    const citizen = await open('/chat');
    expect(await ask(citizen, 'chat.availability', { municipality: 'kortrijk' })).toMatchObject({
      online: true,
    });
    const waitingA = next<{ chat: { id: string; opening: string; desk: string } }>(a, 'chat.waiting');
    const started = await ask<ChatAnswer>(citizen, 'chat.start', {
      municipality: 'kortrijk',
      language: 'nl',
      name: 'An Peeters',
      email,
      message: 'Er ligt een boom over het fietspad aan de Leie.',
    });
    expect(started).toMatchObject({ ok: true, desk: 'municipal' });
    const offered = await waitingA;
    expect(offered.chat).toMatchObject({
      id: started.chatId,
      opening: 'Er ligt een boom over het fietspad aan de Leie.',
      desk: 'municipal',
    });
    expect((await ask<{ chats: { id: string }[] }>(b, 'chat.list')).chats.map((c) => c.id)).toContain(
      started.chatId,
    );
    expect((await ask<{ chats: { id: string }[] }>(other, 'chat.list')).chats.map((c) => c.id)).not.toContain(
      started.chatId,
    );

    // Both click at once: one holds the chat, the other hears it was taken.
    const accepted = next(citizen, 'chat.accepted');
    const [ra, rb] = await Promise.all([
      ask<{ taken: boolean }>(a, 'chat.accept', { chatId: started.chatId }),
      ask<{ taken: boolean }>(b, 'chat.accept', { chatId: started.chatId }),
    ]);
    expect([ra.taken, rb.taken].sort()).toEqual([false, true]);
    const [holder, loser] = ra.taken ? [b, a] : [a, b];
    expect(await accepted).toMatchObject({ chatId: started.chatId });
    expect(await ask(loser, 'chat.message', { chatId: started.chatId, body: 'Ik ook' })).toMatchObject({
      ok: false,
    });

    // Typing and lines both ways; every line is stored before it is shown.
    const typing = next<{ typing: boolean }>(citizen, 'chat.typing');
    await ask(holder, 'chat.typing', { chatId: started.chatId, typing: true });
    expect((await typing).typing).toBe(true);
    const toCitizen = next<{ message: { body: string; sender: string } }>(
      citizen,
      'chat.message',
      (p) => p.message.sender === 'agent',
    );
    await ask(holder, 'chat.message', { chatId: started.chatId, body: 'Aan welke brug ongeveer?' });
    expect((await toCitizen).message.body).toBe('Aan welke brug ongeveer?');
    const toAgent = next<{ message: { body: string } }>(
      holder,
      'chat.message',
      (p) => p.message.body === 'Aan de Collegebrug.',
    );
    await ask(citizen, 'chat.message', { body: 'Aan de Collegebrug.' });
    await toAgent;

    // The citizen's page reloads: the token brings back the whole conversation.
    citizen.disconnect();
    const again = await open('/chat');
    const resumed = await ask<ChatAnswer & { agentName: string }>(again, 'chat.resume', {
      token: started.token,
    });
    expect(resumed.messages.map((m) => m.body)).toEqual([
      'Er ligt een boom over het fietspad aan de Leie.',
      'Aan welke brug ongeveer?',
      'Aan de Collegebrug.',
    ]);

    const ended = next<{ ticketReference: string }>(again, 'chat.ended');
    const end = await ask<{ chat: { ticketReference: string; status: string } }>(holder, 'chat.end', {
      chatId: started.chatId,
      categoryCode: 'green-maintenance',
    });
    expect(end).toMatchObject({ ok: true, chat: { status: 'ended' } });
    const reference = end.chat.ticketReference;
    expect((await ended).ticketReference).toBe(reference);
    const [ticket] = await t.sql<{
      id: string;
      channel: string;
      municipality_code: string;
      description: string;
      reporter_email: string;
    }>(
      'SELECT id, channel, municipality_code, description, reporter_email FROM ticket WHERE reference = $1',
      [reference],
    );
    expect(ticket).toMatchObject({ channel: 'chat', municipality_code: 'kortrijk', reporter_email: email });
    expect(ticket.description).toBe('Er ligt een boom over het fietspad aan de Leie.\nAan de Collegebrug.');
    const [transcript] = await t.sql<{ data: { messages: { sender: string; body: string }[] } }>(
      `SELECT data FROM ticket_event WHERE ticket_id = $1 AND type = 'chat_transcript'`,
      [ticket.id],
    );
    expect(transcript.data.messages.map((m) => `${m.sender}: ${m.body}`)).toEqual([
      'citizen: Er ligt een boom over het fietspad aan de Leie.',
      'agent: Aan welke brug ongeveer?',
      'citizen: Aan de Collegebrug.',
    ]);
    // Ending twice makes no second ticket (and the chat is over).
    expect(
      await ask(holder, 'chat.end', { chatId: started.chatId, categoryCode: 'green-maintenance' }),
    ).toMatchObject({ ok: false });
    expect(await t.sql(`SELECT id FROM ticket WHERE channel = 'chat'`)).toHaveLength(1);
    expect((await smtp.waitFor(email))[0].subject).toContain(reference);
    expect(menenHeard).toBe(false);
  });

  it('sends an out-of-hours chat to the regional desk only, and joins it to the caller’s own ticket', async () => {
    const menenAgent = await t.token({ roles: ['municipal_agent'], municipalities: ['menen'] });
    const municipal = await open('/console', { token: menenAgent });
    const citizen = await open('/chat');
    expect(await ask(citizen, 'chat.availability', { municipality: 'menen' })).toEqual({
      ok: true,
      desk: 'regional',
      online: false,
    });

    const regional = await open('/console', { token: await t.token({ roles: ['regional_agent'] }) });
    expect(await ask(citizen, 'chat.availability', { municipality: 'menen' })).toEqual({
      ok: true,
      desk: 'regional',
      online: true,
    });
    const offered = next<{ chat: { id: string } }>(regional, 'chat.waiting');
    const started = await ask<ChatAnswer>(citizen, 'chat.start', {
      municipality: 'menen',
      message: 'Over mijn melding van gisteren',
    });
    await offered;
    expect((await ask<{ chats: { id: string }[] }>(municipal, 'chat.list')).chats).toEqual([]);
    expect(await ask(municipal, 'chat.accept', { chatId: started.chatId })).toMatchObject({ ok: false });
    expect(await ask(regional, 'chat.accept', { chatId: started.chatId })).toMatchObject({
      ok: true,
      taken: false,
    });

    const existing = await t.http().post('/api/v1/tickets').set('Authorization', `Bearer ${admin}`).send({
      kind: 'report',
      channel: 'phone',
      categoryCode: 'public-lighting',
      description: 'Lamp stuk',
      municipalityCode: 'menen',
    });
    const end = await ask<{ chat: { ticketReference: string } }>(regional, 'chat.end', {
      chatId: started.chatId,
      ticketReference: existing.body.reference,
    });
    expect([existing.status, end]).toMatchObject([201, { ok: true }]);
    expect(end.chat.ticketReference).toBe(existing.body.reference);
    const events = await t.sql<{ type: string }>(
      'SELECT type FROM ticket_event WHERE ticket_id = $1 ORDER BY id',
      [existing.body.id],
    );
    expect(events.map((e) => e.type)).toEqual(['created', 'chat_transcript']);
  });

  it('ends a chat nobody took when the citizen leaves, and tells the desk', async () => {
    const regional = await open('/console', { token: await t.token({ roles: ['regional_agent'] }) });
    const citizen = await open('/chat');
    const started = await ask<ChatAnswer>(citizen, 'chat.start', {
      municipality: 'menen',
      message: 'Toch niet',
    });
    const updated = next<{ chat: { id: string; status: string } }>(
      regional,
      'chat.updated',
      (p) => p.chat.id === started.chatId,
    );
    expect(await ask(citizen, 'chat.leave')).toMatchObject({ ok: true });
    expect((await updated).chat.status).toBe('ended');
    expect(await ask(citizen, 'chat.message', { body: 'nog iets' })).toMatchObject({
      ok: false,
      field: 'chat',
    });
    expect(await ask(regional, 'chat.accept', { chatId: started.chatId })).toMatchObject({
      ok: true,
      taken: true,
    });
  });
});
