import { handleCaseAdmin } from '../case-admin';
import type { SimRequest, SimResponse } from '../sim-http';
import type { UltimoJob, UltimoJobStore } from './ultimo-job-store';
import type { UltimoSimulatorOptions } from './ultimo-simulator-options';

/**
 * The generic admin surface every simulated tool offers (tests and the benchmark drive the tools
 * through it): list cases, move a case's status and add a note, as an Ultimo user would: a
 * numeric Status, the FeedbackText typed when finishing, and Ultimo's StatusFinishDate.
 */
export function handleUltimoAdmin(
  store: UltimoJobStore,
  options: UltimoSimulatorOptions,
  req: SimRequest,
): SimResponse {
  const codes = options.statusCodes;
  return handleCaseAdmin<UltimoJob>(
    {
      noun: 'job',
      list: (reference) => store.all().filter((job) => reference === null || job.ExternalId === reference),
      get: (id) => store.get(id),
      addNote: (job, text, isPublic) => store.addNote(job, { text, public: isPublic, author: 'Ultimo user' }),
      setStatus: (job, status, closingText) => {
        const code = { in_progress: codes.active, completed: codes.finished, closed: codes.closed }[status];
        const changes: Partial<UltimoJob> = { Status: code };
        if (status === 'in_progress') {
          changes.StatusFinishDate = null;
        } else {
          // Finishing takes the job off hold; the feedback is what the user typed when finishing.
          if (job.ProgressStatus === options.holdProgressStatus) changes.ProgressStatus = null;
          if (closingText) changes.FeedbackText = closingText;
          if (!job.StatusFinishDate) changes.StatusFinishDate = store.timestamp();
        }
        store.update(job, changes);
      },
      json: (job) => caseJson(store, options, job),
    },
    req,
  );
}

function caseJson(store: UltimoJobStore, options: UltimoSimulatorOptions, job: UltimoJob) {
  const { finished, closed } = options.statusCodes;
  return {
    id: job.Id,
    number: job.Id,
    reference: job.ExternalId,
    status: String(job.Status),
    onHold: job.ProgressStatus === options.holdProgressStatus,
    completed: job.Status === finished || job.Status === closed,
    closed: job.Status === closed,
    notes: store
      .notesOf(job.Id)
      .map(({ id, text, public: isPublic, author }) => ({ id, text, public: isPublic, author })),
    createdAt: job.RecordCreateDate,
    modifiedAt: job.RecordChangeDate,
  };
}
