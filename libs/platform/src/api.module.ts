import { DynamicModule, Module } from '@nestjs/common';
import { AdaptersModule } from '@meldpunt/adapters';
import { AppConfig, Infrastructure } from '@meldpunt/config';
import { ChatModule } from '@meldpunt/chat';
import { ConsoleModule } from '@meldpunt/console';
import { ForwardsModule } from '@meldpunt/forwards';
import { OnCallModule } from '@meldpunt/on-call';
import { HealthModule } from '@meldpunt/health';
import { IdentityModule } from '@meldpunt/identity';
import { MailIntakeModule } from '@meldpunt/mail-intake';
import { CategoryChoicesModule, MunicipalitiesModule } from '@meldpunt/municipalities';
import { ReportsModule } from '@meldpunt/reports';
import { NotificationsModule } from '@meldpunt/notifications';
import { OpenDataModule } from '@meldpunt/open-data';
import { Open311Module } from '@meldpunt/open311';
import { PrivacyModule } from '@meldpunt/privacy';
import { SlaModule } from '@meldpunt/sla';
import { StandardAnswersModule } from '@meldpunt/standard-answers';
import { TeamsModule } from '@meldpunt/teams';
import { TicketsModule } from '@meldpunt/tickets';
import { WebFormModule } from '@meldpunt/web-form';
import { PlatformModule } from './platform.module';
import { SeedRunner } from './seed-runner';
import { WorkerModule } from './worker.module';

/** The HTTP and socket.io application, with the worker inside when configured so. */
@Module({})
export class ApiModule {
  static register(config: AppConfig, infrastructure: Infrastructure): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config, infrastructure),
        IdentityModule,
        MunicipalitiesModule,
        CategoryChoicesModule,
        SlaModule,
        TicketsModule,
        NotificationsModule,
        Open311Module,
        OpenDataModule,
        ReportsModule,
        StandardAnswersModule,
        TeamsModule,
        ForwardsModule,
        OnCallModule,
        MailIntakeModule,
        WebFormModule,
        ConsoleModule,
        ChatModule,
        PrivacyModule,
        AdaptersModule,
        HealthModule,
        ...(config.runWorker ? [WorkerModule] : []),
      ],
      providers: [SeedRunner],
    };
  }
}

/** The worker process: no HTTP controllers, only processors and timers. */
@Module({})
export class WorkerAppModule {
  static register(config: AppConfig, infrastructure: Infrastructure): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [
        PlatformModule.forRoot(config, infrastructure),
        IdentityModule,
        MunicipalitiesModule,
        SlaModule,
        WorkerModule,
      ],
      providers: [SeedRunner],
    };
  }
}
