import { handleCaseAdmin, type AdminStatus } from '../case-admin';
import type { SimRequest, SimResponse } from '../sim-http';
import type { ThreePCase, ThreePCaseStore, ThreePStatus } from './threep-case-store';

const STATUSES: Record<AdminStatus, ThreePStatus> = {
  in_progress: 'in_progress',
  completed: 'completed',
  closed: 'closed',
};

/**
 * The generic admin surface every simulated tool offers (tests and the benchmark drive the tools
 * through it): list cases, move a case's status and add a note, as someone working in 3P would.
 * Every change lands in the change feed.
 */
export function handleThreePAdmin(store: ThreePCaseStore, req: SimRequest): SimResponse {
  return handleCaseAdmin<ThreePCase>(
    {
      noun: 'case',
      list: (reference) => store.all().filter((c) => reference === null || c.reference === reference),
      get: (id) => store.get(id),
      addNote: (c, text, isPublic) =>
        store.addNote(c, {
          text,
          visibility: isPublic ? 'public' : 'internal',
          author: '3P user',
          source: 'user',
        }),
      setStatus: (c, status, closingText) => {
        const changes: Partial<ThreePCase> = { status: STATUSES[status] };
        if (status !== 'in_progress') {
          // Finishing a case ends any wait; the closing text is what the user wrote when finishing.
          Object.assign(changes, { onHold: false, holdReason: null });
          if (closingText) changes.closingText = closingText;
        }
        store.change(c, changes, 'case.status_changed');
      },
      json: caseJson,
    },
    req,
  );
}

function caseJson(c: ThreePCase) {
  return {
    id: c.id,
    number: c.number,
    reference: c.reference,
    status: c.status,
    onHold: c.onHold,
    completed: c.status === 'completed' || c.status === 'closed',
    closed: c.status === 'closed',
    notes: c.notes.map((n) => ({
      id: n.id,
      text: n.text,
      public: n.visibility === 'public',
      author: n.author,
    })),
    createdAt: c.createdAt,
    modifiedAt: c.modifiedAt,
  };
}
