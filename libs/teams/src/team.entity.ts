import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A team of a municipality (Team wegen, Groendienst, Burgerzaken): tickets are assigned to a team
 * and, within it, to an agent. Members are staff users who work for the municipality.
 */
@Entity('team')
@Index('uq_team_name', ['municipalityCode', 'name'], { unique: true })
export class TeamEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  municipalityCode: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  /** The team's shared mailbox, shown to agents (e.g. to forward a call by phone or mail). */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('team_member')
@Index('ix_team_member_user', ['userId'])
export class TeamMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  teamId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;
}

/**
 * Routing: the team a municipality's new tickets of a category go to at intake. One team per
 * category and municipality (the key), so a new ticket never has two candidates.
 */
@Entity('team_category')
@Index('ix_team_category_team', ['teamId'])
export class TeamCategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  municipalityCode: string;

  @PrimaryColumn({ type: 'varchar', length: 60 })
  categoryCode: string;

  @Column({ type: 'uuid' })
  teamId: string;
}
