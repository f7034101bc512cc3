import { timerJobId, timersFor, type SlaTimerRow } from './sla-timers';

const base: SlaTimerRow = {
  id: 't1',
  status: 'new',
  sla_version: 3,
  sla_paused: false,
  responded_at: null,
  resolved_at: null,
  response_due_at: new Date('2027-03-30T15:00:00Z'),
  resolution_due_at: new Date('2027-04-12T15:00:00Z'),
  response_warn_at: new Date('2027-03-30T12:00:00Z'),
  resolution_warn_at: new Date('2027-04-09T12:00:00Z'),
  response_warned: false,
  resolution_warned: false,
  response_breached: false,
  resolution_breached: false,
};

describe('timersFor', () => {
  it('plans the next timer of each running clock, keyed by version', () => {
    const jobs = timersFor(base);
    expect(jobs.map((j) => `${j.clock}-${j.kind}`)).toEqual(['response-warning', 'resolution-warning']);
    const warned = timersFor({ ...base, response_warned: true });
    expect(warned.map((j) => `${j.clock}-${j.kind}`)).toEqual(['response-breach', 'resolution-warning']);
    expect(timerJobId(jobs[0])).toBe('sla-t1-response-warning-v3');
  });

  it('plans nothing for paused, resolved or final tickets, and skips fired and stopped timers', () => {
    expect(timersFor({ ...base, sla_paused: true })).toEqual([]);
    expect(timersFor({ ...base, status: 'resolved' })).toEqual([]);
    expect(timersFor({ ...base, status: 'cancelled' })).toEqual([]);
    const answered = timersFor({ ...base, responded_at: new Date(), resolution_warned: true });
    expect(answered.map((j) => `${j.clock}-${j.kind}`)).toEqual(['resolution-breach']);
  });
});
