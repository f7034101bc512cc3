import {
  type BackOfficeConnection,
  type CaseDraft,
  type InboundStatus,
  type RemoteChange,
  categoryFor,
  mapInboundStatus,
} from '../../port/back-office-adapter';
import { locationLine, oneLine } from '../case-text';
import type { UltimoOptions } from './ultimo-options';

/**
 * The REST_ReportJob parameters for a ticket. Ultimo's job has no caller or location fields in
 * this workflow, so the report text carries them (labels in Dutch: Ultimo users read them), with
 * our reference and the console link. The category map adds the customer's own parameters
 * (`SiteId`, `WorkOrderTypeId`, `ProcessFunctionId`, `Context`, ...); ours win on a clash.
 */
export function reportJobParameters(
  conn: BackOfficeConnection,
  options: UltimoOptions,
  draft: CaseDraft,
): Record<string, string | number> {
  const names = options.reportParameters;
  return {
    ...options.reportDefaults,
    ...categoryFor(conn, draft.categoryCode),
    [names.description]: oneLine(draft.subject, options.descriptionMaxLength, draft.reference),
    [names.reportText]: reportText(draft),
    [names.reportDate]: ultimoUtc(draft.createdAt),
    [names.externalId]: draft.reference,
  };
}

function reportText(draft: CaseDraft): string {
  const lines = [draft.description.trim(), '', `Referentie: ${draft.reference}`];
  lines.push(`Soort: ${draft.kind} | Categorie: ${draft.categoryCode} | Prioriteit: ${draft.priority}`);
  const place = locationLine(draft.location);
  if (place) lines.push(`Locatie: ${place}`);
  const caller = draft.caller;
  const contact = caller ? [caller.name, caller.email, caller.phone].filter(Boolean).join(', ') : '';
  if (contact) lines.push(`Melder: ${contact}`);
  if (draft.consoleUrl) lines.push(`Meldpunt: ${draft.consoleUrl}`);
  return lines.join('\n');
}

/** Ultimo's documented UTC form for ReportDate: `yyyy-MM-ddTHH:mm:ssZ`. */
function ultimoUtc(iso: string): string {
  const ms = Date.parse(iso);
  return (Number.isNaN(ms) ? new Date() : new Date(ms)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Our reading of the numeric Status values, before the connection's own status map. */
export function defaultStatusMap(options: UltimoOptions): Record<string, InboundStatus> {
  const map: Record<string, InboundStatus> = {};
  for (const code of options.statusCodes.inProgress) map[String(code)] = 'in_progress';
  for (const code of options.statusCodes.finished) map[String(code)] = 'resolved';
  for (const code of options.statusCodes.closed) map[String(code)] = 'closed';
  return map;
}

/** The job properties a poll asks for (`select`), in the customer's names. */
export function changeSelect(options: UltimoOptions): string {
  const { id, status, feedbackText, externalId, changeDate } = options.fields;
  return [id, status, feedbackText, externalId, changeDate].join(',');
}

/**
 * One polled job as a change. The API key exposes no job notes, so `notes` is empty; what the
 * Ultimo user wrote when finishing (FeedbackText) is the closing text.
 */
export function remoteChangeFromJob(
  conn: BackOfficeConnection,
  options: UltimoOptions,
  job: Record<string, unknown>,
): RemoteChange {
  const f = options.fields;
  const id = String(job[f.id]);
  const remoteStatus = job[f.status] == null ? '' : String(job[f.status]);
  const feedback = job[f.feedbackText];
  const reference = job[f.externalId];
  const changedAt = Date.parse(String(job[f.changeDate]));
  return {
    externalId: id,
    number: id,
    reference: typeof reference === 'string' ? reference : null,
    remoteStatus,
    status: mapInboundStatus(conn, [remoteStatus], defaultStatusMap(options)),
    closingText: typeof feedback === 'string' && feedback.trim() ? feedback : null,
    notes: [],
    modifiedAt: Number.isNaN(changedAt) ? new Date().toISOString() : new Date(changedAt).toISOString(),
  };
}
