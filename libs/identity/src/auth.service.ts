import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UnauthenticatedError } from '@meldpunt/api-errors';
import { UserView } from './dto/user.dto';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';
import { toUserView } from './users.service';

const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;
// Verifying against a real hash when the account does not exist keeps the answer time the same,
// so response times do not reveal which e-mail addresses have accounts.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  user: Omit<UserView, 'active'>;
}

@Injectable()
export class AuthService {
  private readonly hasher = new PasswordHasher();

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly tokens: TokenService,
  ) {}

  async login(email: string, password: string): Promise<LoginResult> {
    const user = await this.users.findOneBy({ email: email.toLowerCase() });
    const refused = new UnauthenticatedError('E-mail address or password is wrong, or the account is locked');
    if (!user) {
      await this.hasher.verify(password, DUMMY_HASH);
      throw refused;
    }
    if (!user.active || (user.lockedUntil && user.lockedUntil > new Date())) throw refused;
    if (!(await this.hasher.verify(password, user.passwordHash))) {
      const failed = user.failedLogins + 1;
      const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null;
      await this.users.update(user.id, { failedLogins: lockedUntil ? 0 : failed, lockedUntil });
      throw refused;
    }
    if (user.failedLogins > 0) await this.users.update(user.id, { failedLogins: 0, lockedUntil: null });
    const { active: _active, ...view } = toUserView(user);
    return { accessToken: this.tokens.issue(user), expiresIn: this.tokens.ttlSeconds, user: view };
  }
}
