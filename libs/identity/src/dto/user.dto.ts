import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { Role, ROLES } from '../roles';

const CODE = /^[a-z0-9-]{2,40}$/;

export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @Length(1, 200) name: string;
  @ApiProperty({ description: 'At least 12 characters, not letters only or digits only' })
  @IsString()
  password: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];
  @ApiProperty({ type: [String], example: ['kortrijk'] })
  @IsArray()
  @ArrayUnique()
  @Matches(CODE, { each: true, message: 'each value in municipalities must be a municipality code' })
  municipalities: string[];
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() password?: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Matches(CODE, { each: true, message: 'each value in municipalities must be a municipality code' })
  municipalities?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  municipalities: string[];
  active: boolean;
}
