import { buildWorld, type World } from '../support/factories';
import { TestServer } from '../support/server';
import { DEFAULT_RETENTION, pruneExpired } from '../../domain/ops/retention';
import { caller, sid, uid, START } from './support';

// Messages and notes are personal data with a documented retention (README, Retention):
// RETENTION_MESSAGES_DAYS for conversations (by their last message) and announcements,
// RETENTION_ABSENCE_NOTE_SCAN_DAYS for a note's scan (the note itself stays with the journal).

let server: TestServer;
let w: World;
let as: ReturnType<typeof caller>;

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
  as = caller(server);
});
afterAll(async () => { await server.stop(); });

const sql = (q: string, p: unknown[] = []) => server.em().getConnection().execute(q, p);
const uuidOf = (gid: string) => Buffer.from(gid, 'base64url').toString().split(':')[1];

it('prunes conversations and announcements past the period and the scans of old notes, nothing younger', async () => {
  const old = await as(w.parent.user).ok(START, { i: { studentId: sid(w.student.student), participantIds: [uid(w.teacher.user)], subject: 'Старое', body: 'давно' } });
  const recent = await as(w.parent.user).ok(START, { i: { studentId: sid(w.student.student), participantIds: [uid(w.teacher.user)], subject: 'Новое', body: 'сейчас' } });
  await sql(`update conversation set last_message_at = last_message_at - interval '1100 days' where id = ?`, [uuidOf(old.id)]);
  const staged = await (async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4 scan')]), 'scan.pdf');
    const res = await fetch(`${server.url}/uploads?purpose=absence-note`, { method: 'POST', headers: { authorization: `Bearer ${await server.token(w.parent.user.id)}` }, body: form });
    return (await res.json() as any).files[0].id as string;
  })();
  const note = await as(w.parent.user).ok(`mutation($i: SubmitAbsenceNoteInput!) { submitAbsenceNote(input: $i) { id } }`,
    { i: { studentId: sid(w.student.student), startsOn: '2026-11-16', reason: 'ILLNESS', documentId: staged } });
  await sql(`update absence_note set created_at = created_at - interval '400 days' where id = ?`, [uuidOf(note.id)]);

  const report = await pruneExpired(server.em(), server.clock.now(), { ...DEFAULT_RETENTION, idempotencyTtlHours: 24 });
  expect(report.conversations.deleted).toBe(1);
  expect(report.absenceNoteScans.deleted).toBe(1);
  expect((await sql(`select id from conversation`)).map((r: any) => r.id)).toEqual([uuidOf(recent.id)]);
  expect(await sql(`select count(*)::int n from message where conversation_id = ?`, [uuidOf(old.id)])).toEqual([{ n: 0 }]);
  expect(await sql(`select document_content is null as gone, document_type from absence_note where id = ?`, [uuidOf(note.id)])).toEqual([{ gone: true, document_type: 'application/pdf' }]);
});
