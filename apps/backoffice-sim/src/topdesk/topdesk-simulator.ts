import type { SimRequest, SimResponse, SimulatedTool } from '../sim-http';
import { handleTopdeskAdmin } from './topdesk-admin';
import { handleTopdeskApi } from './topdesk-api';
import { isAuthorized, type TopdeskCredentials } from './topdesk-auth';
import { topdeskError } from './topdesk-errors';
import { TopdeskTenant } from './topdesk-tenant';

export interface TopdeskSimulatorOptions {
  /** The operator login and application password the API accepts. */
  credentials?: TopdeskCredentials;
  /** Largest `pageSize` for `GET /incidents` (larger is a 400). Default 100. */
  maxPageSize?: number;
  /** What `GET /version` answers. FIQL queries need 3.3 or later. */
  version?: string;
  /** The clock (tests move it to land changes in the same or the next second). */
  now?: () => number;
}

export const DEFAULT_TOPDESK_CREDENTIALS: TopdeskCredentials = {
  username: 'meldpunt',
  password: 'sim-app-password',
};

/** A TOPdesk tenant's incident API (`/topdesk/tas/api/...`) and its admin surface. */
export class TopdeskSimulator implements SimulatedTool {
  readonly key = 'topdesk';
  private tenant: TopdeskTenant;
  private readonly credentials: TopdeskCredentials;

  constructor(private readonly options: TopdeskSimulatorOptions = {}) {
    this.credentials = options.credentials ?? DEFAULT_TOPDESK_CREDENTIALS;
    this.tenant = this.newTenant();
  }

  handle(req: SimRequest): SimResponse {
    if (!isAuthorized(req.headers, this.credentials)) {
      return {
        ...topdeskError(401, 'Login failed: invalid login name or application password.'),
        headers: { 'www-authenticate': 'Basic realm="TOPdesk"' },
      };
    }
    return handleTopdeskApi(this.tenant, req);
  }

  admin(req: SimRequest): SimResponse {
    return handleTopdeskAdmin(this.tenant, req);
  }

  /** Forgets every incident; the searchlists (and their ids) are generated anew. */
  reset(): void {
    this.tenant = this.newTenant();
  }

  private newTenant(): TopdeskTenant {
    const { now = Date.now, maxPageSize = 100, version = '3.9.0' } = this.options;
    return new TopdeskTenant(now, { defaultPageSize: 10, maxPageSize }, version);
  }
}
