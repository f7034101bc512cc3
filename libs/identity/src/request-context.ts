import { REGION_WIDE_ROLES, Role } from './roles';

export interface Actor {
  // external: a party outside the municipality answering a forwarded question through its link.
  type: 'user' | 'integration' | 'citizen' | 'system' | 'backoffice' | 'external';
  id: string | null;
  name: string;
}

/**
 * Who is asking, with which roles, and which municipalities they may see. It is the first
 * argument of every service method that touches scoped data, and the repositories turn it into
 * a WHERE clause: scope is enforced in the data layer, not only in controllers.
 */
export class RequestContext {
  constructor(
    readonly actor: Actor,
    readonly roles: readonly Role[],
    /** `all`, or the municipality codes this caller may see. */
    readonly scope: 'all' | readonly string[],
    /** The login session a staff access token belongs to (logout revokes it). */
    readonly sessionId: string | null = null,
    /** The HTTP request (X-Request-Id), so audit records can be matched with logs. */
    readonly requestId: string | null = null,
  ) {}

  static forUser(
    user: {
      id: string;
      name: string;
      roles: readonly Role[];
      municipalities: readonly string[];
    },
    sessionId: string | null = null,
  ): RequestContext {
    const regionWide =
      user.roles.some((r) => REGION_WIDE_ROLES.includes(r)) ||
      (user.roles.includes('supervisor') && user.municipalities.length === 0);
    return new RequestContext(
      { type: 'user', id: user.id, name: user.name },
      user.roles,
      regionWide ? 'all' : user.municipalities,
      sessionId,
    );
  }

  /** A system calling with an API key: role `integration`, the key's one municipality. */
  static forIntegration(key: { id: string; name: string; municipalityCode: string }): RequestContext {
    return new RequestContext(
      { type: 'integration', id: key.id, name: key.name },
      ['integration'],
      [key.municipalityCode],
    );
  }

  /** Background work (relays, timers, sync) that acts for the whole region. */
  static system(name = 'system'): RequestContext {
    return new RequestContext({ type: 'system', id: null, name }, ['admin'], 'all');
  }

  withRequestId(requestId: string | null): RequestContext {
    return new RequestContext(this.actor, this.roles, this.scope, this.sessionId, requestId);
  }

  canSee(municipalityCode: string): boolean {
    return this.scope === 'all' || this.scope.includes(municipalityCode);
  }

  hasRole(...roles: Role[]): boolean {
    return this.roles.some((r) => roles.includes(r));
  }
}
