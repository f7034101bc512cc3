import type { Target } from './sla-target';

export type SlaPriority = 'P1' | 'P2' | 'P3' | 'P4';
export type TicketKind = 'question' | 'report' | 'complaint';

/**
 * An SLA policy as the contract has it, plus `kind` as an optional extension (absent or null: any
 * kind). A non-null matcher field only matches a ticket with that value.
 */
export interface SlaPolicy {
  id: string;
  municipalityCode: string | null;
  categoryCode: string | null;
  priority: SlaPriority | null;
  kind?: TicketKind | null;
  responseTarget: Target;
  resolutionTarget: Target;
  warnAtPercent: number;
}

/** What matching needs to know about a ticket. */
export interface TicketSlaFacts {
  municipalityCode: string;
  categoryCode: string;
  priority?: SlaPriority | null;
  kind?: TicketKind | null;
}

export type SlaPolicyMatcher = Pick<SlaPolicy, 'municipalityCode' | 'categoryCode' | 'priority' | 'kind'>;

export function policyMatches(policy: SlaPolicyMatcher, ticket: TicketSlaFacts): boolean {
  const fits = <T>(wanted: T | null | undefined, actual: T | null | undefined) =>
    wanted === null || wanted === undefined || wanted === actual;
  return (
    fits(policy.municipalityCode, ticket.municipalityCode) &&
    fits(policy.categoryCode, ticket.categoryCode) &&
    fits(policy.priority, ticket.priority) &&
    fits(policy.kind, ticket.kind)
  );
}

/**
 * How specific a policy is, as a number that sorts like the contract's rule "municipality, then
 * category, then priority": each field outweighs all the later ones together (8 > 4 + 2 + 1).
 * `kind`, the extension, ranks last so it never overturns what the contract's fields decide:
 * a P1 policy beats a kind policy, and a category policy beats both.
 */
export function policySpecificity(policy: SlaPolicyMatcher): number {
  const set = (field: unknown) => (field === null || field === undefined ? 0 : 1);
  return (
    8 * set(policy.municipalityCode) +
    4 * set(policy.categoryCode) +
    2 * set(policy.priority) +
    set(policy.kind)
  );
}

/**
 * The policy that applies to a ticket: the most specific matching one, or null if none matches
 * (the seed's catch-all makes that impossible unless an admin deletes it). Two matching policies of
 * equal specificity have identical matchers, which the API should refuse; should it happen anyway,
 * the smallest id wins so the answer never depends on the order the policies were loaded in.
 */
export function matchPolicy<P extends SlaPolicy>(policies: readonly P[], ticket: TicketSlaFacts): P | null {
  let best: P | null = null;
  for (const policy of policies) {
    if (!policyMatches(policy, ticket)) continue;
    if (!best) {
      best = policy;
      continue;
    }
    const difference = policySpecificity(policy) - policySpecificity(best);
    if (difference > 0 || (difference === 0 && policy.id < best.id)) best = policy;
  }
  return best;
}
