import { REGION_WIDE_ROLES, Role } from './roles';

export interface Actor {
  type: 'user' | 'integration' | 'citizen' | 'system' | 'backoffice';
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
  ) {}

  static forUser(user: {
    id: string;
    name: string;
    roles: readonly Role[];
    municipalities: readonly string[];
  }): RequestContext {
    const regionWide =
      user.roles.some((r) => REGION_WIDE_ROLES.includes(r)) ||
      (user.roles.includes('supervisor') && user.municipalities.length === 0);
    return new RequestContext(
      { type: 'user', id: user.id, name: user.name },
      user.roles,
      regionWide ? 'all' : user.municipalities,
    );
  }

  /** Background work (relays, timers, sync) that acts for the whole region. */
  static system(name = 'system'): RequestContext {
    return new RequestContext({ type: 'system', id: null, name }, ['admin'], 'all');
  }

  canSee(municipalityCode: string): boolean {
    return this.scope === 'all' || this.scope.includes(municipalityCode);
  }

  hasRole(...roles: Role[]): boolean {
    return this.roles.some((r) => roles.includes(r));
  }
}
