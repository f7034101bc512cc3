import type { ApiClient } from '../api/api-client';
import type { TicketPage } from '../api/contract';
import type { ConsoleStore } from './console-store';
import { listQuery, type QueueFilter } from './queue-filter';

const PAGE_SIZE = 100;

/** Loads the queue for a filter; a newer request cancels an older one, so no old answer lands. */
export class QueueLoader {
  private inFlight: AbortController | null = null;

  constructor(
    private readonly api: ApiClient,
    private readonly store: ConsoleStore,
  ) {}

  async load(filter: QueueFilter, append = false): Promise<void> {
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    const cursor = append ? this.store.getState().queue.nextCursor : null;
    if (!append) this.store.startQueueLoad(filter);
    try {
      const page = await this.api.get<TicketPage>(`/api/v1/tickets?${listQuery(filter, cursor, PAGE_SIZE)}`, {
        signal: controller.signal,
      });
      if (!controller.signal.aborted) this.store.queueLoaded(filter, page.items, page.nextCursor, append);
    } catch {
      // Shown as "could not be loaded" with a retry; an aborted request was replaced by a newer one.
      if (!controller.signal.aborted) this.store.queueFailed(filter);
    }
  }

  /** After a reconnect: the same filter again, keeping the list on screen meanwhile. */
  reload(): Promise<void> {
    return this.load(this.store.getState().queue.filter);
  }

  stop(): void {
    this.inFlight?.abort();
  }
}
