import { Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '@meldpunt/identity';
import { MunicipalityDirectory } from '@meldpunt/municipalities';
import { BackOfficeConnections } from '../connection/back-office-connections';
import { BackOfficePollScheduler } from '../inbound/back-office-poll-scheduler';

/** The simulators' credentials on the embedded default (apps/backoffice-sim takes these). */
export const DEMO_CREDENTIALS: Record<string, Record<string, string>> = {
  topdesk: { username: 'meldpunt', password: 'sim-app-password' },
  ultimo: { apiKey: 'sim-ultimo-key', applicationElementId: 'b1a6d3b2-0000-4000-8000-000000000001' },
  '3p': { token: 'sim-3p-token' },
};

// Our categories onto the simulated TOPdesk catalogue; the other tools take free text.
const TOPDESK_CATEGORIES: Record<string, Record<string, string>> = {
  '*': { category: 'Dienstverlening', subcategory: 'Algemeen', operatorGroup: 'Onthaal' },
  'roads-pavements': { category: 'Openbaar domein', subcategory: 'Wegen', operatorGroup: 'Team wegen' },
  'traffic-signs': { category: 'Openbaar domein', subcategory: 'Wegen', operatorGroup: 'Team wegen' },
  'public-lighting': { category: 'Openbaar domein', subcategory: 'Verlichting', operatorGroup: 'Team wegen' },
  'green-maintenance': { category: 'Openbaar domein', subcategory: 'Groen', operatorGroup: 'Team groen' },
  'litter-dumping': { category: 'Openbaar domein', subcategory: 'Netheid', operatorGroup: 'Team groen' },
};

/**
 * On the embedded default: points every municipality whose demo back-office is TOPdesk, Ultimo or
 * 3P at the local simulators, so a newcomer sees tickets land there and come back. Never touches a
 * municipality an admin connected to a real tool (only unconfigured or simulated ones).
 */
@Injectable()
export class DemoBackOffices {
  private readonly logger = new Logger('DemoBackOffices');
  private readonly ctx = RequestContext.system('demo back-offices');

  constructor(
    private readonly directory: MunicipalityDirectory,
    private readonly connections: BackOfficeConnections,
    private readonly polls: BackOfficePollScheduler,
  ) {}

  async connect(baseUrls: Record<string, string>, pollSeconds = 10): Promise<string[]> {
    const connected: string[] = [];
    for (const m of await this.directory.allMunicipalities()) {
      const s = m.backOffice;
      const baseUrl = baseUrls[s.type];
      if (!baseUrl || (s.baseUrl && s.options?.simulated !== true)) continue;
      await this.connections.configure(this.ctx, m.code, {
        type: s.type,
        baseUrl,
        credentials: DEMO_CREDENTIALS[s.type],
        categoryMap: s.type === 'topdesk' ? TOPDESK_CATEGORIES : {},
        statusMap: {},
        pollSeconds,
        options: { simulated: true },
      });
      await this.polls.schedule(m.code);
      connected.push(m.code);
    }
    this.logger.log(`demo back-offices: ${connected.length} municipalities connected to the simulators`);
    return connected;
  }
}
