import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConflictError, InvalidInputError, NotFoundError } from '@meldpunt/api-errors';
import { CreateUserDto, UpdateUserDto, UserView } from './dto/user.dto';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { passwordPolicyErrors } from './password-policy';

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    municipalities: user.municipalities,
    active: user.active,
  };
}

@Injectable()
export class UsersService {
  private readonly hasher = new PasswordHasher();

  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  async create(dto: CreateUserDto): Promise<UserView> {
    const email = dto.email.toLowerCase();
    const policy = passwordPolicyErrors(dto.password, email);
    if (policy.length) throw new InvalidInputError(policy);
    const result = await this.users
      .createQueryBuilder()
      .insert()
      .values({
        email,
        name: dto.name,
        passwordHash: await this.hasher.hash(dto.password),
        roles: dto.roles,
        municipalities: dto.municipalities,
      })
      .orIgnore()
      .returning('*')
      .execute();
    if (!result.raw.length) throw new ConflictError(`A user with e-mail ${email} already exists`);
    return toUserView(await this.users.findOneByOrFail({ email }));
  }

  async list(): Promise<UserView[]> {
    return (await this.users.find({ order: { email: 'ASC' } })).map(toUserView);
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserView> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundError('User', id);
    if (dto.password !== undefined) {
      const policy = passwordPolicyErrors(dto.password, user.email);
      if (policy.length) throw new InvalidInputError(policy);
      user.passwordHash = await this.hasher.hash(dto.password);
    }
    if (dto.name !== undefined) user.name = dto.name;
    if (dto.roles !== undefined) user.roles = dto.roles;
    if (dto.municipalities !== undefined) user.municipalities = dto.municipalities;
    if (dto.active !== undefined) user.active = dto.active;
    return toUserView(await this.users.save(user));
  }

  async findActive(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id, active: true });
  }

  /** Creates the account unless it exists; used by the demo seed. Returns true when created. */
  async ensure(email: string, name: string, password: string, roles: UserEntity['roles']): Promise<boolean> {
    const result = await this.users
      .createQueryBuilder()
      .insert()
      .values({ email, name, passwordHash: await this.hasher.hash(password), roles, municipalities: [] })
      .orIgnore()
      .execute();
    return (result.raw as unknown[]).length > 0;
  }
}
