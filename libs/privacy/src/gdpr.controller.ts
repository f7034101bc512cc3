import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '@meldpunt/identity';
import { DataSubjectRights, PersonalDataExport } from './data-subject-rights';
import { DataSubjectDto } from './dto/data-subject.dto';

@ApiTags('gdpr')
@ApiBearerAuth()
@Controller('api/v1/gdpr')
@Roles('admin')
export class GdprController {
  constructor(private readonly rights: DataSubjectRights) {}

  @Get('export')
  @ApiOkResponse({
    description:
      'Right of access: { subject, generatedAt, tickets: [{ ticket, history }], related: { <context>: ... } } for ' +
      'one e-mail address or phone number (exactly one of the two). Matches the reporter fields; mentions of the ' +
      "address in the free text of other people's tickets are not searched.",
  })
  export(@Ctx() ctx: RequestContext, @Query() subject: DataSubjectDto): Promise<PersonalDataExport> {
    return this.rights.export(ctx, subject);
  }

  @Post('erasure')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'Right to erasure: anonymises every ticket of this reporter as the retention job does (open ones too) ' +
      'and answers { anonymised, ticketIds }. Statistics are kept.',
  })
  erase(
    @Ctx() ctx: RequestContext,
    @Body() subject: DataSubjectDto,
  ): Promise<{ anonymised: number; ticketIds: string[] }> {
    return this.rights.erase(ctx, subject);
  }
}
