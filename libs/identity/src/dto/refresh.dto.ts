import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class RefreshDto {
  @ApiProperty({ description: 'The refreshToken of the login (or of the previous refresh)' })
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}
