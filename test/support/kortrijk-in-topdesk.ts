import { TopdeskSimulator } from '../../apps/backoffice-sim/src/topdesk';
import { staff, startMailTestApp } from '../notifications/notification-test-kit';
import { TestBackOffice } from './back-office-sim';
import type { SmtpCatcher } from './smtp-catcher';
import type { TestApp } from './test-app';

export interface KortrijkInTopdesk {
  t: TestApp;
  topdesk: TestBackOffice;
  adminToken: string;
  admin: ReturnType<typeof staff>;
  close(): Promise<void>;
}

/**
 * The api and worker mailing through `smtp`, with Kortrijk working in a simulated TOPdesk (real
 * HTTP, street lighting's operator group mapped), and an admin to act: what a ticket flow that
 * reaches both the citizen and the back-office needs.
 */
export async function startKortrijkInTopdesk(smtp: SmtpCatcher): Promise<KortrijkInTopdesk> {
  const topdesk = await TestBackOffice.start(new TopdeskSimulator());
  const t = await startMailTestApp(smtp.url, { SYNC_BACKOFF_MS: '50' });
  await topdesk.connect(t, 'kortrijk', {
    categoryMap: {
      '*': { category: 'Openbaar domein', subcategory: 'Verlichting', operatorGroup: 'Team wegen' },
    },
    pollSeconds: 3600,
  });
  const adminToken = await t.token();
  return {
    t,
    topdesk,
    adminToken,
    admin: staff(t, adminToken),
    close: async () => {
      await t.close();
      await topdesk.close();
    },
  };
}
