import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Ctx, RequestContext, SignedWebhook } from '@meldpunt/identity';
import { WebhookChanges } from './inbound/webhook-changes';
import { WebhookInbox } from './webhook-inbox';

@ApiTags('integrations')
@Controller('api/v1/integrations/:municipalityCode/webhook')
export class WebhookController {
  constructor(
    private readonly inbox: WebhookInbox,
    private readonly changes: WebhookChanges,
  ) {}

  @Post()
  @SignedWebhook('municipalityCode')
  @HttpCode(202)
  @ApiHeader({
    name: 'X-Signature',
    required: true,
    description:
      'sha256=<hex HMAC-SHA256 of the raw request body>, keyed with the municipality webhook secret ' +
      '(POST /api/v1/integrations/{municipalityCode}/webhook-secret)',
  })
  @ApiAcceptedResponse({
    description:
      '{ id, receivedAt, processed, outcome }: the signature is valid and the call is stored. From a polled tool ' +
      '(TOPdesk, Ultimo, 3P) any body makes us poll now (outcome `polled`); from a generic webhook tool the body ' +
      'is a change (WebhookChangeDto, docs/adapters/webhook.md) applied at once (`applied` or `unchanged`). ' +
      '400 names the field of a malformed change; 404 when the case is unknown.',
  })
  @ApiUnauthorizedResponse({
    description: 'Missing or wrong signature, or no webhook secret for this municipality',
  })
  async receive(
    @Ctx() ctx: RequestContext,
    @Body() payload: Record<string, unknown>,
  ): Promise<{ id: string; receivedAt: string; processed: boolean; outcome: string }> {
    const { id, receivedAt, municipalityCode } = await this.inbox.receive(ctx, payload);
    const outcome = await this.changes.handle(municipalityCode, payload);
    await this.inbox.markProcessed(id);
    return { id, receivedAt, processed: true, outcome };
  }
}
