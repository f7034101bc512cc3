import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NotFoundError, UnauthenticatedError } from '@meldpunt/api-errors';
import { AppConfig, OidcConfig } from '@meldpunt/config';
import { AuditLog } from '../audit/audit-log';
import type { Client } from '../client';
import { IdentityRedis } from '../identity-redis';
import { RequestContext } from '../request-context';
import { Role, ROLES } from '../roles';
import { LoginResult, StaffSessions } from '../sessions/staff-sessions';
import { UsersService } from '../users.service';
import { IdTokenClaims, OidcProvider } from './oidc-provider';

// Time a person has at the identity provider between leaving and coming back.
const ATTEMPT_SECONDS = 600;

interface Attempt {
  nonce: string;
  codeVerifier: string;
}

/**
 * Login through the region's or a municipality's identity provider: authorisation code flow with
 * PKCE. The attempt (nonce, code verifier) waits in Redis under its state, so any api process can
 * finish it, and only once. The identity maps to an existing staff account by e-mail address.
 */
@Injectable()
export class OidcLogin {
  constructor(
    private readonly provider: OidcProvider,
    private readonly redis: IdentityRedis,
    private readonly users: UsersService,
    private readonly sessions: StaffSessions,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  /** The provider's URL to send the browser to. */
  async start(): Promise<string> {
    const config = this.settings();
    const state = randomBytes(24).toString('base64url');
    const attempt: Attempt = {
      nonce: randomBytes(24).toString('base64url'),
      codeVerifier: randomBytes(32).toString('base64url'),
    };
    await this.redis.client.set(`oidc:${state}`, JSON.stringify(attempt), 'EX', ATTEMPT_SECONDS);
    return this.provider.authorizationUrl(config, {
      state,
      nonce: attempt.nonce,
      codeChallenge: createHash('sha256').update(attempt.codeVerifier).digest('base64url'),
    });
  }

  async finish(code: string, state: string, client: Client): Promise<LoginResult> {
    const config = this.settings();
    const stored = await this.redis.client.getdel(`oidc:${state}`);
    if (!stored)
      throw new UnauthenticatedError('This login attempt is unknown, used or expired; start again');
    const attempt = JSON.parse(stored) as Attempt;
    const idToken = await this.provider.exchange(config, code, attempt.codeVerifier);
    const claims = await this.provider.verifyIdToken(config, idToken, attempt.nonce);
    if (!claims.email || claims.email_verified === false) {
      throw new UnauthenticatedError('The identity provider gave no verified e-mail address');
    }
    const system = RequestContext.system('oidc').withRequestId(client.requestId);
    let user = await this.users.findByEmail(claims.email);
    if (!user && config.autoProvision) {
      user = await this.users.provision(system, {
        email: claims.email,
        name: typeof claims.name === 'string' && claims.name ? claims.name.slice(0, 200) : claims.email,
        ...grantedAccess(config, claims),
      });
    }
    if (!user?.active) throw new UnauthenticatedError('No active staff account has this e-mail address');
    if (config.rolesClaim)
      user = await this.users.applyProviderClaims(system, user, grantedAccess(config, claims));
    const result = await this.sessions.start(user, 'oidc');
    await this.audit.record(RequestContext.forUser(user).withRequestId(client.requestId), {
      action: 'auth.login',
      details: { ip: client.ip, method: 'oidc', issuer: config.issuer },
    });
    return result;
  }

  private settings(): OidcConfig {
    if (!this.config.oidc) throw new NotFoundError('Login method', 'oidc');
    return this.config.oidc;
  }
}

/** Roles and municipalities from the configured claims (arrays, or space- or comma-separated text). */
export function grantedAccess(
  config: Pick<OidcConfig, 'rolesClaim' | 'municipalitiesClaim'>,
  claims: IdTokenClaims,
): { roles: Role[]; municipalities: string[] } {
  const values = (claim: string | undefined): string[] => {
    const value = claim ? claims[claim] : undefined;
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
    return typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : [];
  };
  return {
    roles: [...new Set(values(config.rolesClaim))].filter((r): r is Role =>
      (ROLES as readonly string[]).includes(r),
    ),
    municipalities: [...new Set(values(config.municipalitiesClaim))].filter((m) =>
      /^[a-z0-9-]{2,40}$/.test(m),
    ),
  };
}
