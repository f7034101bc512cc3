import { ticketFixture } from '../testing/ticket-fixture';
import { formatRemaining, slaCountdown } from './sla-countdown';

const NOW = Date.parse('2026-11-24T10:00:00Z');
const MINUTE = 60_000;
const units = { day: 'd', hour: 'u', minute: 'm' };
const sla = ticketFixture().sla;

describe('slaCountdown', () => {
  it('counts down to the first answer while there is none', () => {
    const c = slaCountdown(ticketFixture(), NOW);
    expect(c).toMatchObject({ level: 'ok', target: 'response', remainingMs: 7 * 60 * MINUTE });
  });

  it('counts down to the resolution once answered', () => {
    const t = ticketFixture({ sla: { ...sla, respondedAt: new Date(NOW).toISOString() } });
    expect(slaCountdown(t, NOW)).toMatchObject({ level: 'ok', target: 'resolution' });
  });

  it('warns in the last quarter of the time, or when the api warned', () => {
    const late = ticketFixture({ sla: { ...sla, responseDueAt: new Date(NOW + 10 * MINUTE).toISOString() } });
    expect(slaCountdown(late, NOW).level).toBe('warning');
    expect(slaCountdown(ticketFixture(), NOW, true).level).toBe('warning');
  });

  it('is breached when overdue or flagged by the api', () => {
    const overdue = ticketFixture({ sla: { ...sla, responseDueAt: new Date(NOW - MINUTE).toISOString() } });
    expect(slaCountdown(overdue, NOW)).toMatchObject({ level: 'breached', remainingMs: -MINUTE });
    const flagged = ticketFixture({ sla: { ...sla, breached: { response: false, resolution: true } } });
    expect(slaCountdown(flagged, NOW).level).toBe('breached');
  });

  it('pauses while waiting for the citizen, and stops for finished tickets', () => {
    const waiting = ticketFixture({ status: 'waiting_for_citizen', sla: { ...sla, paused: true } });
    expect(slaCountdown(waiting, NOW).level).toBe('paused');
    expect(slaCountdown(ticketFixture({ status: 'resolved' }), NOW).level).toBe('done');
  });
});

describe('formatRemaining', () => {
  it.each([
    [30_000, '<1m'],
    [12 * MINUTE, '12m'],
    [185 * MINUTE, '3u 05m'],
    [(2 * 24 * 60 + 4 * 60) * MINUTE, '2d 4u'],
    [-40 * MINUTE, '−40m'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatRemaining(ms, units)).toBe(text);
  });
});
