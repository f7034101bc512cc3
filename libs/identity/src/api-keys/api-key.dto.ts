import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Website Menen', description: 'Who uses the key, for people reading lists' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ example: 'menen', description: 'The one municipality the key acts for' })
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'municipalityCode must be a municipality code' })
  municipalityCode: string;
}

export class ApiKeyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'mpk_3f9a1c0d', description: 'The visible start of the key' }) prefix: string;
  @ApiProperty() name: string;
  @ApiProperty() municipalityCode: string;
  @ApiProperty({ nullable: true, type: String }) createdBy: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'Updated at most once a minute' })
  lastUsedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
}

export class CreatedApiKeyView extends ApiKeyView {
  @ApiProperty({
    example: 'mpk_3f9a1c0d_Vb0...',
    description: 'The whole key, shown this once: send it as X-Api-Key. It cannot be retrieved later.',
  })
  key: string;
}
