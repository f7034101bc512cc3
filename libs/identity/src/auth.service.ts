import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UnauthenticatedError } from '@meldpunt/api-errors';
import { AppConfig } from '@meldpunt/config';
import { AuditLog } from './audit/audit-log';
import type { Client } from './client';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { RateLimiter } from './rate-limit/rate-limiter';
import { RequestContext } from './request-context';
import { LoginResult, StaffSessions } from './sessions/staff-sessions';

const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;
// Verifying against a real hash when the account does not exist keeps the answer time the same,
// so response times do not reveal which e-mail addresses have accounts.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
// Per address alone the limit is wider: an office behind one address has many people logging in,
// but one address trying many accounts is credential stuffing.
const ADDRESS_LIMIT_FACTOR = 10;

export type { LoginResult };

@Injectable()
export class AuthService {
  private readonly hasher = new PasswordHasher();

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly sessions: StaffSessions,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  async login(emailAddress: string, password: string, client: Client): Promise<LoginResult> {
    const email = emailAddress.toLowerCase();
    await this.limitAttempts(email, client.ip);
    const user = await this.users.findOneBy({ email });
    const refused = new UnauthenticatedError('E-mail address or password is wrong, or the account is locked');
    if (!user) {
      await this.hasher.verify(password, DUMMY_HASH);
      throw refused;
    }
    const ctx = RequestContext.forUser(user).withRequestId(client.requestId);
    if (!user.active || (user.lockedUntil && user.lockedUntil > new Date())) {
      await this.audit.record(ctx, { action: 'auth.login_refused', details: { ip: client.ip } });
      throw refused;
    }
    if (!(await this.hasher.verify(password, user.passwordHash))) {
      const failed = user.failedLogins + 1;
      const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null;
      await this.users.update(user.id, { failedLogins: lockedUntil ? 0 : failed, lockedUntil });
      await this.audit.record(ctx, {
        action: lockedUntil ? 'auth.locked' : 'auth.login_failed',
        details: { ip: client.ip },
      });
      throw refused;
    }
    if (user.failedLogins > 0) await this.users.update(user.id, { failedLogins: 0, lockedUntil: null });
    const result = await this.sessions.start(user, 'password');
    await this.audit.record(ctx, { action: 'auth.login', details: { ip: client.ip, method: 'password' } });
    return result;
  }

  private async limitAttempts(email: string, ip: string): Promise<void> {
    const windowSeconds = this.config.rateLimitWindowSeconds;
    const limit = this.config.loginRateLimit;
    // The e-mail address is hashed: Redis keys must not hold it.
    const account = createHash('sha256').update(email).digest('hex').slice(0, 24);
    await this.limiter.consume('login', `${ip}:${account}`, { limit, windowSeconds });
    await this.limiter.consume('login-ip', ip, { limit: limit * ADDRESS_LIMIT_FACTOR, windowSeconds });
  }
}
