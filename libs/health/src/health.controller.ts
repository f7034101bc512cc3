import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { register } from 'prom-client';
import { MetricsScrape, Public } from '@meldpunt/identity';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get('health')
  @Public()
  @HealthCheck()
  @ApiOkResponse({ description: '{ status: "ok", info: { database, redis } }; 503 when one is down' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () => this.redis.check('redis'),
    ]);
  }

  @Get('metrics')
  @MetricsScrape()
  @Header('Content-Type', register.contentType)
  @ApiExcludeEndpoint()
  metrics(): Promise<string> {
    return register.metrics();
  }
}
