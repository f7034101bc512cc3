import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class LocalisedTextDto {
  @IsString() @IsNotEmpty() @MaxLength(1000) nl: string;
  @IsString() @IsNotEmpty() @MaxLength(1000) fr: string;
  @IsString() @IsNotEmpty() @MaxLength(1000) en: string;
}

/** An admin's changes to a municipality's e-mails; null restores the default. */
export class MailProfileDto {
  @ApiPropertyOptional({
    nullable: true,
    example: { nl: 'Stad Kortrijk', fr: 'Ville de Courtrai', en: 'City of Kortrijk' },
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  displayName?: LocalisedTextDto | null;

  @ApiPropertyOptional({ nullable: true, example: 'meldpunt@kortrijk.be' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsEmail()
  @MaxLength(254)
  senderAddress?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Lines under the sign-off, per language',
    example: { nl: 'Het meldpunt\nStad Kortrijk\n056 27 80 00', fr: '…', en: '…' },
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  signature?: LocalisedTextDto | null;

  @ApiPropertyOptional({ nullable: true, example: 'https://www.kortrijk.be/logo-mail.png' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  logoUrl?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Tell citizens when their ticket is taken up' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsBoolean()
  forwardedMail?: boolean | null;

  @ApiPropertyOptional({
    nullable: true,
    description: 'The team that gets an e-mail on every SLA breach; null: no escalation e-mails',
    example: 'meldpunt-team@kortrijk.be',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsEmail()
  @MaxLength(254)
  escalationEmail?: string | null;
}
