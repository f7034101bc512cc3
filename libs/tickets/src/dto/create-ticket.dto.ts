import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PRIORITIES, Priority, TICKET_KINDS, TicketKind } from '@meldpunt/municipalities';
import { Channel, CHANNELS } from '../entities/ticket.entity';
import { IsPhoneNumber } from './is-phone-number';

export const LANGUAGES = ['nl', 'fr', 'en'] as const;

export class LocationDto {
  @ApiPropertyOptional({ example: 'Grote Markt 54, Kortrijk' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ example: '8500' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: '$property must be a Belgian postcode of four digits' })
  postcode?: string;

  @ApiPropertyOptional({ example: 50.8279 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  lat?: number;

  @ApiPropertyOptional({ example: 3.2649 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  lon?: number;
}

export class ReporterDto {
  @ApiPropertyOptional({ example: 'An Peeters' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'an.peeters@example.be' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+32 470 12 34 56' })
  @IsOptional()
  @IsString()
  @IsPhoneNumber()
  phone?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: 'nl' | 'fr' | 'en';

  @ApiPropertyOptional({
    description: 'The reporter agrees to receive e-mail about this ticket; required for any e-mail',
  })
  @IsOptional()
  @IsBoolean()
  consent?: boolean;
}

export class CreateTicketDto {
  @ApiProperty({ enum: TICKET_KINDS })
  @IsIn(TICKET_KINDS)
  kind: TicketKind;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel: Channel;

  @ApiProperty({ example: 'public-lighting' })
  @IsString()
  @Matches(/^[a-z0-9-]{2,60}$/, { message: '$property must be a category code' })
  categoryCode: string;

  @ApiProperty({ example: 'De straatlamp voor nummer 12 brandt al een week niet meer.', maxLength: 10000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  description: string;

  @ApiPropertyOptional({ example: 'Straatlamp defect', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;

  @ApiPropertyOptional({ example: 'kortrijk' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]{2,40}$/, { message: '$property must be a municipality code' })
  municipalityCode?: string;

  @ApiPropertyOptional({ type: LocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiPropertyOptional({ type: ReporterDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter?: ReporterDto;

  @ApiPropertyOptional({ enum: PRIORITIES, description: 'Set by agents; P1 is the 24/7 urgent track' })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({
    description: 'The reporter marks a report as urgent: raises its priority one step (not to P1)',
  })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;
}
