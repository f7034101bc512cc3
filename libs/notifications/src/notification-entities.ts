import { CitizenAccessTokenEntity } from './entities/citizen-access-token.entity';
import { FeedbackEntity } from './entities/feedback.entity';
import { MailProfileEntity } from './entities/mail-profile.entity';
import { NotificationEntity } from './entities/notification.entity';

export const NOTIFICATION_ENTITIES = [
  NotificationEntity,
  CitizenAccessTokenEntity,
  FeedbackEntity,
  MailProfileEntity,
];
