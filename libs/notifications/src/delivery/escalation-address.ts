import { Injectable } from '@nestjs/common';
import { RequestContext } from '@meldpunt/identity';
import { Teams } from '@meldpunt/teams';
import type { TicketView } from '@meldpunt/tickets';
import type { MailProfile } from '../default-mail-profile';

// Which team a ticket is with is not a question of anyone's scope.
const SYSTEM = RequestContext.system('notifications');

/**
 * Where an SLA breach goes: the shared mailbox of the team the ticket is with, when it has one
 * (the people who can act on it), else the municipality's escalation address; null: nowhere.
 */
@Injectable()
export class EscalationAddress {
  constructor(private readonly teams: Teams) {}

  async for(
    ticket: Pick<TicketView, 'team'>,
    profile: Pick<MailProfile, 'escalationEmail'>,
  ): Promise<string | null> {
    const team = ticket.team ? await this.teams.get(SYSTEM, ticket.team.id) : null;
    return team?.email ?? profile.escalationEmail ?? null;
  }
}
