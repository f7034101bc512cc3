import type { SlaPolicy } from './sla-policy-matching';

/**
 * The seed policies from the issue, region-wide (no municipality, no category). Kinds are matched
 * with the `kind` extension rather than category codes: a question about public lighting is as much
 * a question as one in `general-question`, and category codes would also let a category policy
 * outrank the P1 track. The catch-all is the report policy, since most categories are reports.
 * Fixed ids so the seeder can upsert them; they are UUIDs because the contract's ids are.
 */
export const DEFAULT_SLA_POLICIES: readonly SlaPolicy[] = [
  {
    id: '5a1a0000-0000-4000-8000-000000000001',
    municipalityCode: null,
    categoryCode: null,
    priority: null,
    kind: null,
    responseTarget: { value: 1, unit: 'business_days' },
    resolutionTarget: { value: 10, unit: 'business_days' },
    warnAtPercent: 75,
  },
  {
    id: '5a1a0000-0000-4000-8000-000000000002',
    municipalityCode: null,
    categoryCode: null,
    priority: null,
    kind: 'question',
    responseTarget: { value: 1, unit: 'business_days' },
    resolutionTarget: { value: 5, unit: 'business_days' },
    warnAtPercent: 75,
  },
  {
    id: '5a1a0000-0000-4000-8000-000000000003',
    municipalityCode: null,
    categoryCode: null,
    priority: null,
    kind: 'complaint',
    responseTarget: { value: 1, unit: 'business_days' },
    resolutionTarget: { value: 720, unit: 'hours' },
    warnAtPercent: 75,
  },
  {
    id: '5a1a0000-0000-4000-8000-000000000004',
    municipalityCode: null,
    categoryCode: null,
    priority: 'P1',
    kind: null,
    responseTarget: { value: 2, unit: 'hours' },
    resolutionTarget: { value: 24, unit: 'hours' },
    warnAtPercent: 75,
  },
];
