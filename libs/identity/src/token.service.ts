import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@meldpunt/config';
import { RequestContext } from './request-context';
import { Role, ROLES } from './roles';

interface AccessClaims {
  sub: string;
  name: string;
  roles: Role[];
  mun: string[];
}

/** Issues and verifies the short-lived access tokens that staff calls and sockets carry. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  issue(user: { id: string; name: string; roles: Role[]; municipalities: string[] }): string {
    const claims: AccessClaims = {
      sub: user.id,
      name: user.name,
      roles: user.roles,
      mun: user.municipalities,
    };
    return this.jwt.sign(claims, { expiresIn: this.ttlSeconds });
  }

  /** The caller's context, or null for a missing, forged or expired token. */
  verify(token: string): RequestContext | null {
    try {
      const claims = this.jwt.verify<AccessClaims>(token, { algorithms: ['HS256'] });
      const roles = (claims.roles ?? []).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
      return RequestContext.forUser({
        id: claims.sub,
        name: claims.name,
        roles,
        municipalities: claims.mun ?? [],
      });
    } catch {
      return null;
    }
  }
}
