import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CategoryEntity } from './entities/category.entity';
import { MunicipalityEntity, WeeklyHours } from './entities/municipality.entity';

const TTL_MS = 30_000;

/**
 * The region's municipalities and categories, read on every intake. They change a few times a
 * year, so each process keeps them in memory for 30 s instead of querying per request; a write
 * through this process refreshes at once, other instances follow within the TTL.
 */
@Injectable()
export class MunicipalityDirectory {
  private cache: {
    at: number;
    municipalities: MunicipalityEntity[];
    categories: Map<string, CategoryEntity>;
  } | null = null;
  private loading: Promise<void> | null = null;

  constructor(
    @InjectRepository(MunicipalityEntity) private readonly municipalities: Repository<MunicipalityEntity>,
    @InjectRepository(CategoryEntity) private readonly categories: Repository<CategoryEntity>,
  ) {}

  async allMunicipalities(): Promise<MunicipalityEntity[]> {
    return (await this.fresh()).municipalities;
  }

  async municipality(code: string): Promise<MunicipalityEntity | undefined> {
    return (await this.fresh()).municipalities.find((m) => m.code === code);
  }

  async allCategories(): Promise<CategoryEntity[]> {
    return [...(await this.fresh()).categories.values()];
  }

  async category(code: string): Promise<CategoryEntity | undefined> {
    return (await this.fresh()).categories.get(code);
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
    const [municipalities, categories] = await Promise.all([
      this.municipalities.find({ order: { name: 'ASC' } }),
      this.categories.find({ order: { sortOrder: 'ASC', code: 'ASC' } }),
    ]);
    this.cache = { at: Date.now(), municipalities, categories: new Map(categories.map((c) => [c.code, c])) };
  }
}
