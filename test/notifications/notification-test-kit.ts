import { Queue } from 'bullmq';
import { OutboxRelay } from '@meldpunt/outbox';
import { MAIL_DELIVERY_QUEUE, NOTIFICATION_EVENTS_QUEUE } from '@meldpunt/notifications';
import { ticketBody } from '../factories/ticket.factory';
import { TEST_REDIS_URL } from '../support/test-env';
import { startTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

export const PUBLIC_BASE_URL = 'https://meldpunt.test';

let mailbox = 0;
/** A fresh reporter address per ticket, so each test reads only its own mails. */
export function reporterEmail(): string {
  return `melder.${process.pid}.${++mailbox}@example.be`;
}

/** Staff actions over HTTP, as agents do them in the console. */
export function staff(t: TestApp, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    async createTicket(overrides: Record<string, unknown> = {}, reporter: Record<string, unknown> = {}) {
      const base = ticketBody();
      const res = await t
        .http()
        .post('/api/v1/tickets')
        .set(auth)
        .send({ ...base, ...overrides, reporter: { ...(base.reporter as object), ...reporter } });
      if (res.status !== 201) throw new Error(`intake failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string; reference: string; sla: { resolutionDueAt: string | null } };
    },
    async move(id: string, to: string, message?: string) {
      const res = await t.http().post(`/api/v1/tickets/${id}/transitions`).set(auth).send({ to, message });
      if (res.status !== 200) throw new Error(`transition failed: ${res.status} ${JSON.stringify(res.body)}`);
    },
    async say(id: string, body: string, visibility = 'public') {
      const res = await t.http().post(`/api/v1/tickets/${id}/messages`).set(auth).send({ visibility, body });
      if (res.status !== 201) throw new Error(`message failed: ${res.status} ${JSON.stringify(res.body)}`);
    },
    async ticket(id: string) {
      return (await t.http().get(`/api/v1/tickets/${id}`).set(auth)).body;
    },
    async history(
      id: string,
    ): Promise<{ type: string; actor: { type: string }; data: Record<string, unknown> }[]> {
      return (await t.http().get(`/api/v1/tickets/${id}/history`).set(auth)).body;
    },
  };
}

/**
 * Waits until every committed event went through the outbox and both notification queues are
 * empty: after this, an e-mail that was going to be sent has been sent (or failed).
 */
export async function notificationsSettled(t: TestApp, timeoutMs = 10_000): Promise<void> {
  const connection = { url: TEST_REDIS_URL, maxRetriesPerRequest: null };
  const queues = [NOTIFICATION_EVENTS_QUEUE, MAIL_DELIVERY_QUEUE].map(
    (name) => new Queue(name, { connection, prefix: t.redisPrefix }),
  );
  try {
    await waitFor(
      async () => {
        await t.app.get(OutboxRelay).idle();
        const [{ n }] = await t.sql<{ n: string }>(
          'SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL',
        );
        if (n !== '0') return false;
        for (const queue of queues) {
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
          if (Object.values(counts).some((c) => c > 0)) return false;
        }
        return true;
      },
      timeoutMs,
      'notification queues drained',
    );
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}

/** The api with its worker, sending to the test's SMTP server, with quick retries. */
export function startMailTestApp(smtpUrl: string, env: Record<string, string> = {}) {
  return startTestApp({
    RUN_WORKER: 'true',
    SMTP_URL: smtpUrl,
    PUBLIC_BASE_URL,
    OUTBOX_POLL_MS: '50',
    MAIL_RETRY_BASE_MS: '100',
    ...env,
  });
}

/** The statuses of the e-mails of these tickets. */
export async function notificationStatuses(t: TestApp, ticketIds: string[]): Promise<string[]> {
  const rows = await t.sql<{ status: string }>(
    'SELECT status FROM notification WHERE ticket_id = ANY($1::uuid[])',
    [ticketIds],
  );
  return rows.map((r) => r.status);
}

/** `count` tickets, one after the other, each with a consenting reporter of its own address. */
export async function ticketsWithReporters(
  agent: ReturnType<typeof staff>,
  count: number,
): Promise<{ emails: string[]; ids: string[] }> {
  const emails = Array.from({ length: count }, () => reporterEmail());
  const ids: string[] = [];
  for (const email of emails) ids.push((await agent.createTicket({}, { email })).id);
  return { emails, ids };
}

/** A ticket taken in by a test, with what decides whether it gets a mail and a back-office case. */
export interface Intake {
  id: string;
  reference: string;
  email: string;
  consent: boolean;
  connected: boolean;
}
