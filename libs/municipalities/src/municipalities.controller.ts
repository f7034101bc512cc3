import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@meldpunt/api-errors';
import { Public } from '@meldpunt/identity';
import { CategoryView, MunicipalityView } from './dto/municipality.view';
import { MunicipalityDirectory } from './municipality-directory';

/** Reference data: public, so municipal websites can build their forms from it. */
@ApiTags('municipalities')
@Controller('api/v1')
export class MunicipalitiesController {
  constructor(private readonly directory: MunicipalityDirectory) {}

  @Get('municipalities')
  @Public()
  @ApiOkResponse({ type: [MunicipalityView] })
  async municipalities(): Promise<MunicipalityView[]> {
    return (await this.directory.allMunicipalities()).map((m) => MunicipalityView.of(m));
  }

  @Get('categories')
  @Public()
  @ApiQuery({
    name: 'municipality',
    required: false,
    description: 'Only the categories this municipality offers, under its names (with its own)',
  })
  @ApiOkResponse({ type: [CategoryView] })
  async categories(@Query('municipality') municipality?: string): Promise<CategoryView[]> {
    if (municipality) return this.offered(municipality);
    return (await this.directory.allCategories()).filter((c) => c.active).map((c) => CategoryView.of(c));
  }

  @Get('municipalities/:code/categories')
  @Public()
  @ApiOkResponse({ type: [CategoryView], description: 'The categories this municipality offers' })
  async offered(@Param('code') code: string): Promise<CategoryView[]> {
    if (!(await this.directory.municipality(code))) throw new NotFoundError('Municipality', code);
    return (await this.directory.categoriesOf(code))
      .filter((c) => c.enabled)
      .map((c) => CategoryView.of({ ...c, municipalityCode: c.origin === 'regional' ? null : code }));
  }
}
