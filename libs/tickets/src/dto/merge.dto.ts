import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Merges this ticket, a report of the same thing, into another open ticket of its municipality. */
export class MergeTicketDto {
  @ApiProperty({
    description: 'The ticket that stays (id or reference): this one is cancelled as its duplicate',
    example: 'ZWVL-2026-000042',
  })
  @IsString()
  @Matches(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|ZWVL-\d{4}-\d{6,})$/i, {
    message: '$property must be a ticket id or reference (ZWVL-YYYY-NNNNNN)',
  })
  intoTicket: string;

  @ApiPropertyOptional({ description: 'Why they are the same: on record in both histories', maxLength: 500 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}
