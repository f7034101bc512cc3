import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { urlencoded } from 'express';
import { IdentityModule } from '@meldpunt/identity';
import { MunicipalitiesModule } from '@meldpunt/municipalities';
import { TicketsModule } from '@meldpunt/tickets';
import { Open311Controller } from './open311.controller';
import { Open311Requests } from './open311-requests';

@Module({
  imports: [IdentityModule, MunicipalitiesModule, TicketsModule],
  controllers: [Open311Controller],
  providers: [Open311Requests],
})
export class Open311Module implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // GeoReport v2 clients post form-encoded bodies (attribute[code]=... keeps its brackets).
    consumer.apply(urlencoded({ extended: false, limit: '64kb' })).forRoutes(Open311Controller);
  }
}
