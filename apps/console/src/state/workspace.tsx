import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { ApiClient } from '../api/api-client';
import type { Category, Municipality } from '../api/contract';
import { LiveConnection } from '../live/live-connection';
import type { Session, SessionStore } from '../session/session-store';
import { ConsoleStore, type ConsoleState } from './console-store';
import { DEFAULT_FILTER } from './queue-filter';
import { QueueLoader } from './queue-loader';

export interface Workspace {
  session: Session;
  sessions: SessionStore;
  api: ApiClient;
  store: ConsoleStore;
  queue: QueueLoader;
  live: LiveConnection | null;
  municipalities: Municipality[];
  /** The regional categories and every municipality's own: to name a ticket's category. */
  categories: Category[];
  /** What a municipality offers (under its names); the regional list while it is unknown. */
  categoriesFor: (municipalityCode: string | undefined) => Category[];
  /** Loads the categories again, after an admin changed a municipality's. */
  reloadCategories: () => void;
}

interface Reference {
  municipalities: Municipality[];
  regional: Category[];
  offered: Record<string, Category[]>;
}

const WorkspaceContext = createContext<Workspace | null>(null);

/**
 * Everything of one login: api client, state, socket. Mounted with the session id as key, so a
 * logout or another agent's login starts from nothing: no ticket of the previous session stays.
 */
export function WorkspaceProvider({
  session,
  sessions,
  children,
}: {
  session: Session;
  sessions: SessionStore;
  children: ReactNode;
}) {
  const api = useMemo(() => new ApiClient(location.origin, sessions), [sessions]);
  const store = useMemo(() => new ConsoleStore(session.user, DEFAULT_FILTER), [session.user]);
  const queue = useMemo(() => new QueueLoader(api, store), [api, store]);
  const [live, setLive] = useState<LiveConnection | null>(null);
  const [reference, setReference] = useState<Reference>({ municipalities: [], regional: [], offered: {} });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const connection = new LiveConnection(location.origin, sessions, {
      ticket: (name, event) => store.applyEvent(name, event),
      presence: (event) => store.setAgents(event.agents ?? []),
      synced: () => void queue.reload(),
      status: (status) => store.setLive(status),
    });
    setLive(connection);
    return () => {
      connection.close();
      queue.stop();
    };
  }, [sessions, store, queue]);

  // Municipalities and categories: once per session (and after a change), tried again until the api answers.
  useEffect(() => {
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      loadReference(api)
        .then((loaded) => {
          if (!cancelled) setReference(loaded);
        })
        .catch(() => {
          if (!cancelled) retry = setTimeout(() => void load(), 5000);
        });
    void load();
    return () => {
      cancelled = true;
      clearTimeout(retry);
    };
  }, [api, generation]);

  const value = useMemo<Workspace>(() => {
    const { municipalities, regional, offered } = reference;
    const local = Object.values(offered)
      .flat()
      .filter((c) => c.origin === 'local');
    return {
      session,
      sessions,
      api,
      store,
      queue,
      live,
      municipalities,
      categories: [...regional, ...local],
      categoriesFor: (code) => (code && offered[code]) || regional,
      reloadCategories: () => setGeneration((g) => g + 1),
    };
  }, [session, sessions, api, store, queue, live, reference]);
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

async function loadReference(api: ApiClient): Promise<Reference> {
  const [municipalities, regional] = await Promise.all([
    api.get<Municipality[]>('/api/v1/municipalities'),
    api.get<Category[]>('/api/v1/categories'),
  ]);
  const lists = await Promise.all(
    municipalities.map((m) => api.get<Category[]>(`/api/v1/municipalities/${m.code}/categories`)),
  );
  return {
    municipalities,
    regional,
    offered: Object.fromEntries(municipalities.map((m, i) => [m.code, lists[i]])),
  };
}

export function useWorkspace(): Workspace {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}

export function useConsoleState(): ConsoleState {
  const { store } = useWorkspace();
  return useSyncExternalStore(store.subscribe, store.getState);
}
