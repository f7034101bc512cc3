import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@meldpunt/config';
import { RequestContext } from '@meldpunt/identity';
import { TicketPersonalData } from '@meldpunt/tickets';
import { PersonalDataHolders } from './personal-data-holders';

const BATCH = 200;
const SYSTEM = RequestContext.system('retention');

/**
 * Anonymises the reporter data of tickets closed or cancelled more than GDPR_RETENTION_MONTHS
 * ago. Statistics stay: only personal data go (see TicketPersonalDataRepository.anonymise).
 */
@Injectable()
export class PersonalDataRetention {
  private readonly logger = new Logger(PersonalDataRetention.name);

  constructor(
    private readonly tickets: TicketPersonalData,
    private readonly holders: PersonalDataHolders,
    private readonly config: AppConfig,
  ) {}

  /** Returns how many tickets it anonymised. Safe to run twice or concurrently. */
  async anonymiseExpired(now = new Date()): Promise<number> {
    const cutoff = monthsBefore(now, this.config.gdprRetentionMonths);
    let total = 0;
    for (;;) {
      const due = await this.tickets.dueForAnonymisation(cutoff, BATCH);
      if (!due.length) break;
      await this.holders.anonymise(due);
      total += (await this.tickets.anonymise(SYSTEM, due, 'retention')).length;
      if (due.length < BATCH) break;
    }
    if (total)
      this.logger.log(`retention: anonymised ${total} tickets finished before ${cutoff.toISOString()}`);
    return total;
  }
}

/** The same day of the month, `months` earlier (the 31st becomes the last day of a shorter month). */
export function monthsBefore(date: Date, months: number): Date {
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
