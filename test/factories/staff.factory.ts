import { randomBytes } from 'node:crypto';
import type { TestApp } from '../support/test-app';

export const STAFF_PASSWORD = 'correct-horse-battery-1';

export interface StaffAccount {
  id: string;
  email: string;
  password: string;
}

export interface Login {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; email: string; roles: string[]; municipalities: string[] };
}

/** Creates a staff account through the users API (as the demo admin). */
export async function createStaff(
  t: TestApp,
  account: { roles: string[]; municipalities?: string[]; name?: string; email?: string } = {
    roles: ['regional_agent'],
  },
): Promise<StaffAccount> {
  const email = account.email ?? `staff-${randomBytes(4).toString('hex')}@test.meldpunt.local`;
  const res = await t
    .http()
    .post('/api/v1/users')
    .set('Authorization', `Bearer ${await t.token()}`)
    .send({
      email,
      name: account.name ?? 'Test Medewerker',
      password: STAFF_PASSWORD,
      roles: account.roles,
      municipalities: account.municipalities ?? [],
    });
  if (res.status !== 201) throw new Error(`user creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, email, password: STAFF_PASSWORD };
}

export async function logIn(t: TestApp, account: StaffAccount): Promise<Login> {
  const res = await t
    .http()
    .post('/api/v1/auth/login')
    .send({ email: account.email, password: account.password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Login;
}

/** An API key (role integration) bound to one municipality, created by the demo admin. */
export async function createApiKey(t: TestApp, municipalityCode: string, name = 'Test integratie') {
  const res = await t
    .http()
    .post('/api/v1/api-keys')
    .set('Authorization', `Bearer ${await t.token()}`)
    .send({ name, municipalityCode });
  if (res.status !== 201)
    throw new Error(`API key creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; key: string; prefix: string };
}
