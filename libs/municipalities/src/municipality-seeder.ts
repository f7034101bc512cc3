import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CategoryEntity } from './entities/category.entity';
import { MunicipalityEntity } from './entities/municipality.entity';
import { CATEGORIES } from './seed/categories.seed';
import { defaultClosedDates, defaultOpeningHours, REGION } from './seed/region.seed';
import { MunicipalityDirectory } from './municipality-directory';

/**
 * Inserts the region's municipalities and categories that are missing. Never overwrites: what an
 * admin changed (opening hours, back-office) survives every restart and every `npm run seed`.
 */
@Injectable()
export class MunicipalitySeeder {
  constructor(
    @InjectRepository(MunicipalityEntity) private readonly municipalities: Repository<MunicipalityEntity>,
    @InjectRepository(CategoryEntity) private readonly categories: Repository<CategoryEntity>,
    private readonly directory: MunicipalityDirectory,
  ) {}

  async seed(now = new Date()): Promise<{ municipalities: number; categories: number }> {
    const year = now.getUTCFullYear();
    const municipalities = await this.municipalities
      .createQueryBuilder()
      .insert()
      .values(
        REGION.map((m) => ({
          code: m.code,
          nisCode: m.nisCode,
          name: m.name,
          postcodes: m.postcodes,
          languages: m.languages,
          timezone: 'Europe/Brussels',
          openingHours: defaultOpeningHours(m.lateEvening),
          closedDates: defaultClosedDates([year, year + 1]),
          boundingBox: m.boundingBox,
          backOffice: { type: m.backOffice },
        })),
      )
      .orIgnore()
      .returning(['code'])
      .execute();
    const categories = await this.categories
      .createQueryBuilder()
      .insert()
      .values(CATEGORIES.map((c, i) => ({ ...c, sortOrder: (i + 1) * 10 })))
      .orIgnore()
      .returning(['code'])
      .execute();
    this.directory.invalidate();
    return {
      municipalities: (municipalities.raw as unknown[]).length,
      categories: (categories.raw as unknown[]).length,
    };
  }
}
