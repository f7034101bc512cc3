import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { BoundingBox } from '../location-routing';

export type Language = 'nl' | 'fr' | 'en';
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** Per weekday, the open intervals as local "HH:MM" pairs. */
export type WeeklyHours = Record<Weekday, [string, string][]>;

/** Which back-office tool a municipality's tickets go to, without its secrets (see libs/adapters). */
export interface BackOfficeSettings {
  type: 'topdesk' | 'ultimo' | '3p' | 'webhook' | 'none';
  baseUrl?: string;
  categoryMap?: Record<string, Record<string, string>>;
  statusMap?: Record<string, string>;
  pollSeconds?: number;
  /** Connector-specific settings (field names, status codes, page size). */
  options?: Record<string, unknown>;
}

@Entity('municipality')
export class MunicipalityEntity {
  /** Lowercase slug: `kortrijk`, `spiere-helkijn`. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  /** The official NIS code (Statbel). */
  @Column({ type: 'varchar', length: 5 })
  nisCode: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'text', array: true })
  postcodes: string[];

  /** Official languages, the first being the default for citizens' mail. */
  @Column({ type: 'text', array: true })
  languages: Language[];

  @Column({ type: 'varchar', length: 64, default: 'Europe/Brussels' })
  timezone: string;

  @Column({ type: 'jsonb' })
  openingHours: WeeklyHours;

  /** Extra closing days of this municipality ("YYYY-MM-DD", local); public holidays come on top. */
  @Column({ type: 'text', array: true, default: '{}' })
  closedDates: string[];

  /** Rough extent for routing by coordinates until polygons arrive. */
  @Column({ type: 'jsonb', nullable: true })
  boundingBox: BoundingBox | null;

  @Column({ type: 'jsonb' })
  backOffice: BackOfficeSettings;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
