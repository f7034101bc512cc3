import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Ctx, RequestContext, Roles, STAFF_ROLES } from '@meldpunt/identity';
import { PageView } from './dto/page.view';
import { ShiftDto, ShiftView } from './dto/shift.dto';
import { OnCallPaging } from './on-call-paging';
import { OnCallRoster } from './on-call-roster';

/** The watch (wachtdienst) per municipality, and the pages of urgent tickets out of hours. */
@ApiTags('on-call')
@ApiBearerAuth()
@Controller('api/v1')
@Roles(...STAFF_ROLES)
export class OnCallController {
  constructor(
    private readonly roster: OnCallRoster,
    private readonly paging: OnCallPaging,
  ) {}

  @Get('municipalities/:code/on-call-shifts')
  @ApiOkResponse({ type: [ShiftView], description: 'The shifts of the coming 14 days, by start' })
  async shifts(@Ctx() ctx: RequestContext, @Param('code') code: string): Promise<ShiftView[]> {
    return (await this.roster.list(ctx, code)).map((s) => ShiftView.of(s));
  }

  @Get('municipalities/:code/on-call')
  @ApiOkResponse({ type: [ShiftView], description: 'Who is on watch now, in the order they are paged' })
  async onDuty(@Ctx() ctx: RequestContext, @Param('code') code: string): Promise<ShiftView[]> {
    await this.roster.list(ctx, code, new Date(), new Date());
    return (await this.roster.onDuty(code, new Date())).map((s) => ShiftView.of(s));
  }

  @Post('municipalities/:code/on-call-shifts')
  @Roles('admin', 'supervisor')
  @ApiCreatedResponse({ type: ShiftView })
  async add(
    @Ctx() ctx: RequestContext,
    @Param('code') code: string,
    @Body() dto: ShiftDto,
  ): Promise<ShiftView> {
    return ShiftView.of(await this.roster.add(ctx, code, dto));
  }

  @Delete('on-call-shifts/:id')
  @Roles('admin', 'supervisor')
  @HttpCode(204)
  async remove(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<void> {
    await this.roster.remove(ctx, id);
  }

  @Get('tickets/:id/pages')
  @ApiOkResponse({ type: [PageView], description: 'Who was paged for the ticket, in order' })
  async pages(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<PageView[]> {
    return (await this.paging.pagesOf(ctx, id)).map((p) => PageView.of(p));
  }

  @Post('tickets/:id/pages/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Takes the page that is waiting (the person paged, or a colleague for them)' })
  @ApiOkResponse({ type: PageView })
  @ApiConflictResponse({ description: 'No page of the ticket is waiting' })
  async acknowledge(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<PageView> {
    return PageView.of(await this.paging.acknowledge(ctx, id));
  }
}
