import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@meldpunt/config';
import { InvalidInputError, NotFoundError } from '@meldpunt/api-errors';
import { AuditLog, RequestContext } from '@meldpunt/identity';
import { BackOfficeSettings, MunicipalityDirectory } from '@meldpunt/municipalities';
import type { BackOfficeConnection, InboundStatus } from '../port/back-office-adapter';
import { BackOfficeSettingsDto, BackOfficeSettingsView } from '../dto/back-office-settings.dto';
import { backOfficeSettingsErrors } from './back-office-settings-rules';
import { CredentialsCipher } from './credentials-cipher';

export const DEFAULT_POLL_SECONDS = 60;
// Sync jobs read the connection per call; settings change a few times a year, so a short cache
// spares the database while an admin's change still reaches every worker within seconds.
const CACHE_MS = 2000;

interface Row {
  code: string;
  back_office: BackOfficeSettings;
  sealed: string | null;
}

/** Each municipality's back-office connection: settings with the municipality, sealed secrets here. */
@Injectable()
export class BackOfficeConnections {
  private readonly cipher: CredentialsCipher | null;
  private cache = new Map<string, { at: number; connection: BackOfficeConnection | null }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: MunicipalityDirectory,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {
    this.cipher = config.credentialsKey ? new CredentialsCipher(config.credentialsKey) : null;
  }

  /** The connection a sync job uses; null when the municipality has no back-office (`none`). */
  async get(municipalityCode: string): Promise<BackOfficeConnection | null> {
    const cached = this.cache.get(municipalityCode);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.connection;
    const [row] = await this.rows(municipalityCode);
    const connection = row ? this.connectionOf(row) : null;
    this.cache.set(municipalityCode, { at: Date.now(), connection });
    return connection;
  }

  /** Every municipality whose back-office is polled for changes. */
  async polled(): Promise<{ municipalityCode: string; pollSeconds: number }[]> {
    const rows = await this.rows(null);
    return rows
      .filter((r) => ['topdesk', 'ultimo', '3p'].includes(r.back_office.type) && r.back_office.baseUrl)
      .map((r) => ({
        municipalityCode: r.code,
        pollSeconds: r.back_office.pollSeconds ?? DEFAULT_POLL_SECONDS,
      }));
  }

  async view(municipalityCode: string): Promise<BackOfficeSettingsView> {
    const [row] = await this.rows(municipalityCode);
    if (!row) throw new NotFoundError('Municipality', municipalityCode);
    return viewOf(row);
  }

  async configure(
    ctx: RequestContext,
    code: string,
    dto: BackOfficeSettingsDto,
  ): Promise<BackOfficeSettingsView> {
    const [row] = await this.rows(code);
    if (!row) throw new NotFoundError('Municipality', code);
    const errors = backOfficeSettingsErrors(dto, row.sealed !== null && row.back_office.type === dto.type);
    if (errors.length) throw new InvalidInputError(errors);
    const settings: BackOfficeSettings = {
      type: dto.type,
      baseUrl: dto.baseUrl?.replace(/\/+$/, ''),
      categoryMap: dto.categoryMap ?? {},
      statusMap: dto.statusMap ?? {},
      pollSeconds: dto.pollSeconds ?? DEFAULT_POLL_SECONDS,
      options: dto.options ?? {},
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE municipality SET back_office = $2, updated_at = now() WHERE code = $1', [
        code,
        JSON.stringify(settings),
      ]);
      if (dto.credentials !== undefined || dto.type === 'none') {
        await manager.query('DELETE FROM back_office_credential WHERE municipality_code = $1', [code]);
      }
      if (dto.credentials !== undefined && dto.type !== 'none') {
        await manager.query(
          'INSERT INTO back_office_credential (municipality_code, sealed, updated_at) VALUES ($1, $2, now())',
          [code, this.requireCipher().seal(code, dto.credentials)],
        );
      }
    });
    this.directory.invalidate();
    this.cache.delete(code);
    await this.audit.record(ctx, {
      action: 'back_office.configure',
      municipalityCodes: [code],
      // Which secrets changed, never their values.
      details: {
        type: dto.type,
        baseUrl: settings.baseUrl ?? null,
        credentialsChanged: dto.credentials !== undefined,
      },
    });
    return this.view(code);
  }

  private requireCipher(): CredentialsCipher {
    if (!this.cipher) throw new Error('CREDENTIALS_KEY is not configured');
    return this.cipher;
  }

  private rows(code: string | null): Promise<Row[]> {
    return this.dataSource.query<Row[]>(
      `SELECT m.code, m.back_office, c.sealed FROM municipality m
         LEFT JOIN back_office_credential c ON c.municipality_code = m.code
        WHERE $1::text IS NULL OR m.code = $1 ORDER BY m.code`,
      [code],
    );
  }

  private connectionOf(row: Row): BackOfficeConnection | null {
    const s = row.back_office;
    if (s.type === 'none' || !s.baseUrl) return null;
    return {
      municipalityCode: row.code,
      type: s.type,
      baseUrl: s.baseUrl,
      credentials: row.sealed ? this.requireCipher().open(row.code, row.sealed) : {},
      categoryMap: s.categoryMap ?? {},
      statusMap: (s.statusMap ?? {}) as Record<string, InboundStatus>,
      options: s.options ?? {},
      timeoutMs: this.config.syncTimeoutMs,
    };
  }
}

function viewOf(row: Row): BackOfficeSettingsView {
  const s = row.back_office;
  return {
    municipalityCode: row.code,
    type: s.type,
    baseUrl: s.baseUrl,
    hasCredentials: row.sealed !== null,
    categoryMap: s.categoryMap ?? {},
    statusMap: s.statusMap ?? {},
    pollSeconds: s.pollSeconds ?? DEFAULT_POLL_SECONDS,
    options: s.options ?? {},
  };
}
