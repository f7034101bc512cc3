import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A citizen's answer or remark, from the API or the status page form. */
export class CitizenReplyDto {
  @ApiProperty({ maxLength: 10000, example: 'De lamp staat aan de kant van de kerk.' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  body: string;
}
