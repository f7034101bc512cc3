import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Ctx, RequestContext, Roles, STAFF_ROLES } from '@meldpunt/identity';
import { CreateForwardDto } from './dto/create-forward.dto';
import { ForwardView } from './dto/forward.view';
import { TicketForwards } from './ticket-forwards';

/** Questions about a ticket to parties outside the municipality (utility, police), and their state. */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/v1/tickets/:id/forwards')
@Roles(...STAFF_ROLES)
export class ForwardsController {
  constructor(private readonly forwards: TicketForwards) {}

  @Post()
  @ApiCreatedResponse({
    type: ForwardView,
    description:
      'The party gets an e-mail with the question, the place, the description (never the reporter) and a link to answer; each answer is an internal message on the ticket',
  })
  @ApiConflictResponse({ description: 'A closed or cancelled ticket is not forwarded' })
  async send(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() dto: CreateForwardDto,
  ): Promise<ForwardView> {
    return ForwardView.of(await this.forwards.send(ctx, id, dto));
  }

  @Get()
  @ApiOkResponse({ type: [ForwardView], description: 'Newest first' })
  async list(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<ForwardView[]> {
    return (await this.forwards.list(ctx, id)).map((row) => ForwardView.of(row));
  }
}
