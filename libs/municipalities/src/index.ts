export * from './entities/municipality.entity';
export * from './entities/category.entity';
export * from './location-routing';
export * from './place-names';
export * from './municipality-directory';
export * from './municipality-seeder';
export * from './municipalities.module';
export * from './dto/municipality.view';

import { CategoryEntity } from './entities/category.entity';
import { MunicipalityEntity } from './entities/municipality.entity';
export const MUNICIPALITY_ENTITIES = [MunicipalityEntity, CategoryEntity];
