import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** What one subscription has received so far. */
export interface Stream<T = any> {
  events: T[];
  errors: unknown[];
  completed: boolean;
  unsubscribe(): void;
}

/**
 * A graphql-ws client as a third-party diary app would use it, with the socket's close
 * code recorded. It never retries, so a refused or closed socket stays closed.
 */
export class LiveClient {
  closeCode: number | null = null;
  closeReason = '';
  private readonly client: Client;
  private readonly opened: Promise<void>;

  constructor(url: string, token: string | null, connectionParams?: Record<string, unknown>) {
    let markOpen: () => void = () => {};
    this.opened = new Promise((resolve) => { markOpen = resolve; });
    this.client = createClient({
      url,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams: connectionParams ?? (token ? { authorization: `Bearer ${token}` } : {}),
      on: {
        connected: () => markOpen(),
        closed: (event) => {
          const e = event as { code?: number; reason?: string };
          this.closeCode = e.code ?? null;
          this.closeReason = e.reason ?? '';
          markOpen();
        },
      },
      onNonLazyError: () => {},
    });
  }

  /** Resolves once the server acknowledged the connection (or closed it). */
  ready(): Promise<void> {
    return this.opened;
  }

  subscribe<T = any>(query: string, variables: Record<string, unknown> = {}): Stream<T> {
    const stream: Stream<T> = { events: [], errors: [], completed: false, unsubscribe: () => {} };
    stream.unsubscribe = this.client.subscribe<T>({ query, variables }, {
      next: (value) => {
        if (value.errors) stream.errors.push(...value.errors);
        if (value.data) stream.events.push((value.data as any).diaryEvents ?? value.data);
      },
      error: (error) => { stream.errors.push(error); },
      complete: () => { stream.completed = true; },
    });
    return stream;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

/** Waits until `condition` holds, or fails after `timeoutMs` with what it saw. */
export async function waitFor(condition: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Lets a moment pass, to show that nothing more arrives. */
export const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

export const DIARY_EVENTS = `subscription($studentId: ID, $after: String) {
  diaryEvents(studentId: $studentId, after: $after) {
    cursor type occurredAt
    student { id fullName }
    mark { id value corrected workType { code } }
    attendance { id kind reason }
    lesson { id date topic homework }
  }
}`;
