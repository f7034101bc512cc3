import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles, STAFF_ROLES } from '@meldpunt/identity';
import { MailDeliveryQueue } from '../delivery/mail-delivery-queue';
import { NotificationIdParam } from '../dto/notification-id.param';
import { NotificationRecords } from '../notification-records';
import { NotificationFailureView } from './notification-failure.view';

/** E-mails to citizens that failed for good, so an agent can phone the citizen or fix and retry. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/notifications/failures')
@Roles(...STAFF_ROLES)
export class NotificationFailuresController {
  constructor(
    private readonly records: NotificationRecords,
    private readonly delivery: MailDeliveryQueue,
  ) {}

  @Get()
  @ApiOkResponse({
    type: [NotificationFailureView],
    description: 'Newest first, in the caller’s municipalities',
  })
  async list(@Ctx() ctx: RequestContext): Promise<NotificationFailureView[]> {
    return (await this.records.failures(ctx)).map((row) => NotificationFailureView.of(row));
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Queued again with a fresh series of attempts' })
  async retry(
    @Ctx() ctx: RequestContext,
    @Param() { id }: NotificationIdParam,
  ): Promise<{ id: string; status: string }> {
    const row = await this.records.requeue(ctx, id);
    await this.delivery.enqueue(row);
    return { id: row.id, status: row.status };
  }
}
