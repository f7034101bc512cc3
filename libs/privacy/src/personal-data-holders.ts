import { Injectable } from '@nestjs/common';
import type { ReporterIdentity } from '@meldpunt/tickets';

/**
 * A context that keeps personal data of reporters next to the tickets (e-mails sent to them, their
 * feedback comments). It registers here, at module init, so exports and anonymisation cover its
 * tables without the privacy context touching them.
 */
export interface PersonalDataHolder {
  /** The section of an export ("notifications"). */
  readonly name: string;
  /** What it holds about these tickets' reporter, as JSON for the export. */
  export(ticketIds: string[], who: ReporterIdentity): Promise<unknown>;
  /** Removes the personal data it holds for these tickets; idempotent. */
  anonymise(ticketIds: string[]): Promise<void>;
}

@Injectable()
export class PersonalDataHolders {
  private readonly holders: PersonalDataHolder[] = [];

  register(holder: PersonalDataHolder): void {
    this.holders.push(holder);
  }

  async export(ticketIds: string[], who: ReporterIdentity): Promise<Record<string, unknown>> {
    const sections: Record<string, unknown> = {};
    for (const holder of this.holders) sections[holder.name] = await holder.export(ticketIds, who);
    return sections;
  }

  async anonymise(ticketIds: string[]): Promise<void> {
    if (!ticketIds.length) return;
    for (const holder of this.holders) await holder.anonymise(ticketIds);
  }
}
