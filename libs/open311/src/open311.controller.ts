import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { ForbiddenError, InvalidInputError, NotFoundError, toFieldErrors } from '@meldpunt/api-errors';
import { AppConfig } from '@meldpunt/config';
import { CallerAuthentication, Public, RateLimiter, RequestContext } from '@meldpunt/identity';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import { CreateTicketDto, TicketIntakeService } from '@meldpunt/tickets';
import { Open311ExceptionFilter } from './open311-exception.filter';
import { Call, Open311Call } from './open311-call';
import { sendOpen311 } from './open311-format';
import { Open311Params, toCreateTicket } from './open311-request.mapper';
import { listParam, Query311, spanOf, statusesOf } from './open311-query';
import { Open311Requests } from './open311-requests';
import { Lang, requestView, serviceDefinitionView, serviceNotice, serviceView } from './open311-views';

// GeoReport v2: at most 1000 results.
const MAX_RESULTS = 1000;
const CHANGESET = '2026-12-07T00:00:00Z';
const MAX_IDS = 100;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over our categories and tickets:
 * services are categories, service requests are tickets (service_request_id = reference).
 * Reading is public (without personal data); creating needs an integration API key, which also
 * decides the municipality when the request has no coordinates.
 */
@ApiTags('open311')
@Public()
@UseFilters(Open311ExceptionFilter)
@Controller('open311/v2')
export class Open311Controller {
  constructor(
    private readonly directory: MunicipalityDirectory,
    private readonly intake: TicketIntakeService,
    private readonly requests: Open311Requests,
    private readonly callers: CallerAuthentication,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  @Get('discovery{.:format}')
  @ApiOperation({ summary: 'GeoReport v2 service discovery' })
  async discovery(@Call() call: Open311Call, @Res() res: Response) {
    await this.limitAnonymous(call.ip);
    sendOpen311(res, call.format, 200, 'discovery', {
      changeset: CHANGESET,
      contact: 'Regionaal meldpunt Zuid-West-Vlaanderen',
      key_service: 'API keys are issued per municipality by the regional administrators',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: '/open311/v2',
          changeset: CHANGESET,
          type: 'production',
          formats: ['application/json', 'text/xml'],
        },
      ],
    });
  }

  @Get('services{.:format}')
  @ApiOperation({ summary: 'GeoReport v2 services: the categories of the region' })
  async services(@Call() call: Open311Call, @Res() res: Response) {
    await this.limitAnonymous(call.ip);
    // With a jurisdiction: what that municipality offers, under its names; else the region's list.
    const jurisdiction = await this.jurisdiction(call.query);
    const categories = jurisdiction
      ? (await this.directory.categoriesOf(jurisdiction)).filter((c) => c.enabled)
      : (await this.directory.allCategories()).filter((c) => c.active);
    const services = categories.map((c) => serviceView(c, call.lang));
    sendOpen311(res, call.format, 200, 'services', services);
  }

  @Get('services/:code{.:format}')
  @ApiOperation({ summary: 'GeoReport v2 service definition (its attributes)' })
  async service(@Param('code') code: string, @Call() call: Open311Call, @Res() res: Response) {
    await this.limitAnonymous(call.ip);
    const category = await this.directory.category(code);
    if (!category?.active) throw new NotFoundError('Service', code);
    sendOpen311(res, call.format, 200, 'service_definition', serviceDefinitionView(category, call.lang));
  }

  @Post('requests{.:format}')
  @HttpCode(201)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({ summary: 'GeoReport v2: create a service request (api_key of an integration required)' })
  async create(
    @Body() body: Open311Params,
    @Call() call: Open311Call,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res() res: Response,
  ) {
    const params = body && typeof body === 'object' ? body : {};
    const ctx = await this.integrationOf(params.api_key ?? call.apiKey);
    if (!ctx) throw new ForbiddenError('api_key is missing or not valid');
    const fallback = ctx.scope === 'all' ? undefined : ctx.scope[0];
    if (!fallback) throw new ForbiddenError('api_key is not an integration key of a municipality');
    const serviceCode = typeof params.service_code === 'string' ? params.service_code : undefined;
    const category = serviceCode ? await this.directory.category(serviceCode) : undefined;
    const plain = toCreateTicket(params, category, fallback, call.asked);
    const dto = plainToInstance(CreateTicketDto, plain);
    const invalid = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (invalid.length) throw new InvalidInputError(toFieldErrors(invalid));
    if (idempotencyKey !== undefined && !/^[A-Za-z0-9_.:-]{1,200}$/.test(idempotencyKey)) {
      throw new InvalidInputError([
        {
          field: 'Idempotency-Key',
          rule: 'matches',
          message: 'Idempotency-Key must be 1-200 letters, digits or _ . : -',
        },
      ]);
    }
    const { row } = await this.intake.create(ctx, dto, plain, idempotencyKey);
    const lang: Lang = row.reporter_language ?? call.lang;
    res.setHeader('Location', `/open311/v2/requests/${row.reference}.${call.format}`);
    sendOpen311(res, call.format, 201, 'service_requests', [
      {
        service_request_id: row.reference,
        service_notice: serviceNotice(row.reference, lang),
        account_id: null,
      },
    ]);
  }

  @Get('requests{.:format}')
  @ApiOperation({ summary: 'GeoReport v2: service requests (public; descriptions only with an api_key)' })
  async list(@Call() call: Open311Call, @Res() res: Response) {
    const ctx = await this.readerOrLimit(call);
    const { query } = call;
    const rows = await this.requests.list({
      references: listParam(query, 'service_request_id', MAX_IDS),
      serviceCodes: listParam(query, 'service_code', MAX_IDS),
      statuses: statusesOf(query),
      municipalityCode: await this.jurisdiction(query),
      ...spanOf(query),
      limit: MAX_RESULTS,
    });
    sendOpen311(res, call.format, 200, 'service_requests', await this.views(rows, ctx, call.lang));
  }

  @Get('requests/:id{.:format}')
  @ApiOperation({ summary: 'GeoReport v2: one service request by its service_request_id (our reference)' })
  async get(@Param('id') id: string, @Call() call: Open311Call, @Res() res: Response) {
    const ctx = await this.readerOrLimit(call);
    const row = await this.requests.byReference(id);
    if (!row) throw new NotFoundError('Service request', id);
    sendOpen311(res, call.format, 200, 'service_requests', await this.views([row], ctx, call.lang));
  }

  @Get('tokens/:token{.:format}')
  @ApiOperation({ summary: 'GeoReport v2: the service_request_id of a token (ours answer at once)' })
  async token(@Param('token') token: string, @Call() call: Open311Call, @Res() res: Response) {
    await this.limitAnonymous(call.ip);
    const reference = await this.requests.referenceOfToken(token);
    if (!reference) throw new NotFoundError('Token', token);
    sendOpen311(res, call.format, 200, 'service_requests', [{ token, service_request_id: reference }]);
  }

  private async views(
    rows: Awaited<ReturnType<Open311Requests['list']>>,
    ctx: RequestContext | null,
    lang: Lang,
  ) {
    const municipalities = new Map((await this.directory.allMunicipalities()).map((m) => [m.code, m]));
    const views = [];
    for (const row of rows) {
      views.push(
        requestView(
          row,
          await this.directory.categoryName(row.municipality_code, row.category_code, lang),
          municipalities.get(row.municipality_code),
          lang,
          ctx !== null && ctx.canSee(row.municipality_code),
        ),
      );
    }
    return views;
  }

  private async integrationOf(apiKey: unknown): Promise<RequestContext | null> {
    if (typeof apiKey !== 'string' || apiKey === '') return null;
    return this.callers.authenticate({ apiKey });
  }

  /** A reader with a key sees its municipality in full; a wrong key is refused, not downgraded. */
  private async readerOrLimit(call: Open311Call): Promise<RequestContext | null> {
    if (call.apiKey === undefined) {
      await this.limitAnonymous(call.ip);
      return null;
    }
    const ctx = await this.integrationOf(call.apiKey);
    if (!ctx) throw new ForbiddenError('api_key is not valid');
    return ctx;
  }

  /** Anonymous callers share the citizens' per-address limit; integrations hold a key instead. */
  private limitAnonymous(ip: string): Promise<void> {
    return this.limiter.consume('public', ip ?? 'unknown', {
      limit: this.config.publicRateLimit,
      windowSeconds: this.config.rateLimitWindowSeconds,
    });
  }

  private async jurisdiction(query: Query311): Promise<string | undefined> {
    const code = query.jurisdiction_id;
    if (code === undefined) return undefined;
    if (typeof code !== 'string' || !(await this.directory.municipality(code))) {
      throw new InvalidInputError([
        {
          field: 'jurisdiction_id',
          rule: 'isKnownMunicipality',
          message: 'jurisdiction_id must be a municipality code of the region',
        },
      ]);
    }
    return code;
  }
}
