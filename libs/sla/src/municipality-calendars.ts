import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@meldpunt/api-errors';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import { BusinessCalendar } from './business-calendar';

/**
 * The business calendar of each municipality, built from its opening hours and closing days.
 * Rebuilt when the municipality row changes (the directory refreshes within 30 s).
 */
@Injectable()
export class MunicipalityCalendars {
  private readonly cache = new Map<string, { updatedAt: number; calendar: BusinessCalendar }>();

  constructor(private readonly directory: MunicipalityDirectory) {}

  async calendarFor(code: string): Promise<BusinessCalendar> {
    const municipality = await this.directory.municipality(code);
    if (!municipality) throw new NotFoundError('Municipality', code);
    const cached = this.cache.get(code);
    const updatedAt = municipality.updatedAt.getTime();
    if (cached && cached.updatedAt === updatedAt) return cached.calendar;
    const calendar = new BusinessCalendar({
      timezone: municipality.timezone,
      weekly: municipality.openingHours,
      closedDates: municipality.closedDates,
    });
    this.cache.set(code, { updatedAt, calendar });
    return calendar;
  }
}
