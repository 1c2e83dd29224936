import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/** What a request arriving during shutdown gets: a clean "try elsewhere", never a 500 from a closing pool. */
const SHUTTING_DOWN = {
  errors: [{ message: 'The server is shutting down; nothing was done, retry (on another instance).', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
};

/**
 * The HTTP side of a graceful stop. Every request passes `gate`, which counts it in; once
 * `drain` has begun, new requests (on new or kept-alive connections alike) are answered 503
 * SERVICE_UNAVAILABLE with `Connection: close`, and `drain` resolves when the requests accepted
 * before it have answered, so the database is closed only under requests that are done.
 */
export class RequestDrain {
  private readonly inFlight = new Set<ServerResponse>();
  /** The handlers `track` runs: a request whose client hung up is done only when its handler is. */
  private readonly handlers = new WeakMap<ServerResponse, Promise<unknown>>();
  private draining = false;
  private drained: (() => void) | null = null;

  get accepting(): boolean {
    return !this.draining;
  }

  readonly gate: RequestHandler = (_req, res, next) => {
    if (this.draining) {
      res.setHeader('connection', 'close');
      res.status(503).json(SHUTTING_DOWN);
      return;
    }
    this.inFlight.add(res);
    const done = () => {
      this.inFlight.delete(res);
      if (this.draining && this.inFlight.size === 0) this.drained?.();
    };
    res.once('finish', done);
    // A client that hangs up never gets 'finish', but its operation may still be running (waiting for
    // a pooled connection, say): it counts until its handler settles, or the pool would close under it.
    res.once('close', () => {
      const handler = this.handlers.get(res);
      if (handler) void handler.finally(done);
      else done();
    });
    next();
  };

  /** Wraps a route's handler (the GraphQL endpoint) so a drain waits for it, not only for its response. */
  track(handler: RequestHandler): RequestHandler {
    return (req, res, next) => {
      const running = Promise.resolve().then(() => handler(req, res, next));
      this.handlers.set(res, running.catch(() => undefined));
      return running;
    };
  }

  /**
   * Refuses new requests from now on and waits for the accepted ones, at most `graceMs`.
   * Answers how many were still running when the grace ran out (0: all answered).
   */
  async drain(graceMs: number): Promise<number> {
    this.draining = true;
    // Their connections close once they have answered: a client sends its next request elsewhere.
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    if (this.inFlight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => { this.drained = resolve; }),
        new Promise<void>((resolve) => { timer = setTimeout(resolve, graceMs); }),
      ]);
      clearTimeout(timer);
    }
    return this.inFlight.size;
  }
}
