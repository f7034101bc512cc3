import type { SimRequest, SimResponse, SimulatedTool } from '../sim-http';
import { RequestQuota } from './request-quota';
import { handleUltimoAdmin } from './ultimo-admin';
import { ultimoError } from './ultimo-error';
import { getJob, listJobs, patchJob } from './ultimo-job-objects';
import { UltimoJobStore } from './ultimo-job-store';
import { DEFAULT_ULTIMO_SIMULATOR_OPTIONS, type UltimoSimulatorOptions } from './ultimo-simulator-options';
import { addJobNote, reportJob } from './ultimo-workflows';

const JOB_BY_ID = /^\/object\/Job\('((?:[^']|'')*)'\)\/?$/i;
const JOB_SET = /^\/object\/Job\/?$/i;
const ACTION = /^\/action\/([A-Za-z0-9_]+)\/?$/i;
/** The ApplicationElementId Ultimo's connector documentation gives for REST_ReportJob. */
const REPORT_JOB_ELEMENT_ID = '1ba90cc1-b7f2-452d-8825-101ad7e7a682';

/**
 * One customer's Ultimo REST API (`/ultimo/api/v1/...`): the Job entity (read, and PATCH as for
 * cloud customers), the REST_ReportJob workflow and a note workflow, the `ApiKey` and
 * `ApplicationElementId` headers, and Ultimo's request quota (429 with Retry-After beyond it).
 */
export class UltimoSimulator implements SimulatedTool {
  readonly key = 'ultimo';
  readonly options: UltimoSimulatorOptions;
  readonly jobs: UltimoJobStore;
  /** What the quota did, for tests and the benchmark report. */
  readonly stats = { requests: 0, rateLimited: 0 };
  private readonly quota: RequestQuota;

  constructor(options: Partial<UltimoSimulatorOptions> & { now?: () => number } = {}) {
    const { now = Date.now, ...rest } = options;
    this.options = { ...DEFAULT_ULTIMO_SIMULATOR_OPTIONS, ...rest };
    this.jobs = new UltimoJobStore(() => new Date(now()));
    this.quota = new RequestQuota(this.options.requestsPer10s, this.options.windowMs, now);
  }

  handle(req: SimRequest): SimResponse {
    const apiKey = req.headers['apikey'];
    if (typeof apiKey !== 'string' || !apiKey) return ultimoError(401, 'Missing API key', 'MissingApikey');
    if (apiKey !== this.options.apiKey && !this.options.otherCustomerKeys.includes(apiKey))
      return ultimoError(401, 'Invalid API key', 'InvalidApikey');
    this.stats.requests++;
    const waitMs = this.quota.take(apiKey);
    if (waitMs > 0) {
      this.stats.rateLimited++;
      const retryAfter = String(Math.max(1, Math.ceil(waitMs / 1000)));
      return ultimoError(429, 'The account has exceeded the request quota.', 'QuotaExceeded', {
        'Retry-After': retryAfter,
      });
    }
    if (req.invalidJson) return ultimoError(400, 'The request body is not valid JSON.', 'InvalidBody');
    return this.route(req);
  }

  admin(req: SimRequest): SimResponse {
    return handleUltimoAdmin(this.jobs, this.options, req);
  }

  reset(): void {
    this.jobs.reset();
    this.quota.reset();
    Object.assign(this.stats, { requests: 0, rateLimited: 0 });
  }

  private route(req: SimRequest): SimResponse {
    const byId = JOB_BY_ID.exec(req.path);
    if (byId) {
      const id = byId[1].replace(/''/g, "'");
      if (req.method === 'GET') return getJob(id, req.query, this.jobs);
      if (req.method === 'PATCH') return patchJob(id, req.body, this.jobs, this.options);
      return ultimoError(405, `${req.method} is not allowed on a job.`, 'MethodNotAllowed');
    }
    if (JOB_SET.test(req.path)) {
      if (req.method === 'GET') return listJobs(req.query, this.jobs);
      return ultimoError(405, `${req.method} is not allowed on the job set.`, 'MethodNotAllowed');
    }
    const action = ACTION.exec(req.path);
    if (action && req.method === 'POST') return this.runWorkflow(action[1], req);
    return ultimoError(404, `No resource at ${req.path}.`, 'NotFound');
  }

  private runWorkflow(name: string, req: SimRequest): SimResponse {
    const isReport = name.toLowerCase() === this.options.reportAction.toLowerCase();
    // Ultimo's examples write the GUID both with and without dashes. REST_ReportJob also takes
    // the fixed id Ultimo documents for it.
    const guid = (value: string) => value.replace(/-/g, '').toLowerCase();
    const allowed = [this.options.applicationElementId, ...(isReport ? [REPORT_JOB_ELEMENT_ID] : [])].map(
      guid,
    );
    const elementId = req.headers['applicationelementid'];
    if (typeof elementId !== 'string' || !allowed.includes(guid(elementId))) {
      return ultimoError(
        400,
        `The action '${name}' is not allowed for this ApplicationElementId.`,
        'ActionNotAllowed',
      );
    }
    if (isReport) return reportJob(req.body, this.jobs, this.options);
    if (name.toLowerCase() === this.options.noteAction.toLowerCase()) return addJobNote(req.body, this.jobs);
    return ultimoError(404, `The API key exposes no workflow '${name}'.`, 'NotFound');
  }
}
