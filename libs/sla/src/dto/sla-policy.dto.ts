import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { TARGET_UNITS, type TargetUnit } from '../sla-target';

export class TargetDto {
  @ApiProperty({ example: 10 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  // Fractions of an hour are allowed: tests and drills use targets of seconds.
  @Min(0.0001)
  @Max(100000)
  value: number;

  @ApiProperty({ enum: TARGET_UNITS })
  @IsIn(TARGET_UNITS)
  unit: TargetUnit;
}

export class SlaPolicyDto {
  @ApiPropertyOptional({ nullable: true, example: null, description: 'null: every municipality' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'municipalityCode must be a municipality code or null' })
  municipalityCode?: string | null;

  @ApiPropertyOptional({ nullable: true, example: null, description: 'null: every category' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'categoryCode must be a category code or null' })
  categoryCode?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: ['P1', 'P2', 'P3', 'P4'] })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsIn(['P1', 'P2', 'P3', 'P4'])
  priority?: 'P1' | 'P2' | 'P3' | 'P4' | null;

  @ApiPropertyOptional({
    nullable: true,
    enum: ['question', 'report', 'complaint'],
    description: 'Extension: null for every kind',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsIn(['question', 'report', 'complaint'])
  kind?: 'question' | 'report' | 'complaint' | null;

  @ApiProperty({ type: TargetDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => TargetDto)
  responseTarget: TargetDto;

  @ApiProperty({ type: TargetDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => TargetDto)
  resolutionTarget: TargetDto;

  @ApiPropertyOptional({ default: 75, minimum: 1, maximum: 99 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  warnAtPercent?: number;
}

export class SlaPreviewDto {
  @ApiProperty({ example: 'kortrijk' })
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'municipalityCode must be a municipality code' })
  municipalityCode: string;

  @ApiProperty({ example: 'public-lighting' })
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'categoryCode must be a category code' })
  categoryCode: string;

  @ApiPropertyOptional({ enum: ['P1', 'P2', 'P3', 'P4'] })
  @IsOptional()
  @IsIn(['P1', 'P2', 'P3', 'P4'])
  priority?: 'P1' | 'P2' | 'P3' | 'P4';

  @ApiPropertyOptional({
    enum: ['question', 'report', 'complaint'],
    description: "Default: the category's first kind",
  })
  @IsOptional()
  @IsIn(['question', 'report', 'complaint'])
  kind?: 'question' | 'report' | 'complaint';

  @ApiProperty({ example: '2027-03-26T16:55:00+01:00' })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'receivedAt must be an ISO 8601 date-time with an offset',
  })
  receivedAt: string;
}

export class OpeningHoursDto {
  @ApiProperty({
    example: {
      mon: [
        ['08:30', '12:00'],
        ['13:30', '17:00'],
      ],
      tue: [],
      wed: [],
      thu: [],
      fri: [],
      sat: [],
      sun: [],
    },
    description: 'Per weekday the open intervals as local [from, to] "HH:MM" pairs',
  })
  @IsObject()
  weekly: Record<string, [string, string][]>;

  @ApiPropertyOptional({
    example: ['2027-07-11'],
    description: 'Extra closing days (local dates); public holidays come on top',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, {
    each: true,
    message: 'each value in closedDates must be a date YYYY-MM-DD',
  })
  closedDates?: string[];
}
