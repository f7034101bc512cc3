import { inboundPath } from './inbound-path';

describe('inboundPath', () => {
  it('walks a new ticket through every step the back-office skipped', () => {
    expect(inboundPath('new', 'resolved')).toEqual(['in_progress', 'resolved']);
    expect(inboundPath('new', 'closed')).toEqual(['in_progress', 'resolved', 'closed']);
    expect(inboundPath('in_progress', 'resolved')).toEqual(['resolved']);
  });

  it('resumes a ticket waiting for the citizen when the back-office completes it', () => {
    expect(inboundPath('waiting_for_citizen', 'resolved')).toEqual(['in_progress', 'resolved']);
  });

  it('reopens a resolved ticket when the back-office takes it up again', () => {
    expect(inboundPath('resolved', 'in_progress')).toEqual(['in_progress']);
  });

  it('does nothing when there already, and refuses what the lifecycle forbids', () => {
    expect(inboundPath('resolved', 'resolved')).toEqual([]);
    expect(inboundPath('cancelled', 'resolved')).toBeNull();
    expect(inboundPath('closed', 'in_progress')).toBeNull();
  });
});
