import type { TestApp } from '../support/test-app';

/**
 * Gives a municipality an SLA policy of seconds (calendar time, warnings halfway), so tests see
 * warnings and breaches fire without waiting for business days.
 */
export async function createShortSlaPolicy(
  t: TestApp,
  token: string,
  municipalityCode: string,
  seconds: { response: number; resolution: number },
): Promise<void> {
  const res = await t
    .http()
    .post('/api/v1/sla/policies')
    .set('Authorization', `Bearer ${token}`)
    .send({
      municipalityCode,
      categoryCode: null,
      priority: null,
      responseTarget: { value: seconds.response / 3600, unit: 'hours' },
      resolutionTarget: { value: seconds.resolution / 3600, unit: 'hours' },
      warnAtPercent: 50,
    });
  if (res.status !== 201) throw new Error(`SLA policy refused: ${res.status} ${JSON.stringify(res.body)}`);
}
