import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PRIORITIES, TICKET_KINDS, type Priority, type TicketKind } from '../entities/category.entity';

export class CategoryNamesDto {
  @ApiProperty({ example: 'Parkeerkaarten' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  nl: string;

  @ApiProperty({ example: 'Cartes de stationnement' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  fr: string;

  @ApiProperty({ example: 'Parking permits' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  en: string;
}

/**
 * A municipality's choice for one category. On a regional category: `enabled`, `name` (null
 * restores the regional names) and `backOffice`. On its own (or a new) category also `kinds` and
 * `defaultPriority`; a new one needs `name` and `kinds`.
 */
export class CategoryChoiceDto {
  @ApiPropertyOptional({ description: 'False: the municipality does not offer this category' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: CategoryNamesDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CategoryNamesDto)
  name?: CategoryNamesDto | null;

  @ApiPropertyOptional({ enum: TICKET_KINDS, isArray: true, example: ['question'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(TICKET_KINDS, { each: true })
  kinds?: TicketKind[];

  @ApiPropertyOptional({ enum: PRIORITIES, example: 'P3' })
  @IsOptional()
  @IsIn(PRIORITIES)
  defaultPriority?: Priority;

  @ApiPropertyOptional({
    nullable: true,
    example: { category: 'Openbaar domein', subcategory: 'Parkeren' },
    description:
      "This category's entry in the back-office connection's categoryMap (null removes it): the fields the case is filed under",
  })
  @IsOptional()
  @IsObject()
  backOffice?: Record<string, string> | null;
}
