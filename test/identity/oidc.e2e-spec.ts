import { createStaff } from '../factories/staff.factory';
import { OidcTestProvider, startOidcProvider, Tampering } from '../support/oidc-provider';
import { startTestApp, TestApp } from '../support/test-app';

const CALLBACK = 'http://localhost:3000/api/v1/auth/oidc/callback';

/** The browser's round trip: our login -> the provider (auto-consent) -> our callback. */
async function roundTrip(
  t: TestApp,
): Promise<{ status: number; body: Record<string, unknown>; callback: string }> {
  const start = await t.http().get('/api/v1/auth/oidc/login');
  expect(start.status).toBe(302);
  const atProvider = await fetch(start.headers.location, { redirect: 'manual' });
  expect(atProvider.status).toBe(302);
  const back = new URL(atProvider.headers.get('location') ?? '');
  expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
  const callback = `${back.pathname}${back.search}`;
  const res = await t.http().get(callback);
  return { status: res.status, body: res.body, callback };
}

describe('OpenID Connect login', () => {
  let provider: OidcTestProvider;
  let t: TestApp;

  beforeAll(async () => {
    provider = await startOidcProvider();
    t = await startTestApp({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_REDIRECT_URL: CALLBACK,
    });
  });
  afterAll(async () => {
    await t.close();
    await provider.close();
  });
  afterEach(() => provider.tamper(null));

  it('logs an existing staff member in with the authorisation code flow and PKCE', async () => {
    const account = await createStaff(t, { roles: ['municipal_agent'], municipalities: ['menen'] });
    provider.loginAs({
      sub: 'vlaanderen-123',
      email: account.email.toUpperCase(),
      email_verified: true,
      name: 'X',
    });
    const { status, body } = await roundTrip(t);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      user: { id: account.id, roles: ['municipal_agent'], municipalities: ['menen'] },
    });
    const authorize = provider.requests[provider.requests.length - 1];
    expect(authorize.get('code_challenge_method')).toBe('S256');
    expect(authorize.get('scope')).toBe('openid email profile');
    expect(authorize.get('nonce')?.length).toBeGreaterThanOrEqual(32);
    const tickets = await t
      .http()
      .get('/api/v1/tickets')
      .set('Authorization', `Bearer ${String(body.accessToken)}`);
    expect(tickets.status).toBe(200);
    const [session] = await t.sql<{ method: string }>('SELECT method FROM staff_session WHERE user_id = $1', [
      account.id,
    ]);
    expect(session.method).toBe('oidc');
  });

  it('refuses identities without a staff account, and does not create one', async () => {
    provider.loginAs({ sub: 'x', email: 'stranger@gemeente.example', email_verified: true });
    expect((await roundTrip(t)).status).toBe(401);
    expect(await t.sql(`SELECT id FROM staff_user WHERE email = 'stranger@gemeente.example'`)).toEqual([]);
    provider.loginAs({ sub: 'y', email: (await createStaff(t)).email, email_verified: false });
    expect((await roundTrip(t)).status).toBe(401);
  });

  it.each<Tampering>(['wrong-nonce', 'wrong-audience', 'wrong-issuer', 'expired', 'foreign-key', 'hs256'])(
    'refuses an ID token with %s',
    async (how) => {
      provider.loginAs({ sub: 'z', email: (await createStaff(t)).email, email_verified: true });
      provider.tamper(how);
      const { status, body } = await roundTrip(t);
      expect(status).toBe(401);
      expect(body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    },
  );

  it('uses a login attempt once and refuses unknown states', async () => {
    provider.loginAs({ sub: 'w', email: (await createStaff(t)).email, email_verified: true });
    const { status, callback } = await roundTrip(t);
    expect(status).toBe(200);
    expect((await t.http().get(callback)).status).toBe(401);
    expect((await t.http().get('/api/v1/auth/oidc/callback?code=abc&state=unknown')).status).toBe(401);
    expect((await t.http().get('/api/v1/auth/oidc/callback?error=access_denied')).status).toBe(400);
  });
});

describe('OpenID Connect with provisioning and role claims', () => {
  let provider: OidcTestProvider;
  let t: TestApp;

  beforeAll(async () => {
    provider = await startOidcProvider('meldpunt-console', 'another-secret');
    t = await startTestApp({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_REDIRECT_URL: CALLBACK,
      OIDC_AUTO_PROVISION: 'true',
      OIDC_ROLES_CLAIM: 'meldpunt_roles',
      OIDC_MUNICIPALITIES_CLAIM: 'meldpunt_municipalities',
    });
  });
  afterAll(async () => {
    await t.close();
    await provider.close();
  });

  it('creates the account at first login with the roles the provider states, and follows later changes', async () => {
    provider.loginAs({
      sub: 'menen-42',
      email: 'nieuw@menen.example',
      email_verified: true,
      name: 'Nieuwe Collega',
      meldpunt_roles: ['municipal_agent', 'superuser'],
      meldpunt_municipalities: 'menen wervik',
    });
    const first = await roundTrip(t);
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({
      email: 'nieuw@menen.example',
      name: 'Nieuwe Collega',
      roles: ['municipal_agent'],
      municipalities: ['menen', 'wervik'],
    });
    // The account has no password: password login can never succeed.
    const password = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'nieuw@menen.example', password: 'none' });
    expect(password.status).toBe(401);

    provider.loginAs({
      sub: 'menen-42',
      email: 'nieuw@menen.example',
      email_verified: true,
      meldpunt_roles: 'supervisor',
      meldpunt_municipalities: ['menen'],
    });
    const second = await roundTrip(t);
    expect(second.body.user).toMatchObject({ roles: ['supervisor'], municipalities: ['menen'] });
    // The first session carried the old roles: it ended with the change.
    const old = await t
      .http()
      .get('/api/v1/tickets')
      .set('Authorization', `Bearer ${String(first.body.accessToken)}`);
    expect(old.status).toBe(401);
  });
});
