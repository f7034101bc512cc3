import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '@meldpunt/identity';
import { IntegrationFailureView } from './integration-failure.view';
import { IntegrationFailures } from './integration-failures';

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/v1/integrations/failures')
export class IntegrationFailuresController {
  constructor(private readonly failures: IntegrationFailures) {}

  @Get()
  @Roles('admin', 'supervisor', 'regional_agent', 'municipal_agent')
  @ApiQuery({ name: 'municipality', required: false })
  @ApiQuery({ name: 'limit', required: false, description: '1-500, default 100' })
  @ApiOkResponse({
    type: [IntegrationFailureView],
    description: 'Newest first, only municipalities in scope',
  })
  async list(
    @Ctx() ctx: RequestContext,
    @Query('municipality') municipality?: string,
    @Query('limit') limit?: string,
  ): Promise<{ items: IntegrationFailureView[] }> {
    const n = Math.min(500, Math.max(1, Number.parseInt(limit ?? '100', 10) || 100));
    return { items: await this.failures.list(ctx, { municipality, limit: n }) };
  }

  @Post(':id/retry')
  @HttpCode(202)
  @Roles('admin', 'supervisor', 'regional_agent', 'municipal_agent')
  @ApiAcceptedResponse({
    description: '{ id, requeued: [task ids] }: queued again; 409 when the task is not failed',
  })
  retry(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<{ id: string; requeued: string[] }> {
    return this.failures.retry(ctx, id);
  }
}
