import { ADAPTER_ENTITIES } from '@meldpunt/adapters';
import { CHAT_ENTITIES } from '@meldpunt/chat';
import { FORWARD_ENTITIES } from '@meldpunt/forwards';
import { ON_CALL_ENTITIES } from '@meldpunt/on-call';
import { IDENTITY_ENTITIES } from '@meldpunt/identity';
import { MUNICIPALITY_ENTITIES } from '@meldpunt/municipalities';
import { NOTIFICATION_ENTITIES } from '@meldpunt/notifications';
import { OUTBOX_ENTITIES } from '@meldpunt/outbox';
import { SLA_ENTITIES } from '@meldpunt/sla';
import { STANDARD_ANSWER_ENTITIES } from '@meldpunt/standard-answers';
import { TEAM_ENTITIES } from '@meldpunt/teams';
import { TICKET_ENTITIES } from '@meldpunt/tickets';

/** Every entity of every context: the schema the migrations are generated from. */
export const ALL_ENTITIES = [
  ...IDENTITY_ENTITIES,
  ...MUNICIPALITY_ENTITIES,
  ...OUTBOX_ENTITIES,
  ...TICKET_ENTITIES,
  ...SLA_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...ADAPTER_ENTITIES,
  ...CHAT_ENTITIES,
  ...STANDARD_ANSWER_ENTITIES,
  ...TEAM_ENTITIES,
  ...FORWARD_ENTITIES,
  ...ON_CALL_ENTITIES,
];
