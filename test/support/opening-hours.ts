import type { TestApp } from './test-app';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const today = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'Europe/Brussels' })
  .format(new Date())
  .toLowerCase();

export type WeeklyHours = Record<string, string[][]>;

/** Open around the clock. */
export const ALWAYS: WeeklyHours = Object.fromEntries(DAYS.map((d) => [d, [['00:00', '24:00']]]));

/** Open only on the day after today (in Brussels): closed now, whenever the test runs. */
export const NOT_NOW: WeeklyHours = Object.fromEntries(
  DAYS.map((d, i) => [d, DAYS[(i + 6) % 7] === today ? [['08:00', '17:00']] : []]),
);

/** Sets a municipality's opening hours as an admin does (no closed dates). */
export async function setOpeningHours(
  t: TestApp,
  adminToken: string,
  code: string,
  weekly: WeeklyHours,
): Promise<void> {
  const res = await t
    .http()
    .put(`/api/v1/municipalities/${code}/opening-hours`)
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ weekly, closedDates: [] });
  if (res.status !== 200)
    throw new Error(`opening hours of ${code}: ${res.status} ${JSON.stringify(res.body)}`);
}
