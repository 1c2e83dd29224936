/**
 * PostGraphile v5 serving the diary, for the side-by-side benchmark: its Amber preset over the
 * project's tables plus one SQL function, `bench_pg.diary_lessons(student, from, to)` (created
 * (bench/queries.ts) in a schema of its own), that picks the lessons a student attends; the marks,
 * attendance, subject, teacher, class and record come through PostGraphile's own relations.
 * Like the floor it has no authorization (that would be row-level security and JWT claims).
 * Needs `--require dist/bench/promise-with-resolvers.js` on Node 20.
 */
import http from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';

async function main(): Promise<void> {
  const preset = {
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ connectionString: process.env.DATABASE_URL!, schemas: ['public', 'bench_pg'], poolConfig: { max: 10 } })],
    grafserv: { port: Number(process.env.PORT), graphiql: false, watch: false },
    grafast: { explain: false },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const handler = serv.createHandler();
  const server = http.createServer((req, res) => {
    if (req.url === '/health') res.end('ok');
    else handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT), '127.0.0.1', resolve));
  process.on('SIGTERM', () => { server.close(); void pgl.release(); });
}

main().catch((error: unknown) => { console.error(error); process.exit(1); });
