import type { LoginResult, StaffUser } from '../api/contract';

const STORAGE_KEY = 'meldpunt.console.session';
// Refresh a minute before the access token expires (900 s by default), never sooner than 10 s.
const REFRESH_MARGIN_MS = 60_000;

export interface Session {
  /** A new id for every login: views and caches are keyed on it, so nothing survives a logout. */
  id: string;
  accessToken: string;
  refreshToken: string | null;
  expiresAt: number;
  user: StaffUser;
}

type Listener = () => void;

/**
 * The agent's login for this browser tab (sessionStorage: another tab or a closed browser starts
 * over). Keeps the access token fresh with the one-time refresh token; when that fails the
 * session ends and the console shows the login again, with nothing of the previous session kept.
 */
export class SessionStore {
  private session: Session | null = readStored();
  private listeners = new Set<Listener>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<boolean> | null = null;
  expiredReason: 'expired' | null = null;

  constructor(private readonly baseUrl: string) {
    this.scheduleRefresh();
  }

  current(): Session | null {
    return this.session;
  }

  token(): string | null {
    return this.session?.accessToken ?? null;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(result: LoginResult): void {
    this.expiredReason = null;
    this.set(fromLogin(result, crypto.randomUUID()));
  }

  /** Swaps the refresh token for a new pair; concurrent callers share one attempt. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  end(reason: 'expired' | null = null): void {
    this.expiredReason = reason;
    this.set(null);
  }

  async logout(): Promise<void> {
    const token = this.token();
    this.end();
    if (!token) return;
    // Best effort: the tokens are gone from this tab whatever the api answers.
    await fetch(`${this.baseUrl}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    }).catch(() => undefined);
  }

  private async doRefresh(): Promise<boolean> {
    const session = this.session;
    if (!session?.refreshToken) return false;
    try {
      const res = await fetch(`${this.baseUrl}/api/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
      if (this.session?.id !== session.id) return false;
      if (!res.ok) {
        if (res.status === 401 || res.status === 400) this.end('expired');
        return false;
      }
      this.set(fromLogin((await res.json()) as LoginResult, session.id));
      return true;
    } catch {
      // Offline for a moment: the timer tries again; a 401 on the next request also does.
      this.scheduleRefresh(15_000);
      return false;
    }
  }

  private set(session: Session | null): void {
    this.session = session;
    if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else sessionStorage.removeItem(STORAGE_KEY);
    this.scheduleRefresh();
    for (const listener of this.listeners) listener();
  }

  private scheduleRefresh(delay?: number): void {
    clearTimeout(this.refreshTimer);
    const session = this.session;
    if (!session?.refreshToken) return;
    const due = delay ?? Math.max(10_000, session.expiresAt - Date.now() - REFRESH_MARGIN_MS);
    this.refreshTimer = setTimeout(() => void this.refresh(), due);
  }
}

function fromLogin(result: LoginResult, id: string): Session {
  return {
    id,
    accessToken: result.accessToken,
    refreshToken: result.refreshToken ?? null,
    expiresAt: Date.now() + result.expiresIn * 1000,
    user: result.user,
  };
}

function readStored(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    // An expired access token without a refresh token cannot come back: start at the login.
    if (session.expiresAt <= Date.now() && !session.refreshToken) return null;
    return session;
  } catch {
    return null;
  }
}
