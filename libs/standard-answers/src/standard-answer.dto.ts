import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { TICKET_STATUSES } from '@meldpunt/tickets';

export class AnswerTextsDto {
  @ApiProperty({
    example: 'Beste {name}, we hebben je melding {reference} doorgegeven aan de technische dienst.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  nl: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  fr: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  en: string;
}

export class StandardAnswerDto {
  @ApiPropertyOptional({
    nullable: true,
    description: 'Null or absent: for the whole region (admins and region-wide supervisors)',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(/^[a-z0-9-]{2,40}$/, { message: '$property must be a municipality code' })
  municipalityCode?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Null or absent: for every category' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Matches(/^[a-z0-9-]{2,60}$/, { message: '$property must be a category code' })
  categoryCode?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: TICKET_STATUSES, description: 'Null or absent: any status' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsIn(TICKET_STATUSES)
  status?: string | null;

  @ApiProperty({ example: 'Doorgegeven aan de technische dienst', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  title: string;

  @ApiProperty({
    type: AnswerTextsDto,
    description: 'Placeholders: {reference} {name} {category} {municipality} {address}',
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => AnswerTextsDto)
  body: AnswerTextsDto;
}
