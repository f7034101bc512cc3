/**
 * How one simulated Ultimo environment behaves. The numeric job statuses follow the values seen in
 * public Ultimo API key templates and clients (1 open/created, 2 approved, 4 active, 16 finished,
 * 32 closed); Ultimo's own documentation does not list them, so they are options, like everything
 * an Ultimo consultant configures per customer (the API key's workflows and exposed fields).
 */
export interface UltimoSimulatorOptions {
  /** The API key secret every call must carry in the `ApiKey` header. */
  apiKey: string;
  /**
   * Keys of further customers this simulated environment serves (in real life each municipality
   * has an Ultimo environment of its own, with its own quota): each key has a quota of its own.
   */
  otherCustomerKeys: string[];
  /** What workflow calls (`/action/...`) must carry in the `ApplicationElementId` header. */
  applicationElementId: string;
  /** Ultimo's documented quota: 100 requests per 10 seconds; beyond it, 429. */
  requestsPer10s: number;
  /** The quota window; 10 s like Ultimo, shorter only to keep tests quick. */
  windowMs: number;
  statusCodes: UltimoStatusCodes;
  /**
   * The ProgressStatus (a per-customer list in Ultimo) that means "waiting for the reporter"; a job
   * carrying it is on hold. Ultimo has no on-hold flag on a job.
   */
  holdProgressStatus: string;
  /** The customer-built workflow that adds a note to a job (Ultimo has no standard one). */
  noteAction: string;
  /** REST_ReportJob's documented workflow; the name is fixed by Ultimo. */
  reportAction: string;
  /** Longest Description accepted (unconfirmed for Ultimo; 80 like TOPdesk's brief description). */
  descriptionMaxLength: number;
  /**
   * Parameters the customer's API key adds to REST_ReportJob beyond the documented ones. Ultimo does
   * not document ExternalId on this workflow; an API key "defines which fields are exposed", so an
   * installation must expose it (or we could not find our jobs again by reference).
   */
  reportJobExtraFields: string[];
}

export interface UltimoStatusCodes {
  reported: number;
  approved: number;
  active: number;
  finished: number;
  closed: number;
}

export const DEFAULT_ULTIMO_SIMULATOR_OPTIONS: UltimoSimulatorOptions = {
  apiKey: 'sim-ultimo-key',
  otherCustomerKeys: [],
  applicationElementId: 'b1a6d3b2-0000-4000-8000-000000000001',
  requestsPer10s: 100,
  windowMs: 10_000,
  statusCodes: { reported: 1, approved: 2, active: 4, finished: 16, closed: 32 },
  holdProgressStatus: 'WACHT',
  noteAction: 'REST_AddJobNote',
  reportAction: 'REST_ReportJob',
  descriptionMaxLength: 80,
  reportJobExtraFields: ['ExternalId', 'DataProvider'],
};
