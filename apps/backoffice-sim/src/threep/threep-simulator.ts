import type { SimRequest, SimResponse, SimulatedTool } from '../sim-http';
import { handleThreePAdmin } from './threep-admin';
import { handleThreePApi } from './threep-api';
import { ThreePCaseStore } from './threep-case-store';
import { threePProblem } from './threep-problem';

export interface ThreePSimulatorOptions {
  /** The bearer token the API accepts. Default `sim-3p-token`. */
  token?: string;
  /** How many change-feed entries are kept; older cursors get 410 Gone. Default: all. */
  feedRetention?: number;
  /** The clock. */
  now?: () => number;
}

export const DEFAULT_THREEP_TOKEN = 'sim-3p-token';

/**
 * 3P as our exchange contract defines it (docs/adapters/3p.md; 3P publishes no API of its own):
 * cases created idempotently by our reference, notes, hold/resume, and an ordered change feed.
 */
export class ThreePSimulator implements SimulatedTool {
  readonly key = '3p';
  private store: ThreePCaseStore;

  constructor(private readonly options: ThreePSimulatorOptions = {}) {
    this.store = this.newStore();
  }

  handle(req: SimRequest): SimResponse {
    const token = this.options.token ?? DEFAULT_THREEP_TOKEN;
    if (req.headers.authorization !== `Bearer ${token}`) {
      return threePProblem(401, 'Missing or invalid bearer token.', undefined, {
        'www-authenticate': 'Bearer realm="3p"',
      });
    }
    return handleThreePApi(this.store, req);
  }

  admin(req: SimRequest): SimResponse {
    return handleThreePAdmin(this.store, req);
  }

  reset(): void {
    this.store = this.newStore();
  }

  private newStore(): ThreePCaseStore {
    return new ThreePCaseStore(
      this.options.now ?? Date.now,
      this.options.feedRetention ?? Number.POSITIVE_INFINITY,
    );
  }
}
