/**
 * Sign-in timing (a benchmark, not a test): does a failed login take as long for a known
 * login as for an unknown one, and does a throttled login answer alike for both? Runs the
 * server as a child process on its own embedded PostgreSQL with the demo school, every
 * request from its own client address (TRUST_PROXY) so only the account throttle applies.
 *
 *   npm run bench:login-timing            # 60 failed sign-ins of each kind, 20 throttled of each
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedPostgres } from '../server/database';
import { PROJECT_ROOT } from '../server/paths';

/** Four failures per demo login stay under the account limit (5). */
const ROUNDS = 4;
const DEMO_LOGINS = ['admin', 'director', 'zavuch', 'secretary', 'coordinator', 't.math', 't.russian', 't.primary',
  's.ivanov', 's.petrova', 's.sidorov', 's.ivanova', 'p.ivanova', 'p.petrov', 'p.sidorova'];
const LOGIN = `mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }`;

let address = 0;
async function timeLogin(port: number, login: string): Promise<{ ms: number; code: string }> {
  address += 1;
  const started = process.hrtime.bigint();
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.18.${Math.floor(address / 250)}.${1 + (address % 250)}` },
    body: JSON.stringify({ query: LOGIN, variables: { l: login, p: 'not-the-password' } }),
  });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, code: body.errors?.[0]?.extensions?.code ?? 'OK' };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const summary = (xs: number[]) => `median ${quantile(xs, 0.5).toFixed(1)} ms, p90 ${quantile(xs, 0.9).toFixed(1)} ms (n=${xs.length})`;

async function main(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'school-journal-login-timing-'));
  fs.chmodSync(dir, 0o777);
  const db = await startEmbeddedPostgres(path.join(dir, 'pg'));
  const port = await freePort();
  const server = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'server', 'main.js')], {
    env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), APP_NOW: '2026-11-20T15:00:00+03:00', TRUST_PROXY: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; !(await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)); i++) {
      if (i > 600) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < ROUNDS * DEMO_LOGINS.length; i++) {
      const login = DEMO_LOGINS[i % DEMO_LOGINS.length];
      const [a, b] = i % 2 ? [login, `nobody.${i}`] : [`nobody.${i}`, login];
      const first = await timeLogin(port, a);
      const second = await timeLogin(port, b);
      (a === login ? known : unknown).push(first.ms);
      (b === login ? known : unknown).push(second.ms);
      if (first.code !== 'UNAUTHENTICATED' || second.code !== 'UNAUTHENTICATED') throw new Error(`unexpected ${first.code}/${second.code}`);
    }
    // Lock out a known and an unknown login alike, then time the refusals.
    const lockedKnown: number[] = [];
    const lockedUnknown: number[] = [];
    for (let i = 0; i < 6; i++) await timeLogin(port, 'nobody.locked');
    for (const login of DEMO_LOGINS) await timeLogin(port, login); // the fifth failure: locked out
    for (let i = 0; i < 20; i++) {
      const k = await timeLogin(port, DEMO_LOGINS[i % DEMO_LOGINS.length]);
      const u = await timeLogin(port, 'nobody.locked');
      if (k.code !== 'TOO_MANY_ATTEMPTS' || u.code !== 'TOO_MANY_ATTEMPTS') throw new Error(`expected lockouts, got ${k.code}/${u.code}`);
      lockedKnown.push(k.ms);
      lockedUnknown.push(u.ms);
    }
    console.log('failed sign-in, wrong password, known login:  ', summary(known));
    console.log('failed sign-in, unknown login:                ', summary(unknown));
    console.log('throttled sign-in (locked out), known login:  ', summary(lockedKnown));
    console.log('throttled sign-in (locked out), unknown login:', summary(lockedUnknown));
    return 0;
  } finally {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error('login timing failed:', error);
  process.exit(1);
});
