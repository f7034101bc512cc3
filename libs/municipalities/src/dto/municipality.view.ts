import { ApiProperty } from '@nestjs/swagger';
import { CategoryEntity } from '../entities/category.entity';
import { MunicipalityEntity } from '../entities/municipality.entity';

export class MunicipalityView {
  @ApiProperty({ example: 'kortrijk' }) code: string;
  @ApiProperty({ example: '34022' }) nisCode: string;
  @ApiProperty({ example: 'Kortrijk' }) name: string;
  @ApiProperty({ type: [String], example: ['8500', '8501', '8510', '8511'] }) postcodes: string[];
  @ApiProperty({ type: [String], example: ['nl'] }) languages: string[];
  @ApiProperty({ example: 'Europe/Brussels' }) timezone: string;
  @ApiProperty({ example: { type: 'topdesk' } }) backOffice: { type: string };

  static of(m: MunicipalityEntity): MunicipalityView {
    // Only the type of back-office is public; URLs, maps and credentials stay with admins.
    return {
      code: m.code,
      nisCode: m.nisCode,
      name: m.name,
      postcodes: m.postcodes,
      languages: m.languages,
      timezone: m.timezone,
      backOffice: { type: m.backOffice.type },
    };
  }
}

export class CategoryView {
  @ApiProperty({ example: 'public-lighting' }) code: string;
  @ApiProperty({ example: { nl: 'Openbare verlichting', fr: 'Éclairage public', en: 'Public lighting' } })
  name: { nl: string; fr: string; en: string };
  @ApiProperty({ type: [String], example: ['report', 'question'] }) kinds: string[];
  @ApiProperty({ example: 'P3' }) defaultPriority: string;
  @ApiProperty({
    enum: ['regional', 'local'],
    description: "regional: the region's taxonomy; local: a category the municipality added itself",
  })
  origin: 'regional' | 'local';

  static of(
    c: Pick<CategoryEntity, 'code' | 'name' | 'kinds' | 'defaultPriority' | 'municipalityCode'>,
  ): CategoryView {
    return {
      code: c.code,
      name: c.name,
      kinds: c.kinds,
      defaultPriority: c.defaultPriority,
      origin: c.municipalityCode === null ? 'regional' : 'local',
    };
  }
}
