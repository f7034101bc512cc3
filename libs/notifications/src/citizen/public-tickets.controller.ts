import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@meldpunt/identity';
import { CitizenReplyDto } from '../dto/citizen-reply.dto';
import { FeedbackDto } from '../dto/feedback.dto';
import { CitizenTickets } from './citizen-tickets';
import { PublicTicketView } from './public-ticket.view';

/**
 * The citizen's API: no account, the token from their e-mail is the key. Rate limiting is not
 * here yet (a separate issue); tokens carry 256 random bits, so guessing is not the risk.
 */
@ApiTags('citizens')
@Controller('api/v1/public/tickets')
@Public()
@ApiNotFoundResponse({ description: 'Unknown or expired link (no detail is given)' })
export class PublicTicketsController {
  constructor(private readonly citizens: CitizenTickets) {}

  @Get(':token')
  @ApiOkResponse({ type: PublicTicketView })
  async get(@Param('token') token: string): Promise<PublicTicketView> {
    return (await this.citizens.page(token)).view;
  }

  @Post(':token/replies')
  @HttpCode(201)
  @ApiCreatedResponse({
    description:
      '{ status }: added as a public message; an answer or a reopening moves the ticket to in_progress',
  })
  async reply(@Param('token') token: string, @Body() dto: CitizenReplyDto): Promise<{ status: string }> {
    return { status: await this.citizens.reply(token, dto.body) };
  }

  @Post(':token/feedback')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'Recorded; a resolved or closed ticket only (409 otherwise)' })
  async feedback(@Param('token') token: string, @Body() dto: FeedbackDto): Promise<{ score: number }> {
    await this.citizens.giveFeedback(token, dto.score, dto.comment);
    return { score: dto.score };
  }
}
