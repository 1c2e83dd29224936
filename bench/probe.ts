/**
 * Preloaded into every benchmarked server (`node --require dist/bench/probe.js`): counts the
 * SQL statements the process sends (every node-postgres `Client.query`: MikroORM's knex,
 * PostGraphile's adaptor and the floor's pool all end there) and answers the benchmark's
 * `stats` messages over IPC with that count, its CPU time and RSS.
 */
import pg from 'pg';

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

export interface ProbeStats { statements: number; cpuMicros: number; rssBytes: number }

process.on('message', (message) => {
  if (message !== 'stats' || !process.send) return;
  const cpu = process.cpuUsage();
  const stats: ProbeStats = { statements, cpuMicros: cpu.user + cpu.system, rssBytes: process.memoryUsage().rss };
  process.send(stats);
});
