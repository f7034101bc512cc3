import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '@meldpunt/identity';
import { IntegrationStatus } from './integration-status';
import { IntegrationStatusView } from './integration-status.view';

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/v1/integrations/status')
export class IntegrationStatusController {
  constructor(private readonly status: IntegrationStatus) {}

  @Get()
  @Roles('admin', 'supervisor', 'regional_agent', 'municipal_agent')
  @ApiOkResponse({
    type: [IntegrationStatusView],
    description: '{ items }: each connected municipality in scope, by code',
  })
  async list(@Ctx() ctx: RequestContext): Promise<{ items: IntegrationStatusView[] }> {
    return { items: await this.status.forContext(ctx) };
  }
}
