import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { urlencoded } from 'express';
import { MunicipalitiesModule } from '@meldpunt/municipalities';
import { NotificationsModule } from '@meldpunt/notifications';
import { TicketsModule } from '@meldpunt/tickets';
import { WebFormController } from './web-form.controller';
import { WebFormService } from './web-form.service';

/** The citizens' web form at /melden. */
@Module({
  imports: [MunicipalitiesModule, NotificationsModule, TicketsModule],
  controllers: [WebFormController],
  providers: [WebFormService],
})
export class WebFormModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // A robot (or an old browser) posting url-encoded gets its answer too; browsers send multipart.
    consumer.apply(urlencoded({ extended: false, limit: '64kb' })).forRoutes(WebFormController);
  }
}
