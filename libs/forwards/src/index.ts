import { ForwardAccessTokenEntity } from './entities/forward-access-token.entity';
import { TicketForwardEntity } from './entities/ticket-forward.entity';

export * from './dto/create-forward.dto';
export * from './dto/forward.view';
export * from './entities/forward-access-token.entity';
export * from './entities/ticket-forward.entity';
export * from './forwards.module';
export * from './ticket-forwards';
export const FORWARD_ENTITIES = [TicketForwardEntity, ForwardAccessTokenEntity];
