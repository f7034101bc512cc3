import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvalidInputError, NotFoundError } from '@meldpunt/api-errors';
import { AuditLog } from '../audit/audit-log';
import { returnedRows } from '../returned-rows';
import { RequestContext } from '../request-context';
import { ApiKeyView, CreatedApiKeyView, CreateApiKeyDto } from './api-key.dto';

const KEY = /^(mpk_[0-9a-f]{8})_[A-Za-z0-9_-]{43}$/;
// A verified key is trusted this long without asking PostgreSQL again; a revocation made in another
// process therefore takes at most this long to count here (in the revoking process: at once).
const CACHE_MS = 5000;
// last_used_at is for people ("is this key still in use?"): a minute's precision is plenty, and it
// keeps a busy integration from writing a row per request.
const TOUCH_EVERY_MS = 60_000;

interface ApiKeyRow {
  id: string;
  prefix: string;
  key_hash: string;
  municipality_code: string;
  name: string;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * API keys of integrations. The key carries 256 random bits, so a plain SHA-256 is a safe way to
 * store it (slow hashes are for passwords people choose); the prefix finds the row.
 */
@Injectable()
export class ApiKeys {
  private readonly logger = new Logger(ApiKeys.name);
  private readonly verified = new Map<string, { context: RequestContext | null; until: number }>();
  private readonly touched = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async create(ctx: RequestContext, dto: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    const prefix = `mpk_${randomBytes(4).toString('hex')}`;
    const key = `${prefix}_${randomBytes(32).toString('base64url')}`;
    // Reading the municipality list here (reference data) instead of importing its module avoids a
    // cycle: the municipalities context uses identity's decorators.
    const [row] = await this.dataSource.query<ApiKeyRow[]>(
      `INSERT INTO api_key (id, prefix, key_hash, municipality_code, name, created_by)
       SELECT $1, $2, $3, code, $5, $6 FROM municipality WHERE code = $4
       RETURNING *`,
      [randomUUID(), prefix, sha256(key), dto.municipalityCode, dto.name, ctx.actor.id],
    );
    if (!row) {
      throw new InvalidInputError([
        {
          field: 'municipalityCode',
          rule: 'isKnownMunicipality',
          message: `municipalityCode '${dto.municipalityCode}' is not a municipality of the region`,
        },
      ]);
    }
    await this.audit.record(ctx, {
      action: 'api_key.create',
      municipalityCodes: [row.municipality_code],
      details: { apiKeyId: row.id, prefix },
    });
    return { ...toView(row), key };
  }

  async list(): Promise<ApiKeyView[]> {
    const rows = await this.dataSource.query<ApiKeyRow[]>(
      'SELECT * FROM api_key ORDER BY revoked_at IS NOT NULL, municipality_code, created_at',
    );
    return rows.map(toView);
  }

  async revoke(ctx: RequestContext, id: string): Promise<void> {
    const [row] = returnedRows<ApiKeyRow>(
      await this.dataSource.query(
        `UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING *`,
        [id],
      ),
    );
    if (!row) throw new NotFoundError('API key', id);
    this.verified.clear();
    await this.audit.record(ctx, {
      action: 'api_key.revoke',
      municipalityCodes: [row.municipality_code],
      details: { apiKeyId: row.id, prefix: row.prefix },
    });
  }

  /** The integration's context for a valid, unrevoked key; null otherwise. */
  async authenticate(key: string): Promise<RequestContext | null> {
    const match = KEY.exec(key);
    if (!match) return null;
    const hash = sha256(key);
    const cached = this.verified.get(hash);
    let context: RequestContext | null;
    if (cached && cached.until > Date.now()) {
      context = cached.context;
    } else {
      context = await this.lookup(match[1], hash);
      if (this.verified.size > 10_000) this.verified.clear();
      this.verified.set(hash, { context, until: Date.now() + CACHE_MS });
    }
    if (context?.actor.id) this.touch(context.actor.id);
    return context;
  }

  private async lookup(prefix: string, hash: string): Promise<RequestContext | null> {
    const [row] = await this.dataSource.query<ApiKeyRow[]>(
      'SELECT id, key_hash, municipality_code, name, revoked_at FROM api_key WHERE prefix = $1',
      [prefix],
    );
    if (!row || row.revoked_at) return null;
    if (!timingSafeEqual(Buffer.from(row.key_hash, 'hex'), Buffer.from(hash, 'hex'))) return null;
    return RequestContext.forIntegration({
      id: row.id,
      name: row.name,
      municipalityCode: row.municipality_code,
    });
  }

  private touch(id: string): void {
    const now = Date.now();
    if ((this.touched.get(id) ?? 0) > now - TOUCH_EVERY_MS) return;
    this.touched.set(id, now);
    // Not awaited: the request does not wait for bookkeeping. The condition throttles across processes.
    void this.dataSource
      .query(
        `UPDATE api_key SET last_used_at = now()
          WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [id],
      )
      .catch((error: Error) => this.logger.warn(`last use of API key not recorded: ${error.message}`));
  }
}

function toView(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    prefix: row.prefix,
    name: row.name,
    municipalityCode: row.municipality_code,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
