import type { SimResponse } from '../sim-http';
import { FilterSyntaxError } from './ultimo-filter';
import { ultimoError } from './ultimo-error';
import { JOB_FIELDS, PATCHABLE_JOB_FIELDS, type UltimoJob, type UltimoJobStore } from './ultimo-job-store';
import { applyListQuery, parseListQuery, projectFields } from './ultimo-list-query';
import type { UltimoSimulatorOptions } from './ultimo-simulator-options';

/** `GET /object/Job('0000123')` (with an optional `select`). */
export function getJob(id: string, query: URLSearchParams, store: UltimoJobStore): SimResponse {
  const job = store.get(id);
  if (!job) return ultimoError(404, `Job '${id}' cannot be found.`, 'NotFound');
  const select = query.get('select');
  try {
    const fields = select ? select.split(',').map((f) => f.trim()) : null;
    const unknown = fields?.find((f) => !JOB_FIELDS.has(f));
    if (unknown) throw new FilterSyntaxError(`Unknown property '${unknown}'`);
    return { status: 200, body: projectFields({ ...job }, fields) };
  } catch (error) {
    return ultimoError(400, (error as Error).message, 'InvalidQuery');
  }
}

/** `GET /object/Job?filter=&orderby=&top=&skip=&select=` -> `{ items: [...] }`. */
export function listJobs(query: URLSearchParams, store: UltimoJobStore): SimResponse {
  try {
    const parsed = parseListQuery(query, JOB_FIELDS);
    const records: Record<string, unknown>[] = store.all().map((job) => ({ ...job }));
    return { status: 200, body: { items: applyListQuery(records, parsed) } };
  } catch (error) {
    if (error instanceof FilterSyntaxError) return ultimoError(400, error.message, 'InvalidQuery');
    throw error;
  }
}

/**
 * `PATCH /object/Job('id')`: Ultimo offers object writes to cloud customers only; the simulator
 * plays one. Only the given properties change; a Status that finishes the job sets its
 * StatusFinishDate, as Ultimo's business logic does.
 */
export function patchJob(
  id: string,
  body: unknown,
  store: UltimoJobStore,
  options: UltimoSimulatorOptions,
): SimResponse {
  const job = store.get(id);
  if (!job) return ultimoError(404, `Job '${id}' cannot be found.`, 'NotFound');
  if (!body || typeof body !== 'object' || Array.isArray(body) || !Object.keys(body).length) {
    return ultimoError(
      400,
      'The request body must be a JSON object with at least one property.',
      'InvalidBody',
    );
  }
  const changes = body as Record<string, unknown>;
  for (const [name, value] of Object.entries(changes)) {
    if (!PATCHABLE_JOB_FIELDS.has(name))
      return ultimoError(400, `Property '${name}' cannot be changed.`, 'ReadOnly');
    const numeric = name === 'Status';
    if (value !== null && typeof value !== (numeric ? 'number' : 'string')) {
      return ultimoError(
        400,
        `Property '${name}' must be a ${numeric ? 'number' : 'string'}.`,
        'InvalidValue',
      );
    }
  }
  if (changes.Status === null) return ultimoError(400, 'Status is required.', 'InvalidValue');
  const finishing = [options.statusCodes.finished, options.statusCodes.closed];
  const extra: Partial<UltimoJob> =
    typeof changes.Status === 'number' && finishing.includes(changes.Status) && !job.StatusFinishDate
      ? { StatusFinishDate: store.timestamp() }
      : {};
  return { status: 200, body: { ...store.update(job, { ...(changes as Partial<UltimoJob>), ...extra }) } };
}
