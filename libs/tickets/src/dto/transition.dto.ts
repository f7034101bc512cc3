import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CANCEL_REASONS, CancelReason, TICKET_STATUSES, TicketStatus } from '../ticket-lifecycle';

export class TransitionDto {
  @ApiProperty({ enum: TICKET_STATUSES })
  @IsIn(TICKET_STATUSES)
  to: TicketStatus;

  @ApiPropertyOptional({
    description:
      'Public text for the citizen: required for waiting_for_citizen (the question); for resolved, what was done',
    maxLength: 10000,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  message?: string;

  @ApiPropertyOptional({ enum: CANCEL_REASONS, description: 'Required for cancelled' })
  @IsOptional()
  @IsIn(CANCEL_REASONS)
  reason?: CancelReason;
}
