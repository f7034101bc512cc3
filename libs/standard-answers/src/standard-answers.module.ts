import { Module } from '@nestjs/common';
import { IdentityModule } from '@meldpunt/identity';
import { MunicipalitiesModule } from '@meldpunt/municipalities';
import { NotificationsModule } from '@meldpunt/notifications';
import { TicketsModule } from '@meldpunt/tickets';
import { StandardAnswersController, TicketStandardAnswersController } from './standard-answers.controller';
import { StandardAnswers } from './standard-answers.service';

/** Standard answers for the reply box (issue 15, item 2). */
@Module({
  imports: [IdentityModule, MunicipalitiesModule, NotificationsModule, TicketsModule],
  controllers: [StandardAnswersController, TicketStandardAnswersController],
  providers: [StandardAnswers],
})
export class StandardAnswersModule {}
