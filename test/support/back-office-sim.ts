import { startBackOfficeSimulator, type RunningSimulator } from '../../apps/backoffice-sim/src/simulator';
import type { SimulatedTool } from '../../apps/backoffice-sim/src/sim-http';
import type { FaultSettings } from '../../apps/backoffice-sim/src/faults';
import type { BackOfficeType } from '../../libs/adapters/src/port/back-office-adapter';
import { SIM_CREDENTIALS } from '../factories/back-office.factory';
import { ticketBody } from '../factories/ticket.factory';
import { startTestApp, type TestApp } from './test-app';

export interface SimCase {
  id: string;
  number: string;
  reference: string | null;
  status: string;
  onHold: boolean;
  completed: boolean;
  closed: boolean;
  notes: { id: string; text: string; public: boolean; author: string | null }[];
}

/** A simulator for a test, with the generic admin surface every simulated tool offers. */
export class TestBackOffice {
  private constructor(
    readonly sim: RunningSimulator,
    readonly tool: string,
  ) {}

  static async start(tool: SimulatedTool): Promise<TestBackOffice> {
    return new TestBackOffice(await startBackOfficeSimulator([tool]), tool.key);
  }

  get baseUrl(): string {
    return this.sim.baseUrls[this.tool];
  }

  async cases(reference?: string): Promise<SimCase[]> {
    const query = reference ? `?reference=${encodeURIComponent(reference)}` : '';
    return (await this.admin('GET', `/cases${query}`)) as SimCase[];
  }

  async setStatus(
    id: string,
    status: 'in_progress' | 'completed' | 'closed',
    closingText?: string,
  ): Promise<void> {
    await this.admin('POST', `/cases/${id}/status`, { status, closingText });
  }

  async addNote(id: string, text: string, isPublic = false): Promise<void> {
    await this.admin('POST', `/cases/${id}/notes`, { text, public: isPublic });
  }

  /** Connects a municipality to this simulated tool through the api, as an admin would. */
  async connect(t: TestApp, municipality: string, settings: Record<string, unknown> = {}): Promise<void> {
    const res = await t
      .http()
      .put(`/api/v1/municipalities/${municipality}/back-office`)
      .set('Authorization', `Bearer ${await t.token()}`)
      .send({
        type: this.tool,
        baseUrl: this.baseUrl,
        credentials: { ...SIM_CREDENTIALS[this.tool as BackOfficeType] },
        ...settings,
      });
    if (res.status !== 200) throw new Error(`PUT back-office: ${res.status} ${JSON.stringify(res.body)}`);
  }

  faults(settings: Partial<FaultSettings>): void {
    this.sim.faults[this.tool].set(settings);
  }

  close(): Promise<void> {
    return this.sim.close();
  }

  private async admin(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.sim.url}/_admin/${this.tool}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`simulator admin ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  }
}

export interface ConnectedApp {
  t: TestApp;
  backOffice: TestBackOffice;
  /** An admin's access token. */
  admin: string;
  /** Files a ticket (ticketBody with `overrides`) for the connected municipality, as the admin. */
  createTicket(overrides?: Record<string, unknown>): Promise<{ id: string; reference: string }>;
}

/**
 * A test app with its worker (the outbox relayed every 50 ms) and one municipality connected to a
 * simulated back-office: the setup of the sync engine's suites. `beforeApp` runs once the
 * simulator is up, before anything can sync (to inject faults).
 */
async function startConnectedApp(
  tool: SimulatedTool,
  options: {
    env?: Record<string, string>;
    settings?: Record<string, unknown>;
    municipality?: string;
    beforeApp?: (backOffice: TestBackOffice) => void;
  } = {},
): Promise<ConnectedApp> {
  const backOffice = await TestBackOffice.start(tool);
  options.beforeApp?.(backOffice);
  const t = await startTestApp({ RUN_WORKER: 'true', OUTBOX_POLL_MS: '50', ...options.env });
  const municipalityCode = options.municipality ?? 'kortrijk';
  await backOffice.connect(t, municipalityCode, options.settings);
  const admin = await t.token();
  const createTicket = async (overrides: Record<string, unknown> = {}) => {
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${admin}`)
      .send(ticketBody({ municipalityCode, ...overrides }));
    if (res.status !== 201) throw new Error(`POST /tickets: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; reference: string };
  };
  return { t, backOffice, admin, createTicket };
}

/**
 * startConnectedApp for a whole suite: started before its tests, closed after them. The returned
 * object is filled in by the suite's beforeAll (read its fields inside tests and hooks).
 */
export function useConnectedApp(
  tool: () => SimulatedTool,
  options: Parameters<typeof startConnectedApp>[1] & { timeoutMs?: number } = {},
): ConnectedApp {
  const app = {} as ConnectedApp;
  beforeAll(async () => {
    Object.assign(app, await startConnectedApp(tool(), options));
  }, options.timeoutMs);
  afterAll(async () => {
    await app.t?.close();
    await app.backOffice?.close();
  });
  return app;
}
