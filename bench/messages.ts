/**
 * Messages benchmark (issue 15; not a test): 1,000 families of one school on `inboxEvents`
 * sockets, staff writing 50 messages/s into their conversations through the HTTP API, an
 * announcement to the 500 families of one parallel half-way, while marks go into the journal
 * (the diary benchmark's write load) at BENCH_MARK_RATE/s. Reported: p50/p99 from send to
 * delivery on the socket, lost and duplicate deliveries, the announcement's fan-out time.
 *
 *   npm run bench:messages
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:messages
 *   BENCH_MESSAGE_RATE=50 BENCH_MARK_RATE=20 BENCH_SECONDS=30 npm run bench:messages
 *
 * The server runs as a child process (dist/server/main.js); the sockets live in this process.
 * Statements per message are fixed and tested (tests/messages/messages.test.ts, "cost").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import WebSocket from 'ws';
import { freePort } from '../server/database';
import { PROJECT_ROOT } from '../server/paths';
import { openBenchDatabase } from './bench-database';

const APP_NOW = '2026-11-20T15:00:00+03:00';
const JWT_SECRET = 'messages-benchmark-secret-not-for-production';
const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 1000);
const MESSAGE_RATE = Number(process.env.BENCH_MESSAGE_RATE ?? 50);
const MARK_RATE = Number(process.env.BENCH_MARK_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const SUBSCRIPTION = 'subscription { inboxEvents { cursor type message { id body } announcement { id } } }';
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

interface Family { token: string; userId: string; conversationId: string; grade5: boolean }
interface World { families: Family[]; staffToken: string; adminToken: string; teacherToken: string; lessons: { lessonId: string; studentIds: string[] }[] }

async function main(): Promise<void> {
  const db = await openBenchDatabase(`sj_bench_messages_${process.pid}`);
  let server: ChildProcess | null = null;
  try {
    const port = await freePort();
    server = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'server', 'main.js')], {
      env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), APP_NOW, JWT_SECRET, ACCESS_TOKEN_TTL_SECONDS: '3600', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await waitForHealth(port);
    const pg = new Client({ connectionString: db.url });
    pg.on('error', () => {});
    await pg.connect();
    const world = await prepareWorld(pg);
    await pg.end();
    const result = await run(port, world);
    console.log(`\nmessages: ${FAMILIES} families, ${MESSAGE_RATE} messages/s and ${MARK_RATE} marks/s for ${SECONDS} s, node ${process.version}, ${os.cpus().length} cores\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    if (server) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await db.close();
  }
}

async function waitForHealth(port: number): Promise<void> {
  for (let i = 0; i < 900; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

/**
 * 1,000 parents: the first half guardians of 5th-graders (the announcement's parallel), the rest
 * of other grades' pupils; each in one conversation with t.math (5th grade) or the pupil's class
 * teacher, written straight into the tables (the API's own checks judge every send).
 */
async function prepareWorld(pg: Client): Promise<World> {
  const { rows: [school] } = await pg.query(`select id from school limit 1`);
  const pupils = async (grade5: boolean) => (await pg.query(
    `select s.id, coalesce(case when $1 then (select u.id from app_user u where u.login = 't.math') end, emp.user_id) as staff_id
       from student s join enrollment e on e.student_id = s.id and e.ends_on is null join class_group c on c.id = e.class_group_id
       join employee emp on emp.id = c.class_teacher_id
      where (c.grade = 5) = $1 and emp.user_id is not null order by s.id`, [grade5])).rows as { id: string; staff_id: string }[];
  const [five, others] = [await pupils(true), await pupils(false)];
  await pg.query('begin');
  await pg.query(`insert into app_user (id, login, password_hash, must_change_password, locked, created_at)
     select gen_random_uuid(), 'bench.family.' || g, (select password_hash from app_user where login = 'admin'), false, false, now() from generate_series(1, $1) g`, [FAMILIES]);
  await pg.query(`insert into role_grant (id, user_id, role, school_id, granted_at) select gen_random_uuid(), u.id, 'PARENT', $1, now() from app_user u where u.login like 'bench.family.%'`, [school.id]);
  await pg.query(`insert into guardian (id, school_id, user_id, last_name, first_name) select gen_random_uuid(), $1, u.id, 'Родитель', u.login from app_user u where u.login like 'bench.family.%'`, [school.id]);
  const half = Math.floor(FAMILIES / 2);
  const pick = (n: number) => (n <= half ? five[(n - 1) % five.length] : others[(n - 1) % others.length]);
  const { rows: guardians } = await pg.query(`select g.id, g.user_id, substring(u.login from 14)::int as n from guardian g join app_user u on u.id = g.user_id where u.login like 'bench.family.%' order by n`);
  await pg.query(`insert into guardianship (id, guardian_id, student_id, created_at) select gen_random_uuid(), g, s, now() from unnest($1::uuid[], $2::uuid[]) as x(g, s)`,
    [guardians.map((g) => g.id), guardians.map((g) => pick(g.n).id)]);
  await pg.query(`insert into conversation (id, school_id, student_id, subject, created_by_id, created_at, last_message_at, message_count)
     select gen_random_uuid(), $1, s, 'Успеваемость', u, now(), now(), 0 from unnest($2::uuid[], $3::uuid[]) as x(s, u)`,
    [school.id, guardians.map((g) => pick(g.n).id), guardians.map((g) => g.user_id)]);
  const { rows: conversations } = await pg.query(`select c.id, c.created_by_id as parent, c.student_id from conversation c`);
  const staffOf = new Map(guardians.map((g) => [g.user_id, pick(g.n).staff_id]));
  await pg.query(`insert into conversation_participant (id, conversation_id, user_id, joined_at, last_read_number)
     select gen_random_uuid(), c, u, now(), 0 from unnest($1::uuid[], $2::uuid[]) as x(c, u)`,
    [[...conversations.map((c) => c.id), ...conversations.map((c) => c.id)], [...conversations.map((c) => c.parent), ...conversations.map((c) => staffOf.get(c.parent))]]);
  await pg.query(`insert into refresh_token (id, user_id, token_hash, family_id, created_at, expires_at)
     select gen_random_uuid(), u.id, md5(random()::text || u.id::text) || md5(u.id::text), gen_random_uuid(), now(), now() + interval '10 years'
       from app_user u where u.login like 'bench.family.%' or u.login in ('t.math', 'admin') or u.id = any($1::uuid[])`, [[...new Set(staffOf.values())]]);
  await pg.query('commit');

  const { SignJWT } = await import('jose');
  const key = new TextEncoder().encode(JWT_SECRET);
  const iat = Math.floor(new Date(APP_NOW).getTime() / 1000) - 60;
  const sign = (userId: string, sid: string) => new SignJWT({ sid }).setProtectedHeader({ alg: 'HS256' }).setSubject(userId)
    .setIssuer('school-journal').setIssuedAt(iat).setExpirationTime(iat + 36_000).sign(key);
  const { rows: sessions } = await pg.query(`select distinct on (user_id) user_id, family_id from refresh_token order by user_id, created_at desc`);
  const session = new Map(sessions.map((s) => [s.user_id, s.family_id]));
  const tokenOf = (userId: string) => sign(userId, session.get(userId));
  const byParent = new Map(conversations.map((c) => [c.parent, c.id]));
  const families = await Promise.all(guardians.map(async (g) => ({ token: await tokenOf(g.user_id), userId: g.user_id, conversationId: byParent.get(g.user_id)!, grade5: g.n <= half })));
  const { rows: [math] } = await pg.query(`select id from app_user where login = 't.math'`);
  const { rows: [admin] } = await pg.query(`select id from app_user where login = 'admin'`);
  const { rows: lessons } = await pg.query(
    `select l.id as lesson_id, array_agg(e.student_id) as student_ids from lesson l join enrollment e on e.class_group_id = l.class_group_id
      where l.date between '2026-11-18' and '2026-11-20' and l.state <> 'CANCELLED'
        and l.teacher_id = (select e2.id from employee e2 join app_user u2 on u2.id = e2.user_id where u2.login = 't.math')
        and (l.date < '2026-11-20' or l.number <= 6) group by l.id`);
  // Messages go from the staff side: t.math for the 5th grade (his token signs every send; others' through theirs).
  const staffTokens = new Map<string, string>();
  for (const id of new Set(staffOf.values())) staffTokens.set(id, await tokenOf(id));
  (families as any).staffTokenOf = (f: Family) => staffTokens.get(staffOf.get(f.userId)!)!;
  return { families, staffToken: await tokenOf(math.id), adminToken: await tokenOf(admin.id), teacherToken: await tokenOf(math.id), lessons: lessons.map((l) => ({ lessonId: l.lesson_id, studentIds: l.student_ids })) };
}

async function gql(port: number, token: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

async function run(port: number, world: World) {
  const arrivals = new Map<string, number>();
  let duplicates = 0;
  let announcementArrivals: number[] = [];
  const sockets: WebSocket[] = [];
  for (let start = 0; start < world.families.length; start += 200) {
    sockets.push(...await Promise.all(world.families.slice(start, start + 200).map((f) => new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
      ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${f.token}` } })));
      ws.on('message', (raw) => {
        const m = JSON.parse(raw.toString());
        if (m.type === 'connection_ack') {
          ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION } }));
          resolve(ws);
        } else if (m.type === 'next' && m.payload.data) {
          const e = m.payload.data.inboxEvents;
          if (e.message) {
            if (arrivals.has(e.message.id)) duplicates += 1;
            else arrivals.set(e.message.id, performance.now());
          } else if (e.announcement) announcementArrivals.push(performance.now());
        } else if (m.type === 'error') console.error('subscription error', JSON.stringify(m.payload));
      });
      ws.on('error', reject);
    }))));
  }
  await new Promise((r) => setTimeout(r, 1_500));
  const staffTokenOf = (world.families as any).staffTokenOf as (f: Family) => string;
  const sent: { id: string; sentAt: number }[] = [];
  const refused: unknown[] = [];
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  let announcementSentAt = 0;
  let announcementAudience = 0;
  // The diary's write load beside: marks at MARK_RATE/s.
  let marks = 0;
  const markLoad = (async () => {
    for (let i = 0; performance.now() - started < SECONDS * 1000; i += 1) {
      const due = started + (i * 1000) / MARK_RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const l = world.lessons[i % world.lessons.length];
      const r = await gql(port, world.teacherToken, 'mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }',
        { i: { lessonId: globalId('Lesson', l.lessonId), studentId: globalId('Student', l.studentIds[Math.floor(i / world.lessons.length) % l.studentIds.length]), value: String(3 + (i % 3)), workTypeCode: 'ORAL' } });
      if (r.data) marks += 1;
    }
  })();
  for (let i = 0; performance.now() - started < SECONDS * 1000; i += 1) {
    const due = started + (i * 1000) / MESSAGE_RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (!announcementSentAt && performance.now() - started > (SECONDS * 1000) / 2) {
      announcementSentAt = performance.now();
      inFlight.push(gql(port, world.adminToken, 'mutation($i: CreateAnnouncementInput!) { createAnnouncement(input: $i) { audienceSize } }',
        { i: { audience: 'GRADE', grade: 5, title: 'Собрание параллели', body: 'В четверг в 18:00' } }).then((r) => { announcementAudience = r.data?.createAnnouncement.audienceSize ?? -1; }));
    }
    const family = world.families[i % world.families.length];
    const sentAt = performance.now();
    inFlight.push(gql(port, staffTokenOf(family), 'mutation($i: SendMessageInput!) { sendMessage(input: $i) { id } }',
      { i: { conversationId: globalId('Conversation', family.conversationId), body: `Сообщение ${i}` } })
      .then((r) => { if (r.data) sent.push({ id: r.data.sendMessage.id, sentAt }); else refused.push(r.errors); }));
  }
  await Promise.all(inFlight);
  await markLoad;
  await new Promise((r) => setTimeout(r, 3_000));
  for (const s of sockets) s.close();
  if (refused.length > 0) console.error('first refusal', JSON.stringify(refused[0]));
  const latencies = sent.flatMap((s) => (arrivals.has(s.id) ? [arrivals.get(s.id)! - s.sentAt] : []));
  const grade5Families = world.families.filter((f) => f.grade5).length;
  announcementArrivals = announcementArrivals.map((t) => t - announcementSentAt);
  return {
    families: world.families.length, messagesSent: sent.length, refused: refused.length, delivered: latencies.length, lost: sent.length - latencies.length, duplicates,
    messagesPerSecond: Math.round((sent.length / SECONDS) * 10) / 10, marksWritten: marks,
    sendToDeliveryMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: percentile(latencies, 100) },
    announcement: { benchFamiliesInAudience: grade5Families, audienceSize: announcementAudience, deliveredToBenchSockets: announcementArrivals.length,
      lastDeliveryMs: percentile(announcementArrivals, 100), p99Ms: percentile(announcementArrivals, 99) },
  };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((x, y) => x - y);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
