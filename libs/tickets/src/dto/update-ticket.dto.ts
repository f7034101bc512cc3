import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import { PRIORITIES, Priority } from '@meldpunt/municipalities';

/** What an agent may change on a ticket besides its status: assignee, team, priority, category. */
export class UpdateTicketDto {
  @ApiPropertyOptional({ nullable: true, description: 'A staff user id, or null to unassign' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: "A team of the ticket's municipality, or null for none",
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  teamId?: string | null;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9-]{2,60}$/, { message: '$property must be a category code' })
  categoryCode?: string;
}
