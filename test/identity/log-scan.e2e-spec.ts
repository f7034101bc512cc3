import { randomBytes } from 'node:crypto';
import { ticketBody } from '../factories/ticket.factory';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Boots the api with its worker at LOG_LEVEL=info, captures every log line, drives requests that
 * carry recognisable personal data (successes and errors), and finds none of it in the logs.
 */
describe('Logs hold no personal data', () => {
  const lines: string[] = [];
  const tag = randomBytes(4).toString('hex');
  const citizen = {
    name: `Marieke Logscan${tag}`,
    email: `marieke.${tag}@logscan.example`,
    phone: '+32 470 98 76 54',
    phoneE164: '+32470987654',
    address: `Logscanstraat${tag} 7`,
  };
  const staff = {
    name: `Pieter Staff${tag}`,
    email: `pieter.${tag}@logscan.example`,
    password: `Geheim-${tag}-2027`,
  };
  let t: TestApp;
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp(
      { LOG_LEVEL: 'info', RUN_WORKER: 'true' },
      { logDestination: { write: (line: string) => lines.push(line) } },
    );
    // Nest buffers its own log lines until an app listens; the tests never do.
    t.app.flushLogs();
    admin = { Authorization: `Bearer ${await t.token()}` };
  });
  afterAll(() => t.close());

  it('keeps reporters and staff out of the logs, for successes and errors alike', async () => {
    const http = () => t.http();
    const user = await http()
      .post('/api/v1/users')
      .set(admin)
      .send({
        email: staff.email,
        name: staff.name,
        password: staff.password,
        roles: ['regional_agent'],
        municipalities: [],
      });
    expect(user.status).toBe(201);
    expect(
      (
        await http()
          .post('/api/v1/users')
          .set(admin)
          .send({ ...user.body, password: staff.password })
      ).status,
    ).toBe(400);
    const login = await http()
      .post('/api/v1/auth/login')
      .send({ email: staff.email, password: staff.password });
    expect(login.status).toBe(200);
    const agent = { Authorization: `Bearer ${login.body.accessToken}` };
    expect(
      (await http().post('/api/v1/auth/login').send({ email: staff.email, password: 'wrong-but-long-1' }))
        .status,
    ).toBe(401);
    expect(
      (
        await http()
          .post('/api/v1/auth/login')
          .send({ email: `nobody.${tag}@logscan.example`, password: 'x' })
      ).status,
    ).toBe(401);

    const created = await http()
      .post('/api/v1/tickets')
      .set(agent)
      .send(
        ticketBody({
          municipalityCode: 'menen',
          description: `Grofvuil voor de deur. Contact: ${citizen.email} / ${citizen.phone}. ${citizen.name}`,
          location: { address: citizen.address, postcode: '8930' },
          reporter: {
            name: citizen.name,
            email: citizen.email,
            phone: citizen.phone,
            language: 'nl',
            consent: true,
          },
        }),
      );
    expect(created.status).toBe(201);
    const id = created.body.id;
    await http()
      .post(`/api/v1/tickets/${id}/messages`)
      .set(agent)
      .send({ visibility: 'public', body: `Dag ${citizen.name}` });
    await http()
      .post(`/api/v1/tickets/${id}/transitions`)
      .set(agent)
      .send({ to: 'waiting_for_citizen', message: `Belt u ${citizen.phone}?` });
    await http().get(`/api/v1/tickets/${id}`).set(agent);
    await http()
      .get(`/api/v1/tickets?q=${encodeURIComponent(citizen.name)}`)
      .set(agent);

    // Errors: invalid input echoing personal data, unauthenticated, unknown, foreign.
    const invalid = await http()
      .post('/api/v1/tickets')
      .set(agent)
      .send(
        ticketBody({
          reporter: { name: citizen.name, email: `not-an-address-${citizen.email}@`, phone: `0${tag}` },
        }),
      );
    expect(invalid.status).toBe(400);
    expect(
      (
        await http()
          .post('/api/v1/tickets')
          .send(ticketBody({ reporter: { email: citizen.email } }))
      ).status,
    ).toBe(401);
    expect(
      (
        await http()
          .get(`/api/v1/tickets/${encodeURIComponent(citizen.email)}`)
          .set(agent)
      ).status,
    ).toBe(404);
    expect(
      (
        await http()
          .get(`/api/v1/tickets/${encodeURIComponent(citizen.phone)}`)
          .set(agent)
      ).status,
    ).toBe(404);
    expect((await http().get(`/api/v1/public/tickets/${citizen.email}`)).status).toBe(404);
    expect(
      (
        await http()
          .get(`/api/v1/gdpr/export?email=${encodeURIComponent(citizen.email)}`)
          .set(admin)
      ).status,
    ).toBe(200);
    expect(
      (
        await http()
          .get(`/api/v1/gdpr/export?phone=${encodeURIComponent(citizen.phone)}`)
          .set(agent)
      ).status,
    ).toBe(403);

    // Let the worker do its part (outbox relay, acknowledgement mail, SLA timers), then erase.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await http().post('/api/v1/gdpr/erasure').set(admin).send({ email: citizen.email })).status).toBe(
      200,
    );
    await new Promise((r) => setTimeout(r, 300));

    const log = lines.join('');
    expect(log).toContain('"url":"/api/v1/tickets"');
    expect(log).toContain('"statusCode":400');
    const personal = [
      citizen.name,
      `Logscan${tag}`,
      citizen.email,
      `marieke.${tag}`,
      citizen.phone,
      citizen.phoneE164,
      '470987654',
      '470 98 76 54',
      citizen.address,
      staff.name,
      staff.email,
      staff.password,
      `nobody.${tag}`,
    ];
    expect(personal.filter((value) => log.toLowerCase().includes(value.toLowerCase()))).toEqual([]);
  });
});
