import { Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, Roles } from '../access.decorators';
import { RequestContext } from '../request-context';
import { CreatedWebhookSecret, WebhookSecrets } from './webhook-secrets';

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/v1/integrations/:municipalityCode/webhook-secret')
export class WebhookSecretsController {
  constructor(private readonly secrets: WebhookSecrets) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({
    description:
      '{ municipalityCode, secret, createdAt }: the secret the back-office tool signs webhook calls with ' +
      '(X-Signature: sha256=<hex HMAC-SHA256 of the raw body>). Replaces the previous one; shown only in this answer.',
  })
  rotate(
    @Ctx() ctx: RequestContext,
    @Param('municipalityCode') municipalityCode: string,
  ): Promise<CreatedWebhookSecret> {
    return this.secrets.rotate(ctx, municipalityCode);
  }
}
