import { TopdeskSimulator } from '../../apps/backoffice-sim/src/topdesk';
import { staff, startMailTestApp } from '../notifications/notification-test-kit';
import { TestBackOffice } from './back-office-sim';
import { SmtpCatcher } from './smtp-catcher';
import type { TestApp } from './test-app';

export interface KortrijkInTopdesk {
  smtp: SmtpCatcher;
  t: TestApp;
  topdesk: TestBackOffice;
  adminToken: string;
  admin: ReturnType<typeof staff>;
}

/**
 * For a describe block whose tickets reach both the citizen and the back-office: a real SMTP
 * server, the api and worker mailing through it, Kortrijk working in a simulated TOPdesk (real
 * HTTP, street lighting's operator group mapped), and an admin to act. Registers the block's
 * beforeAll and afterAll; the fields are there once its tests run.
 */
export function useKortrijkInTopdesk(): KortrijkInTopdesk {
  const env = { smtp: new SmtpCatcher() } as KortrijkInTopdesk;
  beforeAll(async () => {
    await env.smtp.start(0);
    env.topdesk = await TestBackOffice.start(new TopdeskSimulator());
    env.t = await startMailTestApp(env.smtp.url, { SYNC_BACKOFF_MS: '50' });
    await env.topdesk.connect(env.t, 'kortrijk', {
      categoryMap: {
        '*': { category: 'Openbaar domein', subcategory: 'Verlichting', operatorGroup: 'Team wegen' },
      },
      pollSeconds: 3600,
    });
    env.adminToken = await env.t.token();
    env.admin = staff(env.t, env.adminToken);
  }, 60_000);
  afterAll(async () => {
    await env.t?.close();
    await Promise.all([env.topdesk?.close(), env.smtp.stop()]);
  });
  return env;
}
