export * from './roles';
export * from './request-context';
export * from './access.decorators';
export * from './token.service';
export * from './users.service';
export * from './identity.module';
export * from './entities/user.entity';
export * from './password-hasher';

import { UserEntity } from './entities/user.entity';
export const IDENTITY_ENTITIES = [UserEntity];
