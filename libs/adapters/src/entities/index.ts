import { BackOfficeCredentialEntity } from './back-office-credential.entity';
import { BackOfficeCursorEntity } from './back-office-cursor.entity';
import { BackOfficeLinkEntity } from './back-office-link.entity';
import { BackOfficeSyncTaskEntity } from './back-office-sync-task.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';

export const ADAPTER_ENTITIES = [
  WebhookDeliveryEntity,
  BackOfficeCredentialEntity,
  BackOfficeLinkEntity,
  BackOfficeSyncTaskEntity,
  BackOfficeCursorEntity,
];
