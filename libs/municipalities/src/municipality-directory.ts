import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CategoryEntity } from './entities/category.entity';
import { MunicipalityCategoryEntity } from './entities/municipality-category.entity';
import { Language, MunicipalityEntity, WeeklyHours } from './entities/municipality.entity';
import { offeredCategories, type OfferedCategory } from './categories/offered-categories';

const TTL_MS = 30_000;

/**
 * The region's municipalities and categories, and each municipality's choices among them, read
 * on every intake. They change a few times a year, so each process keeps them in memory for 30 s
 * instead of querying per request; a write through this process refreshes at once, other
 * instances follow within the TTL.
 */
@Injectable()
export class MunicipalityDirectory {
  private cache: {
    at: number;
    municipalities: MunicipalityEntity[];
    categories: Map<string, CategoryEntity>;
    choices: MunicipalityCategoryEntity[];
    offered: Map<string, OfferedCategory[]>;
  } | null = null;
  private loading: Promise<void> | null = null;

  constructor(
    @InjectRepository(MunicipalityEntity) private readonly municipalities: Repository<MunicipalityEntity>,
    @InjectRepository(CategoryEntity) private readonly categories: Repository<CategoryEntity>,
    @InjectRepository(MunicipalityCategoryEntity)
    private readonly choices: Repository<MunicipalityCategoryEntity>,
  ) {}

  async allMunicipalities(): Promise<MunicipalityEntity[]> {
    return (await this.fresh()).municipalities;
  }

  async municipality(code: string): Promise<MunicipalityEntity | undefined> {
    return (await this.fresh()).municipalities.find((m) => m.code === code);
  }

  /** The regional taxonomy (active or not), without the categories municipalities added. */
  async allCategories(): Promise<CategoryEntity[]> {
    return [...(await this.fresh()).categories.values()].filter((c) => c.municipalityCode === null);
  }

  /** Any category by its code: regional or a municipality's own. */
  async category(code: string): Promise<CategoryEntity | undefined> {
    return (await this.fresh()).categories.get(code);
  }

  /** What a municipality could offer, disabled categories included (see offeredCategories). */
  async categoriesOf(municipalityCode: string): Promise<OfferedCategory[]> {
    const cache = await this.fresh();
    let offered = cache.offered.get(municipalityCode);
    if (!offered) {
      offered = offeredCategories(municipalityCode, cache.categories.values(), cache.choices);
      cache.offered.set(municipalityCode, offered);
    }
    return offered;
  }

  /** The category as this municipality offers it; undefined when it does not (off, or another's). */
  async offeredCategory(municipalityCode: string, code: string): Promise<OfferedCategory | undefined> {
    return (await this.categoriesOf(municipalityCode)).find((c) => c.code === code && c.enabled);
  }

  /** The name a citizen of this municipality reads for a category (its own name if it renamed it). */
  async categoryName(municipalityCode: string, code: string, language: Language): Promise<string> {
    const named =
      (await this.categoriesOf(municipalityCode)).find((c) => c.code === code)?.name ??
      (await this.category(code))?.name;
    return named?.[language] ?? code;
  }

  /** Replaces a municipality's opening hours and closing days (validated by the caller). */
  async updateOpeningHours(
    code: string,
    openingHours: WeeklyHours,
    closedDates: string[],
  ): Promise<MunicipalityEntity | null> {
    const result = await this.municipalities.update({ code }, { openingHours, closedDates });
    this.invalidate();
    return result.affected ? ((await this.municipality(code)) ?? null) : null;
  }

  invalidate(): void {
    this.cache = null;
  }

  private async fresh() {
    if (!this.cache || Date.now() - this.cache.at > TTL_MS) {
      this.loading ??= this.load().finally(() => (this.loading = null));
      await this.loading;
    }
    return this.cache!;
  }

  private async load(): Promise<void> {
    const [municipalities, categories, choices] = await Promise.all([
      this.municipalities.find({ order: { name: 'ASC' } }),
      this.categories.find({ order: { sortOrder: 'ASC', code: 'ASC' } }),
      this.choices.find(),
    ]);
    this.cache = {
      at: Date.now(),
      municipalities,
      categories: new Map(categories.map((c) => [c.code, c])),
      choices,
      offered: new Map(),
    };
  }
}
