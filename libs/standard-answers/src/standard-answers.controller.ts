import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles, STAFF_ROLES } from '@meldpunt/identity';
import { StandardAnswerDto } from './standard-answer.dto';
import { StandardAnswers } from './standard-answers.service';

@ApiTags('standard answers')
@ApiBearerAuth()
@Controller('api/v1/standard-answers')
@Roles('admin', 'supervisor')
export class StandardAnswersController {
  constructor(private readonly answers: StandardAnswers) {}

  @Get()
  @ApiOkResponse({ description: 'The standard answers of the region and of your municipalities' })
  list(@Ctx() ctx: RequestContext) {
    return this.answers.list(ctx);
  }

  @Post()
  @ApiCreatedResponse({ description: 'The new standard answer' })
  create(@Ctx() ctx: RequestContext, @Body() dto: StandardAnswerDto) {
    return this.answers.create(ctx, dto);
  }

  @Put(':id')
  update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() dto: StandardAnswerDto) {
    return this.answers.update(ctx, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<void> {
    await this.answers.remove(ctx, id);
  }
}

/** The answers that fit one ticket, filled in for it: what the console's reply box offers. */
@ApiTags('standard answers')
@ApiBearerAuth()
@Controller('api/v1/tickets/:id/standard-answers')
@Roles(...STAFF_ROLES)
export class TicketStandardAnswersController {
  constructor(private readonly answers: StandardAnswers) {}

  @Get()
  @ApiQuery({
    name: 'lang',
    required: false,
    enum: ['nl', 'fr', 'en'],
    description: 'Default: the reporter’s language',
  })
  @ApiOkResponse({ description: '[{ id, title, language, text }], most specific first' })
  forTicket(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query('lang') lang?: string) {
    return this.answers.forTicket(
      ctx,
      id,
      lang === 'nl' || lang === 'fr' || lang === 'en' ? lang : undefined,
    );
  }
}
