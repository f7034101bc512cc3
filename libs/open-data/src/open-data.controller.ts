import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { InvalidInputError, NotFoundError } from '@meldpunt/api-errors';
import { Public } from '@meldpunt/identity';
import { OpenDataExport, type OpenDataQuery } from './open-data-export';

const DAY = 86_400_000;
const MAX_SPAN_DAYS = 366;

function date(field: string, value: string | undefined, fallback: Date): Date {
  if (value === undefined || value === '') return fallback;
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(NaN);
  if (Number.isNaN(parsed.getTime())) {
    throw new InvalidInputError([{ field, rule: 'isDate', message: `${field} must be a date (YYYY-MM-DD)` }]);
  }
  return parsed;
}

function code(field: string, value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!/^[a-z0-9-]{2,60}$/.test(value)) {
    throw new InvalidInputError([
      { field, rule: 'matches', message: `${field} must be a code such as kortrijk` },
    ]);
  }
  return value;
}

/**
 * Open data: the region's reports without personal data, for anyone (no key), as GeoJSON or CSV.
 * Cached five minutes here and by clients (ETag, Cache-Control), and under the public rate limit.
 */
@ApiTags('open data')
@Controller('api/v1/public/open-data')
@Public()
export class OpenDataController {
  constructor(private readonly exports: OpenDataExport) {}

  @Get('reports.:format')
  @ApiOperation({
    summary:
      'Reports (kind report, not cancelled): category, municipality (NIS code), status, dates, place on a ~200 m grid; no text, address or person',
  })
  @ApiParam({ name: 'format', enum: ['geojson', 'csv'] })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD, default 90 days ago' })
  @ApiQuery({
    name: 'to',
    required: false,
    description: 'YYYY-MM-DD (exclusive), default tomorrow; at most 366 days after from',
  })
  @ApiQuery({ name: 'municipality', required: false })
  @ApiQuery({ name: 'category', required: false })
  @ApiOkResponse({ description: 'GeoJSON FeatureCollection, or CSV with a header row' })
  async reports(
    @Param('format') format: string,
    @Res() res: Response,
    @Headers('if-none-match') ifNoneMatch?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('municipality') municipality?: string,
    @Query('category') category?: string,
  ): Promise<void> {
    if (format !== 'geojson' && format !== 'csv') throw new NotFoundError('Open data format', format);
    const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    const query: OpenDataQuery = {
      from: date('from', from, new Date(today.getTime() - 90 * DAY)),
      to: date('to', to, new Date(today.getTime() + DAY)),
      municipality: code('municipality', municipality),
      category: code('category', category),
    };
    if (query.to <= query.from || query.to.getTime() - query.from.getTime() > MAX_SPAN_DAYS * DAY) {
      throw new InvalidInputError([
        { field: 'to', rule: 'isSpan', message: `to must be after from, at most ${MAX_SPAN_DAYS} days` },
      ]);
    }
    const file = await this.exports.file(format, query);
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('ETag', file.etag);
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (ifNoneMatch === file.etag) return void res.status(304).end();
    res.setHeader(
      'Content-Type',
      format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/geo+json; charset=utf-8',
    );
    res.setHeader('Content-Disposition', `inline; filename="meldingen.${format}"`);
    res.send(file.body);
  }
}
