import { Module } from '@nestjs/common';
import { IdentityModule } from '@meldpunt/identity';
import { MunicipalitiesModule } from '../municipalities.module';
import { CategoryChoices } from './category-choices';
import { CategoryChoicesController } from './category-choices.controller';

/** The admin side of categories per municipality (API only: workers read the directory). */
@Module({
  imports: [MunicipalitiesModule, IdentityModule],
  controllers: [CategoryChoicesController],
  providers: [CategoryChoices],
})
export class CategoryChoicesModule {}
