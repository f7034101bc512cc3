import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

export class TeamDto {
  @ApiProperty({ example: 'Team wegen', maxLength: 80 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  name: string;

  @ApiPropertyOptional({ nullable: true, example: 'wegen@kortrijk.be' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Staff user ids; each must work for the municipality' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  memberIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    description:
      'Categories whose new tickets go to this team at intake (offered by the municipality; one team per category)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(/^[a-z0-9-]{2,60}$/, { each: true, message: 'each value in $property must be a category code' })
  categoryCodes?: string[];
}

export interface TeamView {
  id: string;
  municipalityCode: string;
  name: string;
  email: string | null;
  members: { id: string; name: string }[];
  /** The categories whose new tickets come to this team. */
  categoryCodes: string[];
}
