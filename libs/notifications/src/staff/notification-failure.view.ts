import { ApiProperty } from '@nestjs/swagger';
import type { NotificationEntity } from '../entities/notification.entity';
import { NOTIFICATION_KINDS } from '../notification-kind';

/** An e-mail to a citizen (or a team's escalation) that could not be delivered after all its attempts. */
export class NotificationFailureView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty() municipalityCode: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: string;
  @ApiProperty({ nullable: true, type: String }) recipient: string | null;
  @ApiProperty({ nullable: true, type: String }) language: string | null;
  @ApiProperty() attempts: number;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '550 5.1.1 <an@example.be>: Recipient address rejected',
  })
  lastError: string | null;
  @ApiProperty() failedAt: string;

  static of(row: NotificationEntity): NotificationFailureView {
    return {
      id: row.id,
      ticketId: row.ticketId,
      municipalityCode: row.municipalityCode,
      kind: row.kind,
      recipient: row.recipient,
      language: row.language,
      attempts: row.attempts,
      lastError: row.lastError,
      failedAt: row.updatedAt.toISOString(),
    };
  }
}
