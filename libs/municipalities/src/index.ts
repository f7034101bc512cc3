export * from './entities/municipality.entity';
export * from './entities/category.entity';
export * from './entities/municipality-category.entity';
export * from './categories/offered-categories';
export * from './categories/category-choices.module';
export * from './location-routing';
export * from './place-names';
export * from './municipality-directory';
export * from './municipality-seeder';
export * from './municipalities.module';
export * from './dto/municipality.view';

import { CategoryEntity } from './entities/category.entity';
import { MunicipalityCategoryEntity } from './entities/municipality-category.entity';
import { MunicipalityEntity } from './entities/municipality.entity';
export const MUNICIPALITY_ENTITIES = [MunicipalityEntity, CategoryEntity, MunicipalityCategoryEntity];
