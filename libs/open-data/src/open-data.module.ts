import { Module } from '@nestjs/common';
import { OpenDataController } from './open-data.controller';
import { OpenDataExport } from './open-data-export';

/** The region's reports as open data (GeoJSON, CSV), without personal data. */
@Module({ controllers: [OpenDataController], providers: [OpenDataExport] })
export class OpenDataModule {}
