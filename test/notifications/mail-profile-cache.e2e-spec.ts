import { MailProfiles } from '../../libs/notifications/src/mail-profiles';
import { SmtpCatcher } from '../support/smtp-catcher';
import type { TestApp } from '../support/test-app';
import { reporterEmail, staff, startMailTestApp } from './notification-test-kit';

/**
 * Mail profiles are cached per process for 30 s. A change through the API applies at once in the
 * process that made it; a change by another process (another api instance) within the TTL.
 */
describe('The mail profile cache', () => {
  const smtp = new SmtpCatcher();
  let t: TestApp;
  let profiles: MailProfiles;
  let admin: string;

  beforeAll(async () => {
    await smtp.start(0);
    t = await startMailTestApp(smtp.url);
    profiles = t.app.get(MailProfiles);
    admin = await t.token();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
    await smtp.stop();
  });

  const put = (code: string, body: Record<string, unknown>) =>
    t.http().put(`/api/v1/notifications/profiles/${code}`).set('Authorization', `Bearer ${admin}`).send(body);

  it('applies a change through the API to the next e-mail at once', async () => {
    const agent = staff(t, await t.token());
    const first = reporterEmail();
    await agent.createTicket({}, { email: first });
    const [before] = await smtp.waitFor(first);
    expect(before.parsed.from?.value[0].name).toBe('Stad Kortrijk');

    expect(
      (await put('kortrijk', { displayName: { nl: 'Kortrijk Meldt', fr: 'Courtrai', en: 'Kortrijk' } }))
        .status,
    ).toBe(200);
    const second = reporterEmail();
    await agent.createTicket({}, { email: second });
    const [after] = await smtp.waitFor(second);
    expect(after.parsed.from?.value[0].name).toBe('Kortrijk Meldt');
    expect((await put('kortrijk', { displayName: null })).status).toBe(200);
  });

  it('follows a change by another process within the TTL; the admin’s GET reads the database', async () => {
    expect((await profiles.for('menen')).senderAddress).toBe('meldpunt@menen.meldpunt.local');
    // Another api instance's change: this process's cache does not know of it.
    await t.sql(
      `INSERT INTO mail_profile (municipality_code, sender_address, updated_at) VALUES ('menen', 'info@menen.be', now())
       ON CONFLICT (municipality_code) DO UPDATE SET sender_address = EXCLUDED.sender_address`,
    );
    expect((await profiles.for('menen')).senderAddress).toBe('meldpunt@menen.meldpunt.local');
    const got = await t
      .http()
      .get('/api/v1/notifications/profiles/menen')
      .set('Authorization', `Bearer ${admin}`);
    expect(got.body.senderAddress).toBe('info@menen.be');

    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 31_000);
    expect((await profiles.for('menen')).senderAddress).toBe('info@menen.be');
    jest.restoreAllMocks();
  });

  it('does not let a read under way during a change put the old profile back', async () => {
    await profiles.for('wervik');
    profiles.invalidate();
    const reading = profiles.for('wervik');
    await profiles.update('wervik', { senderAddress: 'meldpunt@wervik.be' });
    await reading;
    expect((await profiles.for('wervik')).senderAddress).toBe('meldpunt@wervik.be');
  });
});
