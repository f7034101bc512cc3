import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsPhoneNumber } from '@meldpunt/tickets';
import type { OnCallShiftEntity } from '../entities/on-call-shift.entity';

/** A watch of one staff member for a municipality. */
export class ShiftDto {
  @ApiProperty({ description: 'A staff user who works for the municipality' })
  @IsUUID('all', { message: '$property must be the id of a staff user' })
  userId: string;

  @ApiProperty({ example: '2026-12-05T17:00:00+01:00' })
  @IsDateString({}, { message: '$property must be an ISO 8601 date-time' })
  startsAt: string;

  @ApiProperty({ example: '2026-12-06T08:30:00+01:00' })
  @IsDateString({}, { message: '$property must be an ISO 8601 date-time' })
  endsAt: string;

  @ApiPropertyOptional({ description: 'The order in which people are paged (1 first)', default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  position?: number;

  @ApiPropertyOptional({ description: 'The number to page by SMS (any notation; stored as E.164)' })
  @IsOptional()
  @IsPhoneNumber()
  phone?: string;
}

export class ShiftView {
  @ApiProperty() id: string;
  @ApiProperty() municipalityCode: string;
  @ApiProperty() userId: string;
  @ApiProperty() userName: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() position: number;

  static of(row: OnCallShiftEntity): ShiftView {
    return {
      id: row.id,
      municipalityCode: row.municipalityCode,
      userId: row.userId,
      userName: row.userName,
      phone: row.phone,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      position: row.position,
    };
  }
}
