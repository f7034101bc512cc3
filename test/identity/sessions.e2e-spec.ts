import { JwtService } from '@nestjs/jwt';
import { createStaff, logIn, STAFF_PASSWORD } from '../factories/staff.factory';
import { startTestApp, TestApp } from '../support/test-app';

describe('Staff sessions: login, refresh, logout, expiry, lock-out', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const me = (accessToken: string) =>
    t.http().get('/api/v1/tickets?limit=1').set('Authorization', `Bearer ${accessToken}`);
  const refresh = (refreshToken: string) => t.http().post('/api/v1/auth/refresh').send({ refreshToken });

  it('answers login with the contract shape plus a refresh token, and stores only hashes', async () => {
    const account = await createStaff(t, { roles: ['municipal_agent'], municipalities: ['menen'] });
    const login = await logIn(t, account);
    expect(login).toEqual({
      accessToken: expect.any(String),
      expiresIn: 900,
      refreshToken: expect.stringMatching(/^mrt_[A-Za-z0-9_-]{43}$/),
      refreshExpiresIn: 43200,
      user: {
        id: account.id,
        email: account.email,
        name: 'Test Medewerker',
        roles: ['municipal_agent'],
        municipalities: ['menen'],
      },
    });
    expect((await me(login.accessToken)).status).toBe(200);
    const stored = await t.sql<{ token_hash: string }>('SELECT token_hash FROM refresh_token');
    expect(stored.map((r) => r.token_hash).join()).not.toContain(login.refreshToken.slice(4, 20));
    const [user] = await t.sql<{ password_hash: string }>(
      'SELECT password_hash FROM staff_user WHERE id = $1',
      [account.id],
    );
    expect(user.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('rotates refresh tokens; reusing a used one ends the whole session', async () => {
    const login = await logIn(t, await createStaff(t));
    const first = await refresh(login.refreshToken);
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(login.refreshToken);
    expect((await me(first.body.accessToken)).status).toBe(200);
    // The old token again: theft is assumed, the session (and its newest tokens) is revoked.
    expect((await refresh(login.refreshToken)).status).toBe(401);
    expect((await me(first.body.accessToken)).status).toBe(401);
    expect((await me(login.accessToken)).status).toBe(401);
    expect((await refresh(first.body.refreshToken)).status).toBe(401);
    const [audit] = await t.sql<{ n: string }>(
      `SELECT count(*) AS n FROM audit_event WHERE action = 'auth.refresh_reuse'`,
    );
    expect(audit.n).toBe('1');
  });

  it('refuses unknown and malformed refresh tokens', async () => {
    expect((await refresh('mrt_' + 'A'.repeat(43))).status).toBe(401);
    expect((await refresh('nonsense')).status).toBe(401);
    expect((await t.http().post('/api/v1/auth/refresh').send({})).status).toBe(400);
  });

  it('logout revokes the access token at once and the refresh token', async () => {
    const login = await logIn(t, await createStaff(t));
    const other = await logIn(t, await createStaff(t));
    const out = await t
      .http()
      .post('/api/v1/auth/logout')
      .set('Authorization', `Bearer ${login.accessToken}`);
    expect(out.status).toBe(204);
    expect((await me(login.accessToken)).status).toBe(401);
    expect((await refresh(login.refreshToken)).status).toBe(401);
    // Other sessions go on.
    expect((await me(other.accessToken)).status).toBe(200);
  });

  it('another process learns of a revocation within seconds (from PostgreSQL)', async () => {
    const login = await logIn(t, await createStaff(t));
    const [{ sid }] = await t.sql<{ sid: string }>(
      `SELECT s.id AS sid FROM staff_session s JOIN staff_user u ON u.id = s.user_id
        WHERE u.id = $1`,
      [login.user.id],
    );
    // As if another api instance had revoked it: only the database knows.
    await t.sql(`UPDATE staff_session SET revoked_at = now(), revoke_reason = 'logout' WHERE id = $1`, [sid]);
    expect((await me(login.accessToken)).status).toBe(200);
    const started = Date.now();
    while ((await me(login.accessToken)).status !== 401) {
      expect(Date.now() - started).toBeLessThan(5000);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  it('ends the sessions of a user who is deactivated or whose roles or municipalities change', async () => {
    const admin = { Authorization: `Bearer ${await t.token()}` };
    for (const change of [
      { active: false },
      { roles: ['supervisor'] },
      { municipalities: ['menen', 'wervik'] },
    ]) {
      const account = await createStaff(t, { roles: ['municipal_agent'], municipalities: ['menen'] });
      const login = await logIn(t, account);
      expect((await me(login.accessToken)).status).toBe(200);
      expect((await t.http().patch(`/api/v1/users/${account.id}`).set(admin).send(change)).status).toBe(200);
      expect({ change, status: (await me(login.accessToken)).status }).toEqual({ change, status: 401 });
      expect((await refresh(login.refreshToken)).status).toBe(401);
    }
    // A name change keeps the session.
    const account = await createStaff(t);
    const login = await logIn(t, account);
    await t.http().patch(`/api/v1/users/${account.id}`).set(admin).send({ name: 'Nieuwe Naam' });
    expect((await me(login.accessToken)).status).toBe(200);
  });

  it('refuses expired, forged, foreign-audience and session-less tokens', async () => {
    const login = await logIn(t, await createStaff(t));
    const claims = JSON.parse(Buffer.from(login.accessToken.split('.')[1], 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const jwt = new JwtService({ secret: t.config.jwtSecret });
    const { exp: _exp, iat: _iat, ...rest } = claims;
    const expired = jwt.sign({ ...rest, iat: Math.floor(Date.now() / 1000) - 1000 }, { expiresIn: 1 });
    expect((await me(expired)).status).toBe(401);
    const fresh = jwt.sign(rest, { expiresIn: 60 });
    expect((await me(fresh)).status).toBe(200);
    const { aud: _aud, ...withoutAudience } = rest;
    expect((await me(jwt.sign({ ...withoutAudience, aud: 'another-api' }, { expiresIn: 60 }))).status).toBe(
      401,
    );
    const { sid: _sid, ...withoutSession } = rest;
    expect((await me(jwt.sign(withoutSession, { expiresIn: 60 }))).status).toBe(401);
    const forged = new JwtService({ secret: 'x'.repeat(40) }).sign(rest, { expiresIn: 60 });
    expect((await me(forged)).status).toBe(401);
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${login.accessToken.split('.')[1]}.`;
    expect((await me(none)).status).toBe(401);
  });

  it('locks an account for 15 minutes after five wrong passwords, then lets it in again', async () => {
    const account = await createStaff(t);
    const attempt = (password: string) =>
      t.http().post('/api/v1/auth/login').send({ email: account.email, password });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong-password-1')).status).toBe(401);
    const locked = await attempt(STAFF_PASSWORD);
    expect(locked.status).toBe(401);
    expect(locked.body.message).toBe('E-mail address or password is wrong, or the account is locked');
    const [row] = await t.sql<{ locked_until: Date }>('SELECT locked_until FROM staff_user WHERE id = $1', [
      account.id,
    ]);
    expect(row.locked_until.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    await t.sql(`UPDATE staff_user SET locked_until = now() - interval '1 second' WHERE id = $1`, [
      account.id,
    ]);
    expect((await attempt(STAFF_PASSWORD)).status).toBe(200);
    const actions = await t.sql<{ action: string }>(
      `SELECT action FROM audit_event WHERE actor->>'id' = $1 ORDER BY id`,
      [account.id],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.locked',
      'auth.login_refused',
      'auth.login',
    ]);
  });

  it('applies the password policy to new and changed passwords', async () => {
    const admin = { Authorization: `Bearer ${await t.token()}` };
    const weak = await t.http().post('/api/v1/users').set(admin).send({
      email: 'weak@test.meldpunt.local',
      name: 'W',
      password: 'kort',
      roles: [],
      municipalities: [],
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors.map((e: { rule: string }) => e.rule)).toContain('minLength');
    const account = await createStaff(t);
    const change = await t
      .http()
      .patch(`/api/v1/users/${account.id}`)
      .set(admin)
      .send({ password: '123456789012' });
    expect(change.status).toBe(400);
  });
});
