import { initialPriority } from './ticket-priority';

describe('initialPriority', () => {
  it('takes the category default', () => {
    expect(initialPriority({ categoryDefault: 'P3', kind: 'report' })).toBe('P3');
  });
  it('keeps what the agent chose, P1 included', () => {
    expect(initialPriority({ requested: 'P1', categoryDefault: 'P4', kind: 'question' })).toBe('P1');
  });
  it('raises an urgent report by one step but not to P1', () => {
    expect(initialPriority({ categoryDefault: 'P3', urgent: true, kind: 'report' })).toBe('P2');
    expect(initialPriority({ categoryDefault: 'P2', urgent: true, kind: 'report' })).toBe('P2');
    expect(initialPriority({ categoryDefault: 'P4', urgent: true, kind: 'report' })).toBe('P3');
  });
  it('does not raise urgent questions', () => {
    expect(initialPriority({ categoryDefault: 'P4', urgent: true, kind: 'question' })).toBe('P4');
  });
});
