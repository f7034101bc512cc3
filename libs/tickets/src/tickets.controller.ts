import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiSecurity,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { InvalidInputError } from '@meldpunt/api-errors';
import { Ctx, RequestContext, Roles, STAFF_ROLES } from '@meldpunt/identity';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { ListTicketsQuery } from './dto/list-tickets.query';
import { MessageDto } from './dto/message.dto';
import { TicketEventView, TicketPageView, TicketView } from './dto/ticket.view';
import { TransitionDto } from './dto/transition.dto';
import { UpdateTicketDto } from './dto/update-ticket.dto';
import { RerouteTicketDto } from './dto/reroute.dto';
import { MergeTicketDto } from './dto/merge.dto';
import { TicketIntakeService } from './ticket-intake.service';
import { TicketQueryService } from './ticket-query.service';
import { TicketWorkflowService } from './ticket-workflow.service';
import { TicketRerouting } from './ticket-rerouting.service';
import { TicketMerging } from './ticket-merging.service';
import { NEARBY_DAYS, NEARBY_METRES, RelatedTicketsQuery, type RelatedTickets } from './related-tickets';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,200}$/;

@ApiTags('tickets')
@ApiBearerAuth()
// Integrations (API key, role integration) may create tickets and read their municipality's.
@ApiSecurity('apiKey')
@Controller('api/v1/tickets')
@Roles(...STAFF_ROLES, 'integration')
export class TicketsController {
  constructor(
    private readonly intake: TicketIntakeService,
    private readonly workflow: TicketWorkflowService,
    private readonly query: TicketQueryService,
    private readonly relatedTickets: RelatedTicketsQuery,
    private readonly rerouting: TicketRerouting,
    private readonly merging: TicketMerging,
  ) {}

  @Post()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key and body: the same ticket, nothing created; same key, other body: 409',
  })
  @ApiCreatedResponse({ type: TicketView })
  @ApiConflictResponse({ description: 'Idempotency-Key reused with another body' })
  @ApiUnprocessableEntityResponse({ description: 'No municipality can be determined' })
  async create(
    @Ctx() ctx: RequestContext,
    @Body() dto: CreateTicketDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<TicketView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new InvalidInputError([
        {
          field: 'Idempotency-Key',
          rule: 'matches',
          message: 'Idempotency-Key must be 1-200 letters, digits or _ . : -',
        },
      ]);
    }
    const { row, replayed } = await this.intake.create(ctx, dto, req.body, idempotencyKey);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.setHeader('Location', `/api/v1/tickets/${row.id}`);
    return TicketView.of(row);
  }

  @Get()
  @ApiOkResponse({ type: TicketPageView })
  list(@Ctx() ctx: RequestContext, @Query() query: ListTicketsQuery): Promise<TicketPageView> {
    return this.query.list(ctx, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: TicketView })
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<TicketView> {
    return this.query.get(ctx, id);
  }

  @Get(':id/history')
  @ApiOkResponse({ type: [TicketEventView] })
  history(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<TicketEventView[]> {
    return this.query.history(ctx, id);
  }

  @Get(':id/related')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({
    description: `{ nearby: open reports of the same category within ${NEARBY_METRES} m and ${NEARBY_DAYS} days (possible duplicates), sameReporter: the reporter's other open tickets, merged: the duplicates merged into this one }`,
  })
  related(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<RelatedTickets> {
    return this.relatedTickets.of(ctx, id);
  }

  @Post(':id/messages')
  @Roles(...STAFF_ROLES)
  @ApiCreatedResponse({ description: '{ ticket, message }' })
  async addMessage(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: MessageDto) {
    const { ticket, message } = await this.workflow.addMessage(ctx, id, dto);
    return { ticket: TicketView.of(ticket), message };
  }

  @Post(':id/transitions')
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ type: TicketView })
  @ApiConflictResponse({
    description: 'Transition not allowed from the current status; the body lists `allowed`',
  })
  async transition(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: TransitionDto,
  ): Promise<TicketView> {
    return TicketView.of(await this.workflow.transition(ctx, id, dto));
  }

  @Patch(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: TicketView })
  async update(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: UpdateTicketDto,
  ): Promise<TicketView> {
    return TicketView.of(await this.workflow.update(ctx, id, dto));
  }

  @Post(':id/reroute')
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @ApiOkResponse({
    type: TicketView,
    description:
      'The ticket moves to another municipality: SLA, back-office and scope follow (the caller may no longer see it afterwards)',
  })
  @ApiConflictResponse({ description: 'A resolved, closed or cancelled ticket is not rerouted' })
  @ApiUnprocessableEntityResponse({ description: 'The category is not offered by the new municipality' })
  async reroute(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: RerouteTicketDto,
  ): Promise<TicketView> {
    return TicketView.of(await this.rerouting.reroute(ctx, id, dto));
  }

  @Post(':id/merge')
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @ApiOkResponse({
    type: TicketView,
    description:
      'This ticket is a duplicate of `intoTicket`: it is cancelled (reason duplicate) with `mergedInto` set; its reporter is told and hears of the resolution of the other; both histories and back-office cases name each other',
  })
  @ApiConflictResponse({ description: 'One of the tickets is no longer open' })
  @ApiUnprocessableEntityResponse({ description: 'The tickets are with different municipalities' })
  async merge(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: MergeTicketDto,
  ): Promise<TicketView> {
    return TicketView.of(await this.merging.merge(ctx, id, dto));
  }
}
