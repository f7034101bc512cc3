import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InvalidInputError, NotFoundError } from '@meldpunt/api-errors';
import { Public, Roles } from '@meldpunt/identity';
import { MunicipalityDirectory, type WeeklyHours } from '@meldpunt/municipalities';
import { BusinessCalendar } from './business-calendar';
import { OpeningHoursDto } from './dto/sla-policy.dto';
import { MunicipalityCalendars } from './municipality-calendars';
import { WEEKDAYS } from './weekly-hours';

const MAX_RANGE_MS = 366 * 24 * 3600 * 1000;

@ApiTags('municipalities')
@Controller('api/v1/municipalities/:code')
export class CalendarController {
  constructor(
    private readonly calendars: MunicipalityCalendars,
    private readonly directory: MunicipalityDirectory,
  ) {}

  /** Public: municipal websites show when the town hall is open. */
  @Get('calendar')
  @Public()
  @ApiQuery({ name: 'from', example: '2027-03-22T00:00:00+01:00' })
  @ApiQuery({ name: 'to', example: '2027-03-29T00:00:00+02:00' })
  @ApiOkResponse({
    description:
      '{ timezone, intervals: [{ start, end }] }: the open business intervals between two instants',
  })
  async calendar(@Param('code') code: string, @Query('from') from?: string, @Query('to') to?: string) {
    const start = parseInstant('from', from);
    const end = parseInstant('to', to);
    if (end.getTime() <= start.getTime() || end.getTime() - start.getTime() > MAX_RANGE_MS) {
      throw new InvalidInputError([
        {
          field: 'to',
          rule: 'isWithinAYearAfterFrom',
          message: 'to must be after from and at most 366 days later',
        },
      ]);
    }
    const calendar = await this.calendars.calendarFor(code);
    return {
      timezone: calendar.timezone,
      intervals: calendar
        .openIntervals(start, end)
        .map((i) => ({ start: i.start.toISOString(), end: i.end.toISOString() })),
    };
  }

  @Put('opening-hours')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The stored opening hours' })
  async openingHours(@Param('code') code: string, @Body() dto: OpeningHoursDto) {
    const unknownDays = Object.keys(dto.weekly).filter((d) => !(WEEKDAYS as readonly string[]).includes(d));
    const missingDays = WEEKDAYS.filter((d) => !(d in dto.weekly));
    if (unknownDays.length || missingDays.length) {
      throw new InvalidInputError([
        {
          field: 'weekly',
          rule: 'hasEveryWeekday',
          message: `weekly must have exactly the keys ${WEEKDAYS.join(', ')}`,
        },
      ]);
    }
    // Business-day deadlines count in opening hours: a week without any would have none at all.
    if (!Object.values(dto.weekly).some((intervals) => Array.isArray(intervals) && intervals.length > 0)) {
      throw new InvalidInputError([
        {
          field: 'weekly',
          rule: 'hasOpeningTime',
          message: 'weekly must open at some time of the week (SLA deadlines in business days count in it)',
        },
      ]);
    }
    const municipality = await this.directory.municipality(code);
    if (!municipality) throw new NotFoundError('Municipality', code);
    try {
      // The calendar validates every interval and date, so a stored calendar always works.
      new BusinessCalendar({
        timezone: municipality.timezone,
        weekly: dto.weekly as WeeklyHours,
        closedDates: dto.closedDates ?? [],
      });
    } catch (error) {
      throw new InvalidInputError([
        { field: 'weekly', rule: 'isOpeningHours', message: (error as Error).message },
      ]);
    }
    const updated = await this.directory.updateOpeningHours(
      code,
      dto.weekly as WeeklyHours,
      dto.closedDates ?? [],
    );
    return { weekly: updated!.openingHours, closedDates: updated!.closedDates };
  }
}

function parseInstant(field: string, value: string | undefined): Date {
  const parsed = value ? new Date(value) : new Date(NaN);
  if (!value || Number.isNaN(parsed.getTime()) || !/T.*(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    throw new InvalidInputError([
      { field, rule: 'isIso8601', message: `${field} must be an ISO 8601 date-time with an offset` },
    ]);
  }
  return parsed;
}
