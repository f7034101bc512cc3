import { TeamCategoryEntity, TeamEntity, TeamMemberEntity } from './team.entity';

export * from './team.dto';
export * from './team.entity';
export * from './teams';
export * from './teams.module';
export const TEAM_ENTITIES = [TeamEntity, TeamMemberEntity, TeamCategoryEntity];
