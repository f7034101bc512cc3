import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConflictError, InvalidInputError, NotFoundError } from '@meldpunt/api-errors';
import { AuditLog } from './audit/audit-log';
import { CreateUserDto, UpdateUserDto, UserView } from './dto/user.dto';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { passwordPolicyErrors } from './password-policy';
import type { RequestContext } from './request-context';
import { StaffSessions } from './sessions/staff-sessions';
import { toUserView } from './user-view';

export { toUserView };

// Accounts that log in only through the identity provider: no password can ever match this.
export const NO_PASSWORD = 'none';

@Injectable()
export class UsersService {
  private readonly hasher = new PasswordHasher();

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly sessions: StaffSessions,
    private readonly audit: AuditLog,
  ) {}

  async create(ctx: RequestContext, dto: CreateUserDto): Promise<UserView> {
    const email = dto.email.toLowerCase();
    const policy = passwordPolicyErrors(dto.password, email);
    if (policy.length) throw new InvalidInputError(policy);
    const user = await this.insert({
      email,
      name: dto.name,
      passwordHash: await this.hasher.hash(dto.password),
      roles: dto.roles,
      municipalities: dto.municipalities,
    });
    if (!user) throw new ConflictError(`A user with e-mail ${email} already exists`);
    await this.audit.record(ctx, {
      action: 'user.create',
      details: { userId: user.id, roles: user.roles, municipalities: user.municipalities },
    });
    return toUserView(user);
  }

  async list(): Promise<UserView[]> {
    return (await this.users.find({ order: { email: 'ASC' } })).map(toUserView);
  }

  async update(ctx: RequestContext, id: string, dto: UpdateUserDto): Promise<UserView> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundError('User', id);
    const changed: string[] = [];
    if (dto.password !== undefined) {
      const policy = passwordPolicyErrors(dto.password, user.email);
      if (policy.length) throw new InvalidInputError(policy);
      user.passwordHash = await this.hasher.hash(dto.password);
      // A new password set by an admin is also how a locked account is opened again.
      user.failedLogins = 0;
      user.lockedUntil = null;
      changed.push('password');
    }
    if (dto.name !== undefined && dto.name !== user.name) changed.push('name');
    if (dto.roles !== undefined && !sameSet(dto.roles, user.roles)) changed.push('roles');
    if (dto.municipalities !== undefined && !sameSet(dto.municipalities, user.municipalities)) {
      changed.push('municipalities');
    }
    if (dto.active !== undefined && dto.active !== user.active) changed.push('active');
    Object.assign(user, {
      name: dto.name ?? user.name,
      roles: dto.roles ?? user.roles,
      municipalities: dto.municipalities ?? user.municipalities,
      active: dto.active ?? user.active,
    });
    const saved = await this.users.save(user);
    // Access tokens carry roles and municipalities: after such a change (or a new password, or
    // deactivation) the old sessions must not go on with what the account no longer has.
    if (changed.some((field) => field !== 'name')) await this.sessions.revokeAllOf(id, 'account_changed');
    if (changed.length) {
      await this.audit.record(ctx, {
        action: 'user.update',
        details: {
          userId: id,
          changed,
          roles: saved.roles,
          municipalities: saved.municipalities,
          active: saved.active,
        },
      });
    }
    return toUserView(saved);
  }

  async findActive(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id, active: true });
  }

  async findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: email.toLowerCase() });
  }

  /** An account created at its first login through the identity provider (OIDC_AUTO_PROVISION). */
  async provision(
    ctx: RequestContext,
    account: Pick<UserEntity, 'email' | 'name' | 'roles' | 'municipalities'>,
  ): Promise<UserEntity | null> {
    const user = await this.insert({
      ...account,
      email: account.email.toLowerCase(),
      passwordHash: NO_PASSWORD,
    });
    if (user) {
      await this.audit.record(ctx, {
        action: 'user.provision',
        details: { userId: user.id, roles: user.roles, municipalities: user.municipalities },
      });
    }
    return user;
  }

  /** Roles and municipalities as the identity provider states them at login (OIDC_ROLES_CLAIM). */
  async applyProviderClaims(
    ctx: RequestContext,
    user: UserEntity,
    claims: Pick<UserEntity, 'roles' | 'municipalities'>,
  ): Promise<UserEntity> {
    if (sameSet(claims.roles, user.roles) && sameSet(claims.municipalities, user.municipalities)) return user;
    user.roles = claims.roles;
    user.municipalities = claims.municipalities;
    const saved = await this.users.save(user);
    await this.sessions.revokeAllOf(user.id, 'account_changed');
    await this.audit.record(ctx, {
      action: 'user.update',
      details: { userId: user.id, changed: ['roles', 'municipalities'], source: 'oidc', roles: saved.roles },
    });
    return saved;
  }

  /** Creates the account unless it exists; used by the demo seed. Returns true when created. */
  async ensure(email: string, name: string, password: string, roles: UserEntity['roles']): Promise<boolean> {
    const user = await this.insert({
      email,
      name,
      passwordHash: await this.hasher.hash(password),
      roles,
      municipalities: [],
    });
    return user !== null;
  }

  /** Null when the e-mail address is taken. */
  private async insert(
    values: Pick<UserEntity, 'email' | 'name' | 'passwordHash' | 'roles' | 'municipalities'>,
  ): Promise<UserEntity | null> {
    const result = await this.users
      .createQueryBuilder()
      .insert()
      .values(values)
      .orIgnore()
      .returning('id')
      .execute();
    const [row] = result.raw as { id: string }[];
    return row ? this.users.findOneByOrFail({ id: row.id }) : null;
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
