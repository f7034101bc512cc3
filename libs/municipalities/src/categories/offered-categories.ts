import { UnprocessableError } from '@meldpunt/api-errors';
import type { CategoryEntity } from '../entities/category.entity';
import type { CategoryNames, MunicipalityCategoryEntity } from '../entities/municipality-category.entity';

/** A category as one municipality offers it: its names applied, turned on or off. */
export interface OfferedCategory {
  code: string;
  name: CategoryNames;
  kinds: CategoryEntity['kinds'];
  defaultPriority: CategoryEntity['defaultPriority'];
  sortOrder: number;
  /** `regional`: the region's taxonomy; `local`: one this municipality added. */
  origin: 'regional' | 'local';
  enabled: boolean;
  /** The region's names, for a regional category the municipality renamed. */
  regionalName: CategoryNames | null;
}

/**
 * Every category a municipality could offer, in display order: the active regional ones with its
 * choices applied, then its own. Disabled ones are included (the admin page lists them); callers
 * that offer categories to citizens or agents keep `enabled` ones.
 */
export function offeredCategories(
  municipalityCode: string,
  categories: Iterable<CategoryEntity>,
  choices: Iterable<MunicipalityCategoryEntity>,
): OfferedCategory[] {
  const chosen = new Map<string, MunicipalityCategoryEntity>();
  for (const c of choices) if (c.municipalityCode === municipalityCode) chosen.set(c.categoryCode, c);
  const offered: OfferedCategory[] = [];
  for (const category of categories) {
    if (category.municipalityCode === null) {
      if (!category.active) continue;
      const choice = chosen.get(category.code);
      offered.push({
        ...common(category),
        name: choice?.name ?? category.name,
        origin: 'regional',
        enabled: choice?.enabled ?? true,
        regionalName: choice?.name ? category.name : null,
      });
    } else if (category.municipalityCode === municipalityCode) {
      offered.push({
        ...common(category),
        name: category.name,
        origin: 'local',
        enabled: category.active,
        regionalName: null,
      });
    }
  }
  return offered.sort(
    (a, b) => rank(a) - rank(b) || a.sortOrder - b.sortOrder || a.code.localeCompare(b.code),
  );
}

function common(c: CategoryEntity) {
  return { code: c.code, kinds: c.kinds, defaultPriority: c.defaultPriority, sortOrder: c.sortOrder };
}

// The region's categories first, in their order; a municipality's own after them.
const rank = (c: OfferedCategory) => (c.origin === 'regional' ? 0 : 1);

/** The answer to a ticket in a category its municipality does not offer (turned off, or another's). */
export function categoryNotOffered(categoryCode: string, municipalityCode: string): UnprocessableError {
  const message = `categoryCode '${categoryCode}' is not offered by municipality '${municipalityCode}'`;
  return new UnprocessableError(message, [
    {
      field: 'categoryCode',
      rule: 'isOfferedByMunicipality',
      message: `${message} (GET /api/v1/municipalities/${municipalityCode}/categories lists what it offers)`,
    },
  ]);
}
