import type { CategoryEntity } from '../entities/category.entity';
import type { MunicipalityCategoryEntity } from '../entities/municipality-category.entity';
import { offeredCategories } from './offered-categories';

const names = (nl: string) => ({ nl, fr: `${nl} fr`, en: `${nl} en` });
const category = (code: string, sortOrder: number, extra: Partial<CategoryEntity> = {}): CategoryEntity => ({
  code,
  municipalityCode: null,
  name: names(code),
  kinds: ['report'],
  defaultPriority: 'P3',
  sortOrder,
  active: true,
  ...extra,
});
const choice = (
  municipalityCode: string,
  categoryCode: string,
  extra: Partial<MunicipalityCategoryEntity>,
): MunicipalityCategoryEntity => ({
  municipalityCode,
  categoryCode,
  enabled: true,
  name: null,
  updatedAt: new Date(),
  ...extra,
});

describe('offeredCategories', () => {
  const categories = [
    category('lighting', 10),
    category('roads', 20),
    category('retired', 30, { active: false }),
    category('kortrijk-parking', 10, { municipalityCode: 'kortrijk', kinds: ['question'] }),
    category('menen-market', 5, { municipalityCode: 'menen' }),
  ];

  it('applies only this municipality’s choices, and lists its own after the regional ones', () => {
    const choices = [
      choice('kortrijk', 'roads', { enabled: false }),
      choice('kortrijk', 'lighting', { name: names('Straatlampen') }),
      choice('menen', 'lighting', { enabled: false }),
    ];
    const kortrijk = offeredCategories('kortrijk', categories, choices);
    expect(kortrijk.map((c) => [c.code, c.origin, c.enabled, c.name.nl])).toEqual([
      ['lighting', 'regional', true, 'Straatlampen'],
      ['roads', 'regional', false, 'roads'],
      ['kortrijk-parking', 'local', true, 'kortrijk-parking'],
    ]);
    expect(kortrijk[0].regionalName).toEqual(names('lighting'));
    expect(kortrijk[1].regionalName).toBeNull();

    const menen = offeredCategories('menen', categories, choices);
    expect(menen.map((c) => [c.code, c.enabled])).toEqual([
      ['lighting', false],
      ['roads', true],
      ['menen-market', true],
    ]);
  });

  it('leaves out an inactive regional category, and shows an own one turned off as disabled', () => {
    const own = [
      ...categories,
      category('kortrijk-old', 20, { municipalityCode: 'kortrijk', active: false }),
    ];
    const offered = offeredCategories('kortrijk', own, []);
    expect(offered.map((c) => c.code)).not.toContain('retired');
    expect(offered.find((c) => c.code === 'kortrijk-old')).toMatchObject({ origin: 'local', enabled: false });
  });
});
