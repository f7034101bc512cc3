import { integrationHealth, STUCK_AFTER_MS } from './integration-status';

describe('integrationHealth', () => {
  const now = Date.parse('2026-11-24T10:00:00Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();
  const base = { pollError: null, oldestPendingSince: null, failedTasks: 0 };

  it('is ok with nothing waiting and a working poll, also with recent pending tasks', () => {
    expect(integrationHealth(base, now)).toBe('ok');
    expect(integrationHealth({ ...base, oldestPendingSince: ago(STUCK_AFTER_MS - 1000) }, now)).toBe('ok');
  });

  it('is degraded while failure records wait for a person', () => {
    expect(integrationHealth({ ...base, failedTasks: 2 }, now)).toBe('degraded');
  });

  it('is failing when the last poll failed or a task has waited too long, failure records or not', () => {
    expect(integrationHealth({ ...base, pollError: 'GET /incidents: HTTP 503' }, now)).toBe('failing');
    expect(integrationHealth({ ...base, oldestPendingSince: ago(STUCK_AFTER_MS + 1000) }, now)).toBe(
      'failing',
    );
    expect(
      integrationHealth({ ...base, failedTasks: 1, oldestPendingSince: ago(STUCK_AFTER_MS + 1) }, now),
    ).toBe('failing');
  });
});
