import type { EntityManager } from '@mikro-orm/postgresql';
import { pruneExclusively, type PruneOutcome, type PruneSettings } from '../domain/ops/retention';
import type { Clock } from '../lib/clock';
import type { RetentionConfig } from './config';
import { IDEMPOTENCY_TTL_HOURS } from './idempotency';
import { describeFault, type Logger } from './logging';

/** The domain's prune settings from the server's (the idempotency TTL is the server's own). */
export function pruneSettings(config: RetentionConfig): PruneSettings {
  return {
    outboxDays: config.outboxDays, idempotencyGraceHours: config.idempotencyGraceHours,
    loginCounterGraceMinutes: config.loginCounterGraceMinutes, sessionGraceDays: config.sessionGraceDays,
    messagesDays: config.messagesDays, absenceNoteScanDays: config.absenceNoteScanDays,
    batchSize: config.batchSize, idempotencyTtlHours: IDEMPOTENCY_TTL_HOURS,
  };
}

/** The first run comes at most this long after start, so instances restarted often still prune. */
const FIRST_RUN_AT_MOST_MS = 60_000;

/**
 * The retention prune on a schedule inside the server (domain/ops/retention.ts): every
 * RETENTION_INTERVAL_SECONDS one instance of those on the database prunes (the others find the lock
 * taken and skip that round). `stop()` (app close) cancels the next run and lets a running one end
 * after its current batch.
 */
export class RetentionSchedule {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<PruneOutcome | null> | null = null;
  private stopped = false;

  constructor(private readonly options: { databaseUrl: string; em: EntityManager; clock: Clock; config: RetentionConfig; log?: Logger }) {}

  start(): void {
    const intervalMs = this.options.config.intervalSeconds * 1000;
    if (intervalMs <= 0) return;
    this.plan(Math.min(intervalMs, FIRST_RUN_AT_MOST_MS));
  }

  /** One prune now (unless another instance is pruning); null when it failed (logged). */
  runOnce(): Promise<PruneOutcome | null> {
    if (this.running) return this.running;
    const run = pruneExclusively(
      this.options.databaseUrl, this.options.em, this.options.clock.now(), pruneSettings(this.options.config), () => this.stopped,
    ).then((outcome) => {
      if (outcome.ran) {
        const { report } = outcome;
        const deleted = report.outbox.deleted + report.idempotencyRecords.deleted + report.loginCounters.deleted + report.sessions.deleted;
        if (deleted > 0) this.options.log?.info({ component: 'retention', report }, 'pruned');
      }
      return outcome;
    }, (error: unknown) => {
      if (!this.stopped) this.options.log?.error({ component: 'retention', fault: describeFault(error) }, 'pruning failed; the next run retries');
      return null;
    });
    this.running = run.finally(() => { this.running = null; });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private plan(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runOnce().then(() => this.plan(this.options.config.intervalSeconds * 1000));
    }, delayMs);
    this.timer.unref();
  }
}
