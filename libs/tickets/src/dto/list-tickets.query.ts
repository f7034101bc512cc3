import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { TICKET_STATUSES, TicketStatus } from '../ticket-lifecycle';

const csv = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

export class ListTicketsQuery {
  @ApiPropertyOptional({ description: 'Municipality code, or several separated by commas' })
  @IsOptional()
  @Transform(csv)
  @Matches(/^[a-z0-9-]{2,40}$/, {
    each: true,
    message: 'municipality must be municipality codes separated by commas',
  })
  municipality?: string[];

  @ApiPropertyOptional({ description: 'Status, or several separated by commas' })
  @IsOptional()
  @Transform(csv)
  @IsIn(TICKET_STATUSES, { each: true })
  status?: TicketStatus[];

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'categoryCode must be a category code' })
  categoryCode?: string;

  @ApiPropertyOptional({ description: 'Full-text search (Dutch) in subject and description, or a reference' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description: 'Only tickets that breached (true) or did not breach (false) an SLA target',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  breached?: boolean;

  @ApiPropertyOptional({
    description: "Extension: a caller's e-mail address or phone number, to find their earlier tickets",
  })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  caller?: string;

  @ApiPropertyOptional({ description: "Extension: a team's id: the tickets with that team" })
  @IsOptional()
  @IsUUID()
  team?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
