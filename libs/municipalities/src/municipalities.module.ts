import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoryEntity } from './entities/category.entity';
import { MunicipalityCategoryEntity } from './entities/municipality-category.entity';
import { MunicipalityEntity } from './entities/municipality.entity';
import { MunicipalitiesController } from './municipalities.controller';
import { MunicipalityDirectory } from './municipality-directory';
import { MunicipalitySeeder } from './municipality-seeder';

@Module({
  imports: [TypeOrmModule.forFeature([MunicipalityEntity, CategoryEntity, MunicipalityCategoryEntity])],
  controllers: [MunicipalitiesController],
  providers: [MunicipalityDirectory, MunicipalitySeeder],
  exports: [MunicipalityDirectory, MunicipalitySeeder],
})
export class MunicipalitiesModule {}
