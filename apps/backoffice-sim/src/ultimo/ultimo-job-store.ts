/** A job as the simulated Ultimo API key exposes it (property names as in Ultimo's job templates). */
export interface UltimoJob {
  Id: string;
  Context: number;
  Description: string;
  ReportText: string;
  FeedbackText: string | null;
  Text: string | null;
  Status: number;
  ProgressStatus: string | null;
  ReportDate: string;
  TargetDate: string | null;
  StatusFinishDate: string | null;
  ExternalId: string | null;
  DataProvider: string | null;
  Site: string | null;
  Space: string | null;
  Equipment: string | null;
  ProcessFunction: string | null;
  WorkOrderType: string | null;
  RecordCreateDate: string;
  /** Not in Ultimo's public job templates; the simulator's stand-in for the record change date. */
  RecordChangeDate: string;
}

export interface UltimoJobNote {
  id: string;
  text: string;
  public: boolean;
  author: string | null;
  at: string;
}

export const JOB_FIELDS: ReadonlySet<string> = new Set<keyof UltimoJob>([
  'Id',
  'Context',
  'Description',
  'ReportText',
  'FeedbackText',
  'Text',
  'Status',
  'ProgressStatus',
  'ReportDate',
  'TargetDate',
  'StatusFinishDate',
  'ExternalId',
  'DataProvider',
  'Site',
  'Space',
  'Equipment',
  'ProcessFunction',
  'WorkOrderType',
  'RecordCreateDate',
  'RecordChangeDate',
]);

/** What a PATCH may change: Id, Context and the record dates are Ultimo's own. */
export const PATCHABLE_JOB_FIELDS: ReadonlySet<string> = new Set(
  [...JOB_FIELDS].filter((f) => !['Id', 'Context', 'RecordCreateDate', 'RecordChangeDate'].includes(f)),
);

/**
 * The jobs of one simulated Ultimo. Dates are ISO 8601 UTC with seconds precision, so several
 * changes often share a RecordChangeDate: pollers must page on (date, Id), not on the date alone.
 */
export class UltimoJobStore {
  private readonly jobs = new Map<string, UltimoJob>();
  private readonly notes = new Map<string, UltimoJobNote[]>();
  private lastId = 0;
  private lastNoteId = 0;

  constructor(private readonly now: () => Date = () => new Date()) {}

  create(fields: Omit<UltimoJob, 'Id' | 'RecordCreateDate' | 'RecordChangeDate'>): UltimoJob {
    const at = this.timestamp();
    const job: UltimoJob = {
      ...fields,
      Id: String(++this.lastId).padStart(7, '0'),
      RecordCreateDate: at,
      RecordChangeDate: at,
    };
    this.jobs.set(job.Id, job);
    this.notes.set(job.Id, []);
    return job;
  }

  get(id: string): UltimoJob | undefined {
    return this.jobs.get(id);
  }

  all(): UltimoJob[] {
    return [...this.jobs.values()];
  }

  /** Applies changes and bumps the record change date (even when nothing differs, like a save). */
  update(job: UltimoJob, changes: Partial<UltimoJob>): UltimoJob {
    Object.assign(job, changes, { RecordChangeDate: this.timestamp() });
    return job;
  }

  addNote(job: UltimoJob, note: Omit<UltimoJobNote, 'id' | 'at'>): UltimoJobNote {
    const stored: UltimoJobNote = { ...note, id: String(++this.lastNoteId), at: this.timestamp() };
    this.notes.get(job.Id)?.push(stored);
    this.update(job, {});
    return stored;
  }

  notesOf(id: string): UltimoJobNote[] {
    return [...(this.notes.get(id) ?? [])];
  }

  timestamp(): string {
    return this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  }

  reset(): void {
    this.jobs.clear();
    this.notes.clear();
    this.lastId = 0;
    this.lastNoteId = 0;
  }
}
