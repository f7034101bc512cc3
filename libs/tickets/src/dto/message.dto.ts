import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class MessageDto {
  @ApiProperty({ enum: ['public', 'internal'], description: 'A public message is sent to the reporter' })
  @IsIn(['public', 'internal'])
  visibility: 'public' | 'internal';

  @ApiProperty({ maxLength: 10000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  body: string;
}
