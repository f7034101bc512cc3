import type { TestApp } from '../support/test-app';
import { ticketBody } from '../factories/ticket.factory';

export interface Agent {
  id: string;
  email: string;
  password: string;
  name: string;
}

export async function createAgent(
  t: TestApp,
  adminToken: string,
  name: string,
  slug: string,
): Promise<Agent> {
  const agent = { email: `${slug}@console.meldpunt.local`, password: 'correct-horse-battery-1', name };
  const res = await t
    .http()
    .post('/api/v1/users')
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ ...agent, roles: ['regional_agent'], municipalities: [] });
  if (res.status !== 201) throw new Error(`agent not created: ${JSON.stringify(res.body)}`);
  return { ...agent, id: res.body.id as string };
}

const SAMPLES: Record<string, unknown>[] = [
  {
    reporter: { name: 'Karel Vermeulen', phone: '056 21 43 65', language: 'nl' },
    categoryCode: 'roads-pavements',
    subject: 'Diepe put in het fietspad',
    description: 'Fietspad Kortrijksestraat ter hoogte van nummer 40: diepe put, gevaarlijk bij regen.',
    location: { address: 'Kortrijksestraat 40', postcode: '8520' },
    priority: 'P2',
  },
  {
    reporter: { name: 'Sofie Declercq', email: 'sofie.declercq@example.be', consent: true, language: 'nl' },
    categoryCode: 'litter-dumping',
    subject: 'Sluikstort aan de glasbol',
    description: 'Zakken huisvuil en een oude zetel naast de glasbollen op het Marktplein.',
    location: { address: 'Marktplein', postcode: '8930' },
  },
  {
    reporter: { name: 'Marie Dubois', phone: '+32 477 55 66 77', language: 'fr' },
    kind: 'question',
    categoryCode: 'waste-collection',
    subject: 'Wanneer komt de grofvuilophaling?',
    description: 'Bewoner vraagt wanneer het grofvuil in Heestert wordt opgehaald.',
    location: { postcode: '8551' },
  },
  {
    reporter: { name: 'Pieter Maes', phone: '0486 11 22 33', email: 'pieter.maes@example.be', consent: true },
    categoryCode: 'sewers-flooding',
    subject: 'Water op straat na onweer',
    description: 'Riool kan het water niet slikken, kelder loopt bijna onder.',
    location: { address: 'Stationsstraat 8', postcode: '8790' },
    priority: 'P1',
  },
  {
    reporter: { name: 'Lotte Claeys', email: 'lotte.claeys@example.be', consent: true },
    categoryCode: 'green-maintenance',
    subject: 'Haag belemmert zicht op kruispunt',
    description: 'De haag aan de hoek is zo hoog dat bestuurders het kruispunt niet meer zien.',
    location: { postcode: '8560' },
  },
  {
    reporter: { name: 'Johan Vanneste', phone: '0495 98 76 54' },
    kind: 'complaint',
    categoryCode: 'noise-nuisance',
    subject: 'Lawaai van de nachtwinkel',
    description: 'Elke nacht lawaai en geroep bij de nachtwinkel, al weken.',
    location: { address: 'Grote Markt 3', postcode: '8500' },
  },
];

/**
 * A realistic queue: tickets from several municipalities and channels, with their SLA clocks
 * moved so that the countdowns show every colour (on time, warning, breached, paused).
 */
export async function seedQueue(t: TestApp, token: string, assignee: Agent): Promise<void> {
  const auth = { Authorization: `Bearer ${token}` };
  const ids: string[] = [];
  for (const [index, sample] of SAMPLES.entries()) {
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set(auth)
      .send(ticketBody({ channel: ['web', 'email', 'phone', 'app'][index % 4], ...sample }));
    if (res.status !== 201) throw new Error(`seed ticket refused: ${JSON.stringify(res.body)}`);
    ids.push(res.body.id as string);
  }
  const [pothole, dumping, question, flooding, hedge] = ids;
  // Overdue: the first answer was due 40 minutes ago.
  await t.sql(
    `UPDATE ticket SET created_at = now() - interval '5 hours', response_due_at = now() - interval '40 minutes',
            response_breached = true WHERE id = $1`,
    [flooding],
  );
  // Warning: most of the time to the first answer is used up.
  await t.sql(
    `UPDATE ticket SET created_at = now() - interval '7 hours', response_due_at = now() + interval '50 minutes'
      WHERE id = ANY($1::uuid[])`,
    [[pothole, dumping]],
  );
  await t.sql(`UPDATE ticket SET created_at = now() - interval '2 hours' WHERE id = $1`, [hedge]);
  await t.http().patch(`/api/v1/tickets/${pothole}`).set(auth).send({ assigneeId: assignee.id });
  // Paused: waiting for the citizen's answer.
  for (const step of [
    { to: 'in_progress' },
    { to: 'waiting_for_citizen', message: 'Over welke straat gaat het?' },
  ]) {
    await t.http().post(`/api/v1/tickets/${question}/transitions`).set(auth).send(step);
  }
}
