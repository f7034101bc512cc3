import type { Priority } from '@meldpunt/municipalities';

/**
 * The priority a new ticket gets: the one an agent chose, else the category's default, raised by
 * one step (never above P2) when the reporter marks a report as urgent. Only an agent sets P1:
 * that is the 24/7 track with a two-hour response.
 */
export function initialPriority(input: {
  requested?: Priority;
  categoryDefault: Priority;
  urgent?: boolean;
  kind: string;
}): Priority {
  if (input.requested) return input.requested;
  if (input.urgent && input.kind === 'report') {
    const level = Math.max(2, Number(input.categoryDefault.slice(1)) - 1);
    return `P${level}` as Priority;
  }
  return input.categoryDefault;
}
