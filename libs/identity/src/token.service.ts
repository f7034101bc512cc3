import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@meldpunt/config';
import { RequestContext } from './request-context';
import { Role, ROLES } from './roles';
import { SessionRevocations } from './sessions/session-revocations';

interface AccessClaims {
  sub: string;
  name: string;
  roles: Role[];
  mun: string[];
  /** The login session (staff_session.id); a revoked session refuses its tokens at once. */
  sid: string;
  iat?: number;
  exp?: number;
}

// Issuer and audience pin our tokens to this API: a token signed for something else is refused.
const ISSUER = 'meldpunt';
const AUDIENCE = 'meldpunt-api';

/** Issues and verifies the short-lived access tokens that staff calls and sockets carry. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly revocations: SessionRevocations,
  ) {}

  get ttlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  issue(
    user: { id: string; name: string; roles: Role[]; municipalities: string[] },
    sessionId: string,
  ): string {
    const claims: AccessClaims = {
      sub: user.id,
      name: user.name,
      roles: user.roles,
      mun: user.municipalities,
      sid: sessionId,
    };
    return this.jwt.sign(claims, { expiresIn: this.ttlSeconds, issuer: ISSUER, audience: AUDIENCE });
  }

  /**
   * The caller's context, or null for a missing, forged or expired token or one whose session
   * was revoked (logout, account change). In memory: no database round trip per request.
   */
  verify(token: string): RequestContext | null {
    try {
      const claims = this.jwt.verify<AccessClaims>(token, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      if (typeof claims.sid !== 'string' || typeof claims.sub !== 'string') return null;
      // jsonwebtoken accepts a token without `exp` as valid forever; ours always expire.
      if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') return null;
      if (claims.exp - claims.iat > this.ttlSeconds) return null;
      if (this.revocations.isRevoked(claims.sid)) return null;
      const roles = (claims.roles ?? []).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
      return RequestContext.forUser(
        { id: claims.sub, name: claims.name, roles, municipalities: claims.mun ?? [] },
        claims.sid,
      );
    } catch {
      return null;
    }
  }
}
