import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiOkResponse({ type: [CategoryView] })
  async categories(): Promise<CategoryView[]> {
    return (await this.directory.allCategories()).filter((c) => c.active).map((c) => CategoryView.of(c));
  }
}
