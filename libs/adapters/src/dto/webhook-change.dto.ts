import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class WebhookNoteDto {
  @ApiPropertyOptional({ description: "The note's id in the tool (each id is imported once)" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  id: string;

  @IsString() @IsNotEmpty() @MaxLength(10000) text: string;
  @IsOptional() @IsString() @MaxLength(200) author?: string;
}

/**
 * A change pushed by a back-office (docs/adapters/webhook.md). Tools we poll (TOPdesk, Ultimo, 3P)
 * may send anything: their call only makes us poll now. A generic webhook tool sends this.
 */
export class WebhookChangeDto {
  @ApiPropertyOptional({ description: 'The case id we received when creating it; or give reference' })
  @ValidateIf((o: WebhookChangeDto) => o.reference === undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  caseId?: string;

  @ApiPropertyOptional({ example: 'ZWVL-2026-000042' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  reference?: string;

  @ApiPropertyOptional({
    description:
      'The status in the tool; mapped through the statusMap, else taken as in_progress, resolved or closed',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  status?: string;

  @ApiPropertyOptional({ description: "What was done: the citizen's resolution e-mail quotes it" })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  closingText?: string;

  @ApiPropertyOptional({ type: WebhookNoteDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WebhookNoteDto)
  note?: WebhookNoteDto;

  @IsOptional() @IsISO8601() changedAt?: string;
}
