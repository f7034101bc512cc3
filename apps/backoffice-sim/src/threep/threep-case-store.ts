/** The 3P exchange contract's resources (docs/adapters/3p.md), as the simulator stores them. */
export type ThreePStatus = 'received' | 'in_progress' | 'completed' | 'closed';

export interface ThreePNote {
  id: string;
  text: string;
  visibility: 'public' | 'internal';
  author: string | null;
  /** `api`: written through the API (by us); `user`: by someone working in 3P. */
  source: 'api' | 'user';
  createdAt: string;
}

export interface ThreePCaseInput {
  subject: string;
  description: string;
  kind: string | null;
  category: string | null;
  classification: Record<string, string>;
  priority: string | null;
  reportedAt: string | null;
  location: Record<string, unknown> | null;
  caller: Record<string, unknown> | null;
  consoleUrl: string | null;
}

export interface ThreePCase extends ThreePCaseInput {
  id: string;
  number: string;
  reference: string;
  status: ThreePStatus;
  onHold: boolean;
  holdReason: string | null;
  closingText: string | null;
  createdAt: string;
  modifiedAt: string;
  notes: ThreePNote[];
}

export type ThreePChangeType =
  'case.created' | 'case.status_changed' | 'case.hold_changed' | 'case.note_added';

/** One entry of the change feed: the case as it was right after the change. */
export interface ThreePChange {
  sequence: number;
  type: ThreePChangeType;
  occurredAt: string;
  case: Pick<ThreePCase, 'id' | 'number' | 'reference' | 'status' | 'onHold' | 'closingText' | 'modifiedAt'>;
  note?: ThreePNote;
}

/**
 * Cases plus the append-only change feed. Sequences only grow, so a reader's cursor never skips
 * or repeats an entry, however many changes share a timestamp. `retention` trims the oldest
 * entries, as a real feed would after some days.
 */
export class ThreePCaseStore {
  private readonly cases = new Map<string, ThreePCase>();
  private readonly byReference = new Map<string, ThreePCase>();
  private feed: ThreePChange[] = [];
  private lastSequence = 0;
  private lastCase = 0;
  private lastNote = 0;

  constructor(
    private readonly now: () => number,
    private readonly retention: number,
  ) {}

  create(reference: string, input: ThreePCaseInput): ThreePCase {
    const at = this.timestamp();
    const n = ++this.lastCase;
    const stored: ThreePCase = {
      ...input,
      id: `c${String(n).padStart(6, '0')}`,
      number: `3P-${at.slice(0, 4)}-${String(n).padStart(5, '0')}`,
      reference,
      status: 'received',
      onHold: false,
      holdReason: null,
      closingText: null,
      createdAt: at,
      modifiedAt: at,
      notes: [],
    };
    this.cases.set(stored.id, stored);
    this.byReference.set(reference, stored);
    this.record(stored, 'case.created');
    return stored;
  }

  get(id: string): ThreePCase | undefined {
    return this.cases.get(id);
  }

  findByReference(reference: string): ThreePCase | undefined {
    return this.byReference.get(reference);
  }

  all(): ThreePCase[] {
    return [...this.cases.values()];
  }

  change(stored: ThreePCase, changes: Partial<ThreePCase>, type: ThreePChangeType): ThreePCase {
    Object.assign(stored, changes, { modifiedAt: this.timestamp() });
    this.record(stored, type);
    return stored;
  }

  addNote(stored: ThreePCase, note: Omit<ThreePNote, 'id' | 'createdAt'>): ThreePNote {
    const created: ThreePNote = { ...note, id: `n${++this.lastNote}`, createdAt: this.timestamp() };
    stored.notes.push(created);
    stored.modifiedAt = created.createdAt;
    this.record(stored, 'case.note_added', created);
    return created;
  }

  /** Entries after `sequence`, or from `fromMs` on; `expired` when entries the reader needs are gone. */
  changesAfter(sequence: number | null, fromMs: number | null, limit: number) {
    const oldestKept = this.feed[0]?.sequence ?? this.lastSequence + 1;
    const expired = sequence !== null && sequence + 1 < oldestKept;
    const entries = this.feed.filter((e) =>
      sequence !== null ? e.sequence > sequence : fromMs === null || Date.parse(e.occurredAt) >= fromMs,
    );
    return { expired, entries: entries.slice(0, limit), hasMore: entries.length > limit };
  }

  get latestSequence(): number {
    return this.lastSequence;
  }

  timestamp(): string {
    return new Date(this.now()).toISOString();
  }

  private record(stored: ThreePCase, type: ThreePChangeType, note?: ThreePNote): void {
    const { id, number, reference, status, onHold, closingText, modifiedAt } = stored;
    const entry: ThreePChange = {
      sequence: ++this.lastSequence,
      type,
      occurredAt: modifiedAt,
      case: { id, number, reference, status, onHold, closingText, modifiedAt },
    };
    if (note) entry.note = { ...note };
    this.feed.push(entry);
    if (this.feed.length > this.retention) this.feed = this.feed.slice(this.feed.length - this.retention);
  }
}
