import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvalidInputError } from '@meldpunt/api-errors';
import { AuditLog } from '../audit/audit-log';
import type { RequestContext } from '../request-context';
import { isValidWebhookSignature } from './webhook-signature';

export interface CreatedWebhookSecret {
  municipalityCode: string;
  secret: string;
  createdAt: string;
}

/** Per-municipality secrets of incoming webhooks, and the check of a call's signature. */
@Injectable()
export class WebhookSecrets {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** A new secret for the municipality, replacing the old one at once; shown only in this answer. */
  async rotate(ctx: RequestContext, municipalityCode: string): Promise<CreatedWebhookSecret> {
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const [row] = await this.dataSource.query<{ created_at: Date }[]>(
      `INSERT INTO webhook_secret (municipality_code, secret, created_by)
       SELECT code, $2, $3 FROM municipality WHERE code = $1
       ON CONFLICT (municipality_code) DO UPDATE
         SET secret = excluded.secret, created_by = excluded.created_by, created_at = now()
       RETURNING created_at`,
      [municipalityCode, secret, ctx.actor.id],
    );
    if (!row) {
      throw new InvalidInputError([
        {
          field: 'municipalityCode',
          rule: 'isKnownMunicipality',
          message: `'${municipalityCode}' is not a municipality of the region`,
        },
      ]);
    }
    await this.audit.record(ctx, { action: 'webhook_secret.rotate', municipalityCodes: [municipalityCode] });
    return { municipalityCode, secret, createdAt: row.created_at.toISOString() };
  }

  /** False for an unknown municipality, one without a secret, or a wrong signature. */
  async verify(municipalityCode: string, rawBody: Buffer, signature: string | undefined): Promise<boolean> {
    const [row] = await this.dataSource.query<{ secret: string }[]>(
      'SELECT secret FROM webhook_secret WHERE municipality_code = $1',
      [municipalityCode],
    );
    return row !== undefined && isValidWebhookSignature(rawBody, signature, row.secret);
  }
}
