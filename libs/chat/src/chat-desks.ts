import { Injectable } from '@nestjs/common';
import { MunicipalityCalendars } from '@meldpunt/sla';
import type { ChatDesk } from './entities/chat-session.entity';

/** During its opening hours a municipality's own agents take its chats; outside them the regional desk. */
@Injectable()
export class ChatDesks {
  constructor(private readonly calendars: MunicipalityCalendars) {}

  async deskFor(municipalityCode: string, now = new Date()): Promise<ChatDesk> {
    const calendar = await this.calendars.calendarFor(municipalityCode);
    return calendar.openStatus(now).open ? 'municipal' : 'regional';
  }
}
