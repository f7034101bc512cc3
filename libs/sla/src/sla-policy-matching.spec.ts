import fc from 'fast-check';
import type { Priority, TicketKind as CategoryKind } from '@meldpunt/municipalities';
import { DEFAULT_SLA_POLICIES } from './sla-policy-defaults';
import {
  matchPolicy,
  policyMatches,
  policySpecificity,
  type SlaPolicy,
  type SlaPriority,
  type TicketKind,
} from './sla-policy-matching';
import { isValidTarget } from './sla-target';

const target = { value: 1, unit: 'business_days' } as const;
const policy = (id: string, fields: Partial<SlaPolicy>): SlaPolicy => ({
  id,
  municipalityCode: null,
  categoryCode: null,
  priority: null,
  responseTarget: target,
  resolutionTarget: target,
  warnAtPercent: 75,
  ...fields,
});

const ticket = {
  municipalityCode: 'kortrijk',
  categoryCode: 'parking',
  priority: 'P1',
  kind: 'complaint',
} as const;

describe('SLA policy matching', () => {
  it('matches a policy only when each non-null field equals the ticket', () => {
    expect(policyMatches(policy('a', {}), ticket)).toBe(true);
    expect(policyMatches(policy('a', { municipalityCode: 'kortrijk', priority: 'P1' }), ticket)).toBe(true);
    expect(policyMatches(policy('a', { municipalityCode: 'menen' }), ticket)).toBe(false);
    expect(policyMatches(policy('a', { kind: 'question' }), ticket)).toBe(false);
    expect(policyMatches(policy('a', { priority: 'P2' }), { ...ticket, priority: null })).toBe(false);
  });

  it('prefers municipality over category over priority over kind', () => {
    const policies = [
      policy('any', {}),
      policy('kind', { kind: 'complaint' }),
      policy('priority', { priority: 'P1' }),
      policy('category', { categoryCode: 'parking' }),
      policy('municipality', { municipalityCode: 'kortrijk' }),
    ];
    for (let i = policies.length; i > 0; i -= 1) {
      expect(matchPolicy(policies.slice(0, i), ticket)?.id).toBe(policies[i - 1].id);
    }
    // A municipality alone outranks category, priority and kind together.
    const all = policy('category+priority+kind', {
      categoryCode: 'parking',
      priority: 'P1',
      kind: 'complaint',
    });
    expect(matchPolicy([all, policies[4]], ticket)?.id).toBe('municipality');
    expect(matchPolicy([policy('none', { municipalityCode: 'menen' })], ticket)).toBeNull();
  });

  it('picks the same policy whatever order the policies come in', () => {
    const fieldValue = <T>(values: T[]) => fc.option(fc.constantFrom(...values), { nil: null });
    const arbitraryPolicy = fc.record({
      id: fc.uuid(),
      municipalityCode: fieldValue(['kortrijk', 'menen']),
      categoryCode: fieldValue(['parking', 'animals']),
      priority: fieldValue<SlaPriority>(['P1', 'P2']),
      kind: fieldValue<TicketKind>(['complaint', 'report']),
    });
    fc.assert(
      fc.property(fc.array(arbitraryPolicy, { maxLength: 12 }), (matchers) => {
        const policies = matchers.map((m) => policy(m.id, m));
        const chosen = matchPolicy(policies, ticket);
        expect(matchPolicy([...policies].reverse(), ticket)).toBe(chosen);
        const matching = policies.filter((p) => policyMatches(p, ticket));
        expect(chosen === null).toBe(matching.length === 0);
        for (const other of matching)
          expect(policySpecificity(other)).toBeLessThanOrEqual(policySpecificity(chosen!));
      }),
      { numRuns: 200 },
    );
  });

  describe('seed defaults', () => {
    const facts = (kind: TicketKind, priority: SlaPriority) => ({
      municipalityCode: 'kortrijk',
      categoryCode: 'waste-collection',
      kind,
      priority,
    });

    it('give reports 10 business days, questions 5, complaints 30 calendar days; all 1 business day to respond', () => {
      expect(matchPolicy(DEFAULT_SLA_POLICIES, facts('report', 'P3'))?.resolutionTarget).toEqual({
        value: 10,
        unit: 'business_days',
      });
      expect(matchPolicy(DEFAULT_SLA_POLICIES, facts('question', 'P3'))?.resolutionTarget).toEqual({
        value: 5,
        unit: 'business_days',
      });
      expect(matchPolicy(DEFAULT_SLA_POLICIES, facts('complaint', 'P3'))?.resolutionTarget).toEqual({
        value: 720,
        unit: 'hours',
      });
      for (const kind of ['report', 'question', 'complaint'] as const) {
        expect(matchPolicy(DEFAULT_SLA_POLICIES, facts(kind, 'P2'))?.responseTarget).toEqual({
          value: 1,
          unit: 'business_days',
        });
      }
    });

    it('put every P1 on the 24/7 track, whatever its kind', () => {
      for (const kind of ['report', 'question', 'complaint'] as const) {
        const chosen = matchPolicy(DEFAULT_SLA_POLICIES, facts(kind, 'P1'));
        expect(chosen?.responseTarget).toEqual({ value: 2, unit: 'hours' });
        expect(chosen?.resolutionTarget).toEqual({ value: 24, unit: 'hours' });
      }
    });

    it('are valid, warn at 75% and have distinct matchers', () => {
      const matchers = DEFAULT_SLA_POLICIES.map((p) =>
        JSON.stringify([p.municipalityCode, p.categoryCode, p.priority, p.kind]),
      );
      expect(new Set(matchers).size).toBe(DEFAULT_SLA_POLICIES.length);
      for (const p of DEFAULT_SLA_POLICIES) {
        expect(isValidTarget(p.responseTarget) && isValidTarget(p.resolutionTarget)).toBe(true);
        expect(p.warnAtPercent).toBe(75);
      }
    });
  });

  it('uses the same priorities and kinds as the category taxonomy (checked by the compiler)', () => {
    type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
    const samePriorities: Same<SlaPriority, Priority> = true;
    const sameKinds: Same<TicketKind, CategoryKind> = true;
    expect([samePriorities, sameKinds]).toEqual([true, true]);
  });
});
