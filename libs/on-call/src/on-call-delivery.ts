import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@meldpunt/config';
import { RequestContext } from '@meldpunt/identity';
import { MailProfiles, MailTransport } from '@meldpunt/notifications';
import { TicketQueryService } from '@meldpunt/tickets';
import { OnCallPageEntity } from './entities/on-call-page.entity';
import { OnCallShiftEntity } from './entities/on-call-shift.entity';
import { onCallMail, onCallSms } from './on-call-message';
import { SmsGateway } from './pager/sms-gateway';

const SYSTEM = RequestContext.system('on-call');

/**
 * Sends one page: the SMS (when the shift has a number) and the e-mail, both with the console
 * link where the person acknowledges. At least once: a page is marked delivered only after both
 * went out, so a retry may repeat one (a second SMS at night beats none); a page delivered, or
 * no longer waiting (acknowledged, escalated), is not sent again.
 */
@Injectable()
export class OnCallDelivery {
  constructor(
    @InjectRepository(OnCallPageEntity) private readonly pages: Repository<OnCallPageEntity>,
    @InjectRepository(OnCallShiftEntity) private readonly shifts: Repository<OnCallShiftEntity>,
    private readonly tickets: TicketQueryService,
    private readonly profiles: MailProfiles,
    private readonly mail: MailTransport,
    private readonly sms: SmsGateway,
    private readonly config: AppConfig,
  ) {}

  async deliver(pageId: string): Promise<string> {
    const page = await this.pages.findOneBy({ id: pageId });
    if (!page || !page.shiftId) return 'no such page';
    if (page.deliveredAt) return 'delivered already';
    if (page.status !== 'paged') return `page ${page.status}`;
    const shift = await this.shifts.findOneBy({ id: page.shiftId });
    const ticket = (await this.tickets.getMany(SYSTEM, [page.ticketId])).get(page.ticketId);
    if (!shift || !ticket) return 'shift or ticket gone';
    const profile = await this.profiles.for(ticket.municipalityCode);
    const facts = {
      reference: ticket.reference,
      municipalityName: profile.displayName.nl,
      subject: ticket.subject,
      description: ticket.description,
      address: ticket.location?.address ?? ticket.location?.postcode ?? null,
      consoleUrl: `${this.config.publicBaseUrl}/console/tickets/${encodeURIComponent(ticket.reference)}`,
      ackMinutes: Math.max(1, Math.round(this.config.onCallAckMs / 60_000)),
    };
    if (shift.phone) await this.sms.send({ to: shift.phone, text: onCallSms(facts) });
    const content = onCallMail(facts);
    await this.mail.send({
      from: { name: facts.municipalityName, address: profile.senderAddress },
      to: { name: shift.userName, address: shift.email },
      subject: content.subject,
      text: content.text,
      html: content.html,
      messageId: `<page-${page.id}@${this.config.mailFromDomain}>`,
      headers: {
        'Auto-Submitted': 'auto-generated',
        'X-Meldpunt-Reference': ticket.reference,
        Importance: 'high',
      },
    });
    await this.pages.update({ id: page.id }, { deliveredAt: new Date() });
    return `delivered (${page.channels.join(', ')})`;
  }
}
