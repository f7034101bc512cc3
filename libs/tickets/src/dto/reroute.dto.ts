import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Sends a ticket to the municipality it belongs to (the caller named the wrong one, or the address is across the border). */
export class RerouteTicketDto {
  @ApiProperty({ description: 'The municipality that is to handle the ticket', example: 'kortrijk' })
  @Matches(/^[a-z0-9-]{2,40}$/, { message: '$property must be a municipality code' })
  municipalityCode: string;

  @ApiPropertyOptional({
    description:
      'The category in the new municipality, when the current one is not offered there (GET /api/v1/municipalities/{code}/categories)',
  })
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,60}$/, { message: '$property must be a category code' })
  categoryCode?: string;

  @ApiProperty({
    description: 'Why the ticket moves: on record in its history and in both back-offices',
    maxLength: 500,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
