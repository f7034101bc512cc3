import type { UserView } from './dto/user.dto';
import type { UserEntity } from './entities/user.entity';

/** An account as the API shows it: never the password hash or lock-out counters. */
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
