import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';

/** Whose data: one e-mail address or one phone number (any usual notation). */
export class DataSubjectDto {
  @ApiPropertyOptional({ example: 'an.peeters@example.be' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '0470 12 34 56' })
  @IsOptional()
  @IsString()
  @Length(6, 30)
  phone?: string;
}
