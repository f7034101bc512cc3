import { Body, Controller, Delete, Get, HttpCode, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, RequestContext, Roles } from '@meldpunt/identity';
import { CategoryChoiceDto } from './category-choice.dto';
import { CategoryChoices, type CategorySetting } from './category-choices';

/** A municipality's categories as its admins keep them: on, off, renamed, added, mapped. */
@ApiTags('municipalities')
@ApiBearerAuth()
@Controller('api/v1/municipalities/:code/category-settings')
@Roles('admin', 'supervisor')
export class CategoryChoicesController {
  constructor(private readonly choices: CategoryChoices) {}

  @Get()
  @ApiOkResponse({ description: 'Every category the municipality could offer, turned off ones included' })
  list(@Ctx() ctx: RequestContext, @Param('code') code: string): Promise<CategorySetting[]> {
    return this.choices.list(ctx, code);
  }

  @Put(':categoryCode')
  @ApiOperation({
    summary:
      "Turn a category off or on, rename it, map it to the back-office; a new code adds the municipality's own",
  })
  @ApiOkResponse({ description: 'The setting as stored (201 when the category was added)' })
  async choose(
    @Ctx() ctx: RequestContext,
    @Param('code') code: string,
    @Param('categoryCode') categoryCode: string,
    @Body() dto: CategoryChoiceDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CategorySetting> {
    const { created, setting } = await this.choices.choose(ctx, code, categoryCode, dto);
    res.status(created ? 201 : 200);
    return setting;
  }

  @Delete(':categoryCode')
  @HttpCode(204)
  @ApiOperation({
    summary: "Back to the regional default; removes the municipality's own category if nothing uses it",
  })
  async reset(
    @Ctx() ctx: RequestContext,
    @Param('code') code: string,
    @Param('categoryCode') categoryCode: string,
  ): Promise<void> {
    await this.choices.reset(ctx, code, categoryCode);
  }
}
