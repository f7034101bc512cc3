import { createServer } from 'node:net';
import { TopdeskSimulator } from '../../apps/backoffice-sim/src/topdesk';
import { SIM_CREDENTIALS } from '../factories/back-office.factory';
import { useConnectedApp } from '../support/back-office-sim';
import { waitFor } from '../support/wait-for';

interface StatusItem {
  municipalityCode: string;
  system: string;
  status: string;
  pollError: string | null;
  pendingTasks: number;
  failedTasks: number;
  lastPollSuccessAt: string | null;
}

/**
 * The integration status an agent checks and monitoring scrapes: Kortrijk's TOPdesk works, Menen's
 * answers nothing at all (its address refuses connections).
 */
describe('Integration status', () => {
  const app = useConnectedApp(() => new TopdeskSimulator(), {
    env: { SYNC_BACKOFF_MS: '60000' },
    settings: { pollSeconds: 5 },
  });

  it('shows each connected municipality in scope, with a failing one named, and the same on /metrics', async () => {
    const res = await app.t
      .http()
      .put('/api/v1/municipalities/menen/back-office')
      .set('Authorization', `Bearer ${app.admin}`)
      .send({
        type: 'topdesk',
        baseUrl: `http://127.0.0.1:${await closedPort()}/tas/api`,
        credentials: SIM_CREDENTIALS.topdesk,
        pollSeconds: 5,
      });
    expect(res.status).toBe(200);
    await app.createTicket();
    await app.createTicket({ municipalityCode: 'menen' });

    const status = async (token = app.admin) => {
      const r = await app.t.http().get('/api/v1/integrations/status').set('Authorization', `Bearer ${token}`);
      expect(r.status).toBe(200);
      return r.body.items as StatusItem[];
    };
    await waitFor(
      async () => {
        const [kortrijk, menen] = await status();
        return (
          kortrijk?.lastPollSuccessAt !== null &&
          kortrijk?.pendingTasks === 0 &&
          menen?.pollError !== null &&
          menen?.pendingTasks === 1
        );
      },
      20_000,
      'a poll of each and the creates tried',
    );
    const items = await status();
    expect(items.map((i) => [i.municipalityCode, i.system, i.status])).toEqual([
      ['kortrijk', 'topdesk', 'ok'],
      ['menen', 'topdesk', 'failing'],
    ]);
    expect(items[1]).toMatchObject({ failedTasks: 0, lastPollSuccessAt: null });
    expect(items[1].pollError).toMatch(/ECONNREFUSED|fetch failed/);

    // A municipal agent of Kortrijk sees Kortrijk only.
    const agent = await app.t.token({ roles: ['municipal_agent'], municipalities: ['kortrijk'] });
    expect((await status(agent)).map((i) => i.municipalityCode)).toEqual(['kortrijk']);
    expect((await app.t.http().get('/api/v1/integrations/status')).status).toBe(401);

    const metrics = (await app.t.http().get('/metrics')).text;
    expect(metrics).toContain('meldpunt_backoffice_poll_failing{municipality="menen",system="topdesk"} 1');
    expect(metrics).toContain('meldpunt_backoffice_poll_failing{municipality="kortrijk",system="topdesk"} 0');
    expect(metrics).toContain(
      'meldpunt_backoffice_sync_tasks{municipality="menen",system="topdesk",state="pending"} 1',
    );
    expect(metrics).toMatch(
      /meldpunt_backoffice_oldest_pending_seconds\{municipality="menen",system="topdesk"\} \d/,
    );
    expect(metrics).toMatch(
      /meldpunt_backoffice_last_poll_success_timestamp_seconds\{municipality="kortrijk",system="topdesk"\} \d/,
    );
  });
});

/** A port nothing listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
