import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type ExecutionResult } from 'graphql';
import { createClient, type Client, type ClientOptions } from 'graphql-ws';

/**
 * A small typed client over the generated operations (client/generated/graphql.ts):
 * `request` for queries and mutations over HTTP, `subscribe` for graphql-ws. The
 * result and variable types come from the TypedDocumentNode, so a change to the
 * schema or to an operation shows up as a type error in the app using it.
 */
export * from './generated/graphql';

export interface JournalClientOptions {
  /** `http://host:4000/graphql`; the socket goes to the same path over ws(s). */
  url: string;
  token?: string;
  /** In Node, `require('ws')`. */
  webSocketImpl?: ClientOptions['webSocketImpl'];
}

export class JournalClient {
  private socket?: Client;

  constructor(private readonly options: JournalClientOptions) {}

  withToken(token: string): JournalClient {
    return new JournalClient({ ...this.options, token });
  }

  async request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<ExecutionResult<TResult>> {
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}) },
      body: JSON.stringify({ query: print(document), variables }),
    });
    return (await response.json()) as ExecutionResult<TResult>;
  }

  /** Calls `next` for every result until `complete`; returns the function that unsubscribes. */
  subscribe<TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    sink: { next: (result: ExecutionResult<TResult>) => void; error?: (error: unknown) => void; complete?: () => void },
  ): () => void {
    this.socket ??= createClient({
      url: this.options.url.replace(/^http/, 'ws'),
      webSocketImpl: this.options.webSocketImpl,
      connectionParams: this.options.token ? { authorization: `Bearer ${this.options.token}` } : {},
      retryAttempts: 0,
    });
    return this.socket.subscribe<TResult>({ query: print(document), variables }, {
      next: (result) => sink.next(result as ExecutionResult<TResult>),
      error: (error) => sink.error?.(error),
      complete: () => sink.complete?.(),
    });
  }

  async close(): Promise<void> {
    await this.socket?.dispose();
  }
}
