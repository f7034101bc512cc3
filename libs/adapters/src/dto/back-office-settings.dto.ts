import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, IsUrl, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export const BACK_OFFICE_TYPES = ['topdesk', 'ultimo', '3p', 'webhook', 'none'] as const;

/** `PUT /api/v1/municipalities/{code}/back-office` (contract): where a municipality's tickets go. */
export class BackOfficeSettingsDto {
  @ApiProperty({ enum: BACK_OFFICE_TYPES, example: 'topdesk' })
  @IsIn(BACK_OFFICE_TYPES)
  type: (typeof BACK_OFFICE_TYPES)[number];

  @ApiPropertyOptional({
    example: 'https://kortrijk.topdesk.net/tas/api',
    description: "Root of the tool's API (TOPdesk: …/tas/api; Ultimo: …/api/v1; 3P: see docs/adapters/3p.md)",
  })
  @ValidateIf((o: BackOfficeSettingsDto) => o.type !== 'none' || o.baseUrl !== undefined)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  @MaxLength(500)
  baseUrl?: string;

  @ApiPropertyOptional({
    description:
      'Write-only secrets. TOPdesk: { username, password } (operator login and application password); ' +
      'Ultimo: { apiKey, applicationElementId }; 3P: { token }; webhook: { secret }. Omit to keep the stored ones.',
    example: { username: 'meldpunt-api', password: 'application-password' },
  })
  @IsOptional()
  @IsObject()
  credentials?: Record<string, string>;

  @ApiPropertyOptional({
    description:
      'Our category code (or "*") -> the tool classification, e.g. { category, subcategory, operatorGroup }',
    example: { wegen: { category: 'Openbaar domein', subcategory: 'Wegen', operatorGroup: 'Team wegen' } },
  })
  @IsOptional()
  @IsObject()
  categoryMap?: Record<string, Record<string, string>>;

  @ApiPropertyOptional({
    description:
      "The tool's status (TOPdesk processing status name or id, Ultimo Status code, 3P status) -> in_progress, resolved or closed",
    example: { 'In behandeling': 'in_progress', Afgemeld: 'resolved' },
  })
  @IsOptional()
  @IsObject()
  statusMap?: Record<string, string>;

  @ApiPropertyOptional({ example: 60, description: 'Seconds between polls for changes (default 60)' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(86400)
  pollSeconds?: number;

  @ApiPropertyOptional({ description: 'Connector-specific options (field names, status codes, page size)' })
  @IsOptional()
  @IsObject()
  options?: Record<string, unknown>;
}

/** What the API shows of a connector: everything but the secrets. */
export class BackOfficeSettingsView {
  @ApiProperty() municipalityCode: string;
  @ApiProperty({ enum: BACK_OFFICE_TYPES }) type: string;
  @ApiPropertyOptional() baseUrl?: string;
  @ApiProperty({ description: 'Whether credentials are stored (they are never returned)' })
  hasCredentials: boolean;
  @ApiProperty() categoryMap: Record<string, Record<string, string>>;
  @ApiProperty() statusMap: Record<string, string>;
  @ApiProperty() pollSeconds: number;
  @ApiProperty() options: Record<string, unknown>;
}

export const INBOUND_STATUSES = ['in_progress', 'resolved', 'closed'] as const;
