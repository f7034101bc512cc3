import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';
import { Infrastructure } from './infrastructure';

/**
 * Makes the validated configuration injectable everywhere: as the typed `AppConfig` object (what
 * our code uses) and through @nestjs/config's ConfigService (for third-party modules).
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config: AppConfig, infrastructure: Infrastructure): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ app: config })] })],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Infrastructure, useValue: infrastructure },
      ],
      exports: [AppConfig, Infrastructure, ConfigModule],
    };
  }
}
