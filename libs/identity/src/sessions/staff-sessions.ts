import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { UnauthenticatedError } from '@meldpunt/api-errors';
import { AppConfig } from '@meldpunt/config';
import { AuditLog } from '../audit/audit-log';
import { UserView } from '../dto/user.dto';
import { UserEntity } from '../entities/user.entity';
import { RequestContext } from '../request-context';
import { returnedRows } from '../returned-rows';
import { TokenService } from '../token.service';
import { toUserView } from '../user-view';
import { SessionRevocations } from './session-revocations';
import type { SessionMethod } from './staff-session.entity';

/** The login answer: the contract's `{ accessToken, expiresIn, user }` plus the refresh token. */
export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  user: Omit<UserView, 'active'>;
}

const REFRESH_PREFIX = 'mrt_';

type RefreshOutcome =
  | { kind: 'issued'; result: LoginResult }
  | { kind: 'reused'; sessionId: string; userId: string }
  | { kind: 'refused' };

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Login sessions: each login starts one, refreshes rotate its refresh token (each token works
 * once; presenting a used one again means it was copied, and ends the whole session), and logout
 * or a change to the account revokes it, which also refuses its access tokens at once.
 */
@Injectable()
export class StaffSessions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly revocations: SessionRevocations,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  async start(user: UserEntity, method: SessionMethod): Promise<LoginResult> {
    const sessionId = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO staff_session (id, user_id, method) VALUES ($1, $2, $3)', [
        sessionId,
        user.id,
        method,
      ]);
      return this.issue(manager, user, sessionId);
    });
  }

  async refresh(refreshToken: string): Promise<LoginResult> {
    const refused = new UnauthenticatedError('The refresh token is unknown, expired, used or revoked');
    if (!refreshToken.startsWith(REFRESH_PREFIX)) throw refused;
    const hash = hashToken(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager): Promise<RefreshOutcome> => {
      // Marking it used and reading it in one statement: of two concurrent refreshes, one wins.
      const [claimed] = returnedRows<{ session_id: string; expires_at: Date }>(
        await manager.query(
          `UPDATE refresh_token SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL
            RETURNING session_id, expires_at`,
          [hash],
        ),
      );
      if (!claimed) {
        const reused = await this.sessionOfUsedToken(manager, hash);
        return reused ? { kind: 'reused', ...reused } : { kind: 'refused' };
      }
      if (claimed.expires_at <= new Date()) return { kind: 'refused' };
      const [session] = await manager.query<{ revoked_at: Date | null; user_id: string }[]>(
        'SELECT revoked_at, user_id FROM staff_session WHERE id = $1',
        [claimed.session_id],
      );
      const user = await manager.findOneBy(UserEntity, { id: session.user_id });
      if (session.revoked_at || !user?.active) return { kind: 'refused' };
      return { kind: 'issued', result: await this.issue(manager, user, claimed.session_id) };
    });
    if (outcome.kind === 'issued') return outcome.result;
    if (outcome.kind === 'reused') {
      // Someone presented a token that was already exchanged: the thief or the owner holds a copy.
      await this.revoke([outcome.sessionId], 'refresh_reuse');
      await this.audit.record(RequestContext.system('identity'), {
        action: 'auth.refresh_reuse',
        details: { userId: outcome.userId, sessionId: outcome.sessionId },
      });
    }
    throw refused;
  }

  async logout(ctx: RequestContext): Promise<void> {
    if (!ctx.sessionId) return;
    await this.revoke([ctx.sessionId], 'logout');
    await this.audit.record(ctx, { action: 'auth.logout', details: { sessionId: ctx.sessionId } });
  }

  /** Revokes sessions (logout, reuse of a refresh token); their access tokens stop working now. */
  async revoke(sessionIds: string[], reason: string): Promise<void> {
    if (!sessionIds.length) return;
    await this.dataSource.query(
      `UPDATE staff_session SET revoked_at = now(), revoke_reason = $2
        WHERE id = ANY($1::uuid[]) AND revoked_at IS NULL`,
      [sessionIds, reason],
    );
    this.revocations.add(sessionIds);
  }

  /** Ends every session of a user (deactivated, roles or municipalities or password changed). */
  async revokeAllOf(userId: string, reason: string): Promise<void> {
    const revoked = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `UPDATE staff_session SET revoked_at = now(), revoke_reason = $2
          WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`,
        [userId, reason],
      ),
    );
    this.revocations.add(revoked.map((r) => r.id));
  }

  private async issue(manager: EntityManager, user: UserEntity, sessionId: string): Promise<LoginResult> {
    const refreshToken = `${REFRESH_PREFIX}${randomBytes(32).toString('base64url')}`;
    const ttl = this.config.refreshTokenTtlSeconds;
    await manager.query(
      `INSERT INTO refresh_token (token_hash, session_id, expires_at)
       VALUES ($1, $2, now() + make_interval(secs => $3))`,
      [hashToken(refreshToken), sessionId, ttl],
    );
    const { active: _active, ...view } = toUserView(user);
    return {
      accessToken: this.tokens.issue(user, sessionId),
      expiresIn: this.tokens.ttlSeconds,
      refreshToken,
      refreshExpiresIn: ttl,
      user: view,
    };
  }

  private async sessionOfUsedToken(
    manager: EntityManager,
    hash: string,
  ): Promise<{ sessionId: string; userId: string } | null> {
    const [row] = await manager.query<{ session_id: string; user_id: string }[]>(
      `SELECT t.session_id, s.user_id FROM refresh_token t JOIN staff_session s ON s.id = t.session_id
        WHERE t.token_hash = $1`,
      [hash],
    );
    return row ? { sessionId: row.session_id, userId: row.user_id } : null;
  }
}
