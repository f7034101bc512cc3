import fc from 'fast-check';
import {
  allowedTransitions,
  canTransition,
  isFinal,
  TICKET_STATUSES,
  TicketStatus,
} from './ticket-lifecycle';

describe('TicketLifecycle', () => {
  it.each([
    ['new', 'in_progress'],
    ['in_progress', 'resolved'],
    ['resolved', 'closed'],
    ['in_progress', 'waiting_for_citizen'],
    ['waiting_for_citizen', 'in_progress'],
    ['new', 'cancelled'],
    ['in_progress', 'cancelled'],
    ['resolved', 'in_progress'],
  ] as [TicketStatus, TicketStatus][])('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    ['new', 'resolved'],
    ['new', 'waiting_for_citizen'],
    ['waiting_for_citizen', 'resolved'],
    ['closed', 'in_progress'],
    ['cancelled', 'new'],
    ['resolved', 'cancelled'],
  ] as [TicketStatus, TicketStatus][])('refuses %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('never allows staying in the same status, and final statuses have no way out', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TICKET_STATUSES), fc.constantFrom(...TICKET_STATUSES), (from, to) => {
        if (from === to) expect(canTransition(from, to)).toBe(false);
        if (isFinal(from)) expect(canTransition(from, to)).toBe(false);
        expect(canTransition(from, to)).toBe(allowedTransitions(from).includes(to));
      }),
    );
  });

  it('reaches closed from new along every allowed path of random walks', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10), { maxLength: 30 }), (choices) => {
        let status: TicketStatus = 'new';
        for (const choice of choices) {
          const next = allowedTransitions(status);
          if (!next.length) break;
          status = next[choice % next.length];
        }
        expect(TICKET_STATUSES).toContain(status);
      }),
    );
  });
});
