import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@meldpunt/identity';
import type { MailProfile } from '../default-mail-profile';
import { MailProfileDto } from '../dto/mail-profile.dto';
import { MailProfiles } from '../mail-profiles';

/**
 * How each municipality signs its e-mails: sender, name, signature, logo, the optional "forwarded"
 * mail, and the team address SLA breaches are escalated to.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/notifications/profiles')
export class MailProfilesController {
  constructor(private readonly profiles: MailProfiles) {}

  @Get(':code')
  @Roles('admin', 'supervisor')
  @ApiOkResponse({ description: 'The profile in effect (defaults with the admin’s changes)' })
  get(@Param('code') code: string): Promise<MailProfile> {
    return this.profiles.current(code);
  }

  @Put(':code')
  @Roles('admin')
  @ApiOkResponse({ description: 'The profile in effect after the change' })
  update(@Param('code') code: string, @Body() dto: MailProfileDto): Promise<MailProfile> {
    return this.profiles.update(code, dto);
  }
}
