import { OnCallPageEntity } from './entities/on-call-page.entity';
import { OnCallShiftEntity } from './entities/on-call-shift.entity';

export * from './entities/on-call-page.entity';
export * from './entities/on-call-shift.entity';
export * from './on-call.module';
export * from './on-call-paging';
export * from './on-call-roster';
export { ON_CALL_EVENTS_QUEUE } from './on-call-queues';
export const ON_CALL_ENTITIES = [OnCallShiftEntity, OnCallPageEntity];
