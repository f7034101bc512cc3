import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Ctx, RequestContext, SignedWebhook } from '@meldpunt/identity';
import { WebhookInbox } from './webhook-inbox';

@ApiTags('integrations')
@Controller('api/v1/integrations/:municipalityCode/webhook')
export class WebhookController {
  constructor(private readonly inbox: WebhookInbox) {}

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
      '{ id, receivedAt, processed: false }: the signature is valid and the call is stored. Applying the ' +
      "tool's changes to tickets arrives with the back-office adapters; until then calls are kept, not processed.",
  })
  @ApiUnauthorizedResponse({
    description: 'Missing or wrong signature, or no webhook secret for this municipality',
  })
  async receive(
    @Ctx() ctx: RequestContext,
    @Body() payload: Record<string, unknown>,
  ): Promise<{ id: string; receivedAt: string; processed: false }> {
    return { ...(await this.inbox.receive(ctx, payload)), processed: false };
  }
}
