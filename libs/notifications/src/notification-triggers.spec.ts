import { isOutdated, notificationKindFor, TriggeringEvent } from './notification-triggers';

const event = (
  type: string,
  entryType: string,
  data: Record<string, unknown> = {},
  actor = 'user',
): TriggeringEvent => ({ type, entry: { type: entryType, actor: { type: actor }, data } });
const off = { forwardedMail: false };

describe('notificationKindFor', () => {
  it('acknowledges every new ticket', () => {
    expect(notificationKindFor(event('ticket.created', 'created'), off)).toBe('acknowledgement');
  });

  it('sends public messages from staff and back-offices, never internal notes nor the citizen’s own', () => {
    expect(notificationKindFor(event('ticket.message_added', 'message_public'), off)).toBe('message');
    expect(notificationKindFor(event('ticket.message_added', 'message_public', {}, 'backoffice'), off)).toBe(
      'message',
    );
    expect(notificationKindFor(event('ticket.message_added', 'message_internal'), off)).toBeNull();
    expect(
      notificationKindFor(event('ticket.message_added', 'message_public', {}, 'citizen'), off),
    ).toBeNull();
  });

  it('asks the question, announces the resolution, and forwards only where the municipality wants it', () => {
    const changed = (from: string, to: string) =>
      event('ticket.status_changed', 'status_changed', { from, to });
    expect(notificationKindFor(changed('in_progress', 'waiting_for_citizen'), off)).toBe('clarification');
    expect(notificationKindFor(changed('in_progress', 'resolved'), off)).toBe('resolution');
    expect(notificationKindFor(changed('new', 'in_progress'), off)).toBeNull();
    expect(notificationKindFor(changed('new', 'in_progress'), { forwardedMail: true })).toBe('forwarded');
    expect(
      notificationKindFor(changed('waiting_for_citizen', 'in_progress'), { forwardedMail: true }),
    ).toBeNull();
    expect(notificationKindFor(changed('resolved', 'closed'), off)).toBeNull();
  });

  it('escalates every SLA breach to the team, never a warning', () => {
    const breach = (clock: string) =>
      event('ticket.sla.breached', 'sla_breached', { clock, dueAt: '2027-04-06T12:30:00Z' }, 'system');
    expect(notificationKindFor(breach('response'), off)).toBe('escalation');
    expect(notificationKindFor(breach('resolution'), { forwardedMail: true })).toBe('escalation');
    expect(
      notificationKindFor(event('ticket.sla.warning', 'sla_warning', { clock: 'response' }), off),
    ).toBeNull();
    expect(notificationKindFor(event('ticket.sla.breached', 'sla_warning'), off)).toBeNull();
  });

  it('tells the duplicate’s reporter of a merge, and every merged reporter of the resolution', () => {
    expect(notificationKindFor(event('ticket.merged', 'merged', { into: 'ZWVL-2027-000001' }), off)).toBe(
      'merged',
    );
    // The ticket that stays keeps its reporter in the dark: nothing changed for them.
    expect(notificationKindFor(event('ticket.merged', 'merge_received'), off)).toBeNull();
    expect(notificationKindFor(event('ticket.merge_resolved', 'merge_resolved'), off)).toBe('resolution');
  });

  it('ignores events it has no mail for', () => {
    expect(notificationKindFor(event('ticket.updated', 'assigned'), off)).toBeNull();
  });
});

describe('isOutdated', () => {
  it('drops a question already answered and a resolution already undone', () => {
    expect(isOutdated('clarification', 'in_progress')).toBe(true);
    expect(isOutdated('clarification', 'waiting_for_citizen')).toBe(false);
    expect(isOutdated('resolution', 'in_progress')).toBe(true);
    expect(isOutdated('resolution', 'closed')).toBe(false);
    expect(isOutdated('acknowledgement', 'resolved')).toBe(false);
  });

  it('sends a merged report the resolution of the other, though it stays cancelled', () => {
    expect(isOutdated('resolution', 'cancelled', 'ticket.merge_resolved')).toBe(false);
    expect(isOutdated('resolution', 'cancelled', 'ticket.status_changed')).toBe(true);
  });

  it('keeps a breach a breach, whatever happened to the ticket since', () => {
    expect(isOutdated('escalation', 'in_progress')).toBe(false);
    expect(isOutdated('escalation', 'resolved')).toBe(false);
  });
});
