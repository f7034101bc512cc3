import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A question about the ticket for a party outside the municipality, answered through a link. */
export class CreateForwardDto {
  @ApiProperty({ example: 'Fluvius storingsdienst', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  partyName: string;

  @ApiProperty({ example: 'storingen@fluvius.example', maxLength: 254 })
  @IsEmail({}, { message: '$property must be an e-mail address' })
  @MaxLength(254)
  partyEmail: string;

  @ApiProperty({
    description: 'What the party is asked: it gets this, the place and the description, never the reporter',
    maxLength: 4000,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  question: string;
}
