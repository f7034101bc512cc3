import { Injectable } from '@nestjs/common';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import { MailProfiles } from '@meldpunt/notifications';

/**
 * A municipality's mailbox is the address its mails to citizens are sent from (its mail profile's
 * sender, `meldpunt@<municipality>.<MAIL_FROM_DOMAIN>` by default): a citizen who answers one of
 * our mails, or writes to the address on the website, reaches the same desk.
 */
@Injectable()
export class InboundMailboxes {
  constructor(
    private readonly directory: MunicipalityDirectory,
    private readonly profiles: MailProfiles,
  ) {}

  /** The municipality whose mailbox this is, or null (not one of ours). */
  async municipalityOf(address: string): Promise<string | null> {
    const wanted = address.trim().toLowerCase();
    for (const municipality of await this.directory.allMunicipalities()) {
      const profile = await this.profiles.for(municipality.code);
      if (profile.senderAddress.toLowerCase() === wanted) return municipality.code;
    }
    return null;
  }
}
