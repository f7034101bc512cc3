import type { SimResponse } from '../sim-http';
import { ultimoError } from './ultimo-error';
import type { UltimoJob, UltimoJobStore } from './ultimo-job-store';
import type { UltimoSimulatorOptions } from './ultimo-simulator-options';

/** REST_ReportJob's documented optional parameters that name another entity, and the job property each fills. */
const REFERENCE_PARAMETERS: Record<string, keyof UltimoJob> = {
  SiteId: 'Site',
  SpaceId: 'Space',
  EquipmentId: 'Equipment',
  ProcessFunctionId: 'ProcessFunction',
  WorkOrderTypeId: 'WorkOrderType',
};
const DOCUMENTED_PARAMETERS = new Set([
  'Description',
  'ReportText',
  'ReportDate',
  'Context',
  ...Object.keys(REFERENCE_PARAMETERS),
]);
/** Ultimo's documented ReportDate formats: `yyyy-MM-dd HH:mm:ss` (local) or UTC `yyyy-MM-ddTHH:mm:ssZ`. */
const REPORT_DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2}|T\d{2}:\d{2}:\d{2}Z)$/;

/**
 * `POST /action/REST_ReportJob`: reports a job like a user would. The job always starts in the
 * reported status (Ultimo: "JobStatus.Created"). Unknown parameters are refused so that a
 * connector sending a field the API key does not expose fails loudly instead of losing data.
 */
export function reportJob(
  body: unknown,
  store: UltimoJobStore,
  options: UltimoSimulatorOptions,
): SimResponse {
  const failed = (cause: string) =>
    ultimoError(400, `Job cannot be created.\r\nCause: ${cause}`, 'JobNotCreated');
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return failed('the body must be a JSON object.');
  const input = body as Record<string, unknown>;
  const extra = new Set(options.reportJobExtraFields);
  for (const [name, value] of Object.entries(input)) {
    if (!DOCUMENTED_PARAMETERS.has(name) && !extra.has(name)) return failed(`Unknown parameter '${name}'.`);
    if (value !== null && name !== 'Context' && typeof value !== 'string')
      return failed(`${name} must be a string.`);
  }
  const description = input.Description;
  if (typeof description !== 'string' || !description.trim()) return failed('Description is required.');
  if (description.length > options.descriptionMaxLength) {
    return failed(`Description is longer than ${options.descriptionMaxLength} characters.`);
  }
  if (typeof input.ReportText !== 'string' || !input.ReportText.trim())
    return failed('ReportText is required.');
  const reportDate = input.ReportDate;
  if (reportDate != null && (typeof reportDate !== 'string' || !REPORT_DATE.test(reportDate))) {
    return failed(`ReportDate ${JSON.stringify(reportDate)} is not in an allowed format.`);
  }
  const context = parseContext(input.Context);
  if (context === null) return failed(`Context ${JSON.stringify(input.Context)} is not a job context.`);
  const optional = (name: string) => (typeof input[name] === 'string' ? input[name] : null);
  const references = Object.fromEntries(
    Object.entries(REFERENCE_PARAMETERS).map(([parameter, property]) => [property, optional(parameter)]),
  );
  const job = store.create({
    Context: context,
    Description: description,
    ReportText: input.ReportText,
    FeedbackText: null,
    Text: null,
    Status: options.statusCodes.reported,
    ProgressStatus: null,
    ReportDate:
      typeof reportDate === 'string'
        ? reportDate.replace(' ', 'T').replace(/(\d)$/, '$1Z')
        : store.timestamp(),
    TargetDate: null,
    StatusFinishDate: null,
    ExternalId: optional('ExternalId'),
    DataProvider: optional('DataProvider'),
    Site: null,
    Space: null,
    Equipment: null,
    ProcessFunction: null,
    WorkOrderType: null,
    ...references,
  });
  return { status: 200, body: { properties: { JobId: job.Id } } };
}

/** `1`, `"1"` or `"JobContext.TD"` (the documented default: technical service). */
function parseContext(value: unknown): number | null {
  if (value == null || value === 'JobContext.TD') return 1;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * The note workflow (customer-built; Ultimo ships none): `{ JobId, Text, Public? }` ->
 * `{ properties: { JobId, NoteId } }`. Notes are kept on the job but not exposed as an entity,
 * as with most Ultimo API keys: connectors cannot read them back.
 */
export function addJobNote(body: unknown, store: UltimoJobStore): SimResponse {
  const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const failed = (cause: string) =>
    ultimoError(400, `Note cannot be added.\r\nCause: ${cause}`, 'NoteNotAdded');
  if (typeof input.JobId !== 'string') return failed('JobId is required.');
  const job = store.get(input.JobId);
  if (!job) return failed(`Job '${input.JobId}' cannot be found.`);
  if (typeof input.Text !== 'string' || !input.Text.trim()) return failed('Text is required.');
  if (input.Public != null && typeof input.Public !== 'boolean')
    return failed('Public must be true or false.');
  const note = store.addNote(job, { text: input.Text, public: input.Public === true, author: 'API' });
  return { status: 200, body: { properties: { JobId: job.Id, NoteId: note.id } } };
}
