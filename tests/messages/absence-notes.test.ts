import { buildLesson, buildWorld, type World } from '../support/factories';
import { TEST_NOW, TestServer } from '../support/server';
import { toGlobalId } from '../../schema/global-id';
import { caller, sid } from './support';

// Absence notes from families (issue 15 part 4): a parent reports, the class teacher accepts
// (the reasons go into the journal through rule 8's path, now and as absences are recorded) or
// declines; refusals change nothing; the scan is staged through POST /uploads with a type and size limit.

let server: TestServer;
let w: World;
let as: ReturnType<typeof caller>;

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
  as = caller(server);
});
afterEach(() => server.clock.set(TEST_NOW));
afterAll(async () => { await server.stop(); });

const SUBMIT = `mutation($i: SubmitAbsenceNoteInput!) { submitAbsenceNote(input: $i) { id state reason documentType documentSize student { id } } }`;
const DECIDE = `mutation($i: DecideAbsenceNoteInput!) { decideAbsenceNote(input: $i) { id state decisionComment } }`;
const NOTES = `query($s: ID) { absenceNotes(studentId: $s) { totalCount edges { node { id state } } } }`;
const RECORD = `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id kind reason document } }`;
const sql = (q: string, p: unknown[] = []) => server.em().getConnection().execute(q, p);
const uuidOf = (gid: string) => Buffer.from(gid, 'base64url').toString().split(':')[1];

async function upload(user: { id: string }, name: string, content: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([content]), name);
  const res = await fetch(`${server.url}/uploads?purpose=absence-note`, { method: 'POST', headers: { authorization: `Bearer ${await server.token(user.id)}` }, body: form });
  return { status: res.status, body: await res.json() as any };
}

it('accepted: the recorded absence gets the reason in the journal, with its audit entry and events', async () => {
  const absence = await as(w.teacher.user).ok(RECORD, { i: { lessonId: toGlobalId('Lesson', w.lesson.id), studentId: sid(w.student.student), kind: 'ABSENT' } });
  expect(absence.reason).toBe('UNKNOWN');
  const note = await as(w.parent.user).ok(SUBMIT, { i: { studentId: sid(w.student.student), startsOn: '2026-11-20', reason: 'ILLNESS', comment: 'Температура' } });
  expect(note.state).toBe('SUBMITTED');
  const submitted = await sql(`select recipient_id from diary_event where absence_note_id = ? and type = 'ABSENCE_NOTE_SUBMITTED'`, [uuidOf(note.id)]);
  expect(submitted.map((r: any) => r.recipient_id)).toEqual([w.classTeacher.user.id]);

  const decided = await as(w.classTeacher.user).ok(DECIDE, { i: { noteId: note.id, accept: true } });
  expect(decided.state).toBe('ACCEPTED');
  const [row] = await sql(`select reason, document from attendance where id = ?`, [uuidOf(absence.id)]);
  expect(row).toEqual({ reason: 'ILLNESS', document: 'Заявление родителя (2026-11-20)' });
  const audits = await sql(`select action from audit_entry where entity_id in (?, ?) order by at, action`, [uuidOf(absence.id), uuidOf(note.id)]);
  expect(audits.map((a: any) => a.action)).toEqual(expect.arrayContaining(['attendance.reason', 'absence_note.accept', 'absence_note.submit']));
  const events = await sql(`select type, recipient_id from diary_event where (attendance_id = ? and type = 'ABSENCE_REASON_SET') or (absence_note_id = ? and type = 'ABSENCE_NOTE_DECIDED')`, [uuidOf(absence.id), uuidOf(note.id)]);
  expect(events.filter((e: any) => e.type === 'ABSENCE_REASON_SET')).toHaveLength(1);
  expect(events.filter((e: any) => e.type === 'ABSENCE_NOTE_DECIDED').map((e: any) => e.recipient_id).sort()).toEqual([w.parent.user.id, w.student.user!.id].sort());
  expect(await as(w.classTeacher.user).code(DECIDE, { i: { noteId: note.id, accept: false } })).toBe('CONFLICT');
});

it('accepted for days to come: the absence takes the reason as the teacher records it', async () => {
  const note = await as(w.parent.user).ok(SUBMIT, { i: { studentId: sid(w.student.student), startsOn: '2026-11-23', endsOn: '2026-11-24', firstLesson: 1, lastLesson: 2, reason: 'EXCUSED' } });
  await as(w.classTeacher.user).ok(DECIDE, { i: { noteId: note.id, accept: true } });
  const covered = await buildLesson(server.em(), { classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, date: '2026-11-23', number: 2 });
  const outside = await buildLesson(server.em(), { classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, date: '2026-11-23', number: 5 });
  server.clock.set('2026-11-23T15:00:00+03:00');
  const teacher = caller(server)(w.teacher.user); // a token of the new day
  const a = await teacher.ok(RECORD, { i: { lessonId: toGlobalId('Lesson', covered.id), studentId: sid(w.student.student), kind: 'ABSENT' } });
  expect(a).toMatchObject({ reason: 'EXCUSED', document: 'Заявление родителя (2026-11-23)' });
  const b = await teacher.ok(RECORD, { i: { lessonId: toGlobalId('Lesson', outside.id), studentId: sid(w.student.student), kind: 'ABSENT' } });
  expect(b.reason).toBe('UNKNOWN');
  const events = await sql(`select type from diary_event where attendance_id = ? order by id`, [uuidOf(a.id)]);
  expect(events.map((e: any) => e.type)).toEqual(['ABSENCE_RECORDED', 'ABSENCE_REASON_SET']);
});

it('accepted for days to come: a lesson\'s column recorded at once takes the reason too (recordLessonEntries)', async () => {
  const note = await as(w.parent.user).ok(SUBMIT, { i: { studentId: sid(w.student.student), startsOn: '2026-11-25', endsOn: '2026-11-25', reason: 'ILLNESS' } });
  await as(w.classTeacher.user).ok(DECIDE, { i: { noteId: note.id, accept: true } });
  const lesson = await buildLesson(server.em(), { classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, date: '2026-11-25', number: 1 });
  server.clock.set('2026-11-25T15:00:00+03:00');
  const teacher = caller(server)(w.teacher.user);
  const out = await teacher.ok(`mutation($i: RecordLessonEntriesInput!) { recordLessonEntries(input: $i) { written absences { attendance { id kind reason document } } } }`, {
    i: { lessonId: toGlobalId('Lesson', lesson.id), absences: [
      { studentId: sid(w.student.student), kind: 'ABSENT' }, { studentId: sid(w.classmate.student), kind: 'ABSENT' },
    ] },
  });
  expect(out.written).toBe(true);
  expect(out.absences.map((a: any) => [a.attendance.reason, a.attendance.document])).toEqual([['ILLNESS', 'Заявление родителя (2026-11-25)'], ['UNKNOWN', null]]);
  const noted = out.absences[0].attendance.id;
  expect((await sql(`select type from diary_event where attendance_id = ? order by position`, [uuidOf(noted)])).map((e: any) => e.type)).toEqual(['ABSENCE_RECORDED', 'ABSENCE_REASON_SET']);
  expect((await sql(`select action, after->>'absenceNoteId' as note from audit_entry where entity_id = ? order by id`, [uuidOf(noted)])).map((a: any) => [a.action, a.note]))
    .toEqual([['attendance.record', null], ['attendance.reason', uuidOf(note.id)]]);
  const [stored] = await sql(`select reason, document from attendance where id = ?`, [uuidOf(noted)]);
  expect(stored).toEqual({ reason: 'ILLNESS', document: 'Заявление родителя (2026-11-25)' });
});

it('declined: nothing in the journal changes', async () => {
  const lesson = await buildLesson(server.em(), { classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, date: '2026-11-19', number: 3 });
  const absence = await as(w.teacher.user).ok(RECORD, { i: { lessonId: toGlobalId('Lesson', lesson.id), studentId: sid(w.student.student), kind: 'ABSENT' } });
  const note = await as(w.parent.user).ok(SUBMIT, { i: { studentId: sid(w.student.student), startsOn: '2026-11-19', reason: 'ILLNESS' } });
  expect((await as(w.classTeacher.user).ok(DECIDE, { i: { noteId: note.id, accept: false, comment: 'Нужна справка' } })).state).toBe('DECLINED');
  expect((await sql(`select reason from attendance where id = ?`, [uuidOf(absence.id)]))[0].reason).toBe('UNKNOWN');
});

it('refusals answer like a missing note or student and leave everything as it was', async () => {
  const theirs = await as(w.otherParent.user).ok(SUBMIT, { i: { studentId: sid(w.otherStudent.student), startsOn: '2026-11-20', reason: 'ILLNESS' } });
  const mine = await as(w.parent.user).ok(SUBMIT, { i: { studentId: sid(w.student.student), startsOn: '2026-11-18', reason: 'ILLNESS' } });
  const before = await sql(`select (select count(*) from absence_note)::int n, (select count(*) from audit_entry)::int a, (select string_agg(state::text, ',' order by id) from absence_note) s`);
  expect(await as(w.parent.user).code(SUBMIT, { i: { studentId: sid(w.otherStudent.student), startsOn: '2026-11-20', reason: 'ILLNESS' } })).toBe('NOT_FOUND');
  expect(await as(w.parent.user).code(SUBMIT, { i: { studentId: sid(w.student.student), startsOn: '2026-11-20', reason: 'UNEXCUSED' } })).toBe('BAD_USER_INPUT');
  expect(await as(w.parent.user).code(SUBMIT, { i: { studentId: sid(w.student.student), startsOn: '2026-11-01', endsOn: '2026-12-20', reason: 'ILLNESS' } })).toBe('BAD_USER_INPUT');
  expect(await as(w.parent.user).code(SUBMIT, { i: { studentId: sid(w.student.student), startsOn: '2026-11-20', reason: 'ILLNESS', comment: 'я'.repeat(1001) } })).toBe('BAD_USER_INPUT');
  expect(await as(w.classTeacher.user).code(DECIDE, { i: { noteId: theirs.id, accept: true } })).toBe('NOT_FOUND');
  expect(await as(w.teacher.user).code(DECIDE, { i: { noteId: mine.id, accept: true } })).toBe('FORBIDDEN');
  expect(await as(w.parent.user).code(DECIDE, { i: { noteId: mine.id, accept: true } })).toBe('FORBIDDEN');
  expect(await as(w.otherAdmin.user).code(NOTES, { s: sid(w.student.student) })).toBeUndefined();
  expect((await as(w.otherAdmin.user).ok(NOTES, { s: sid(w.student.student) })).totalCount).toBe(0);
  expect((await as(w.otherParent.user).ok(NOTES, {})).edges.map((e: any) => e.node.id)).toEqual([theirs.id]);
  expect(await sql(`select (select count(*) from absence_note)::int n, (select count(*) from audit_entry)::int a, (select string_agg(state::text, ',' order by id) from absence_note) s`)).toEqual(before);
});

it('the scan: staged by the parent, PDF/JPEG/PNG only, 5 MB at most; staff reads of it are logged', async () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);
  const staged = await upload(w.parent.user, 'справка.png', png);
  expect(staged.status).toBe(201);
  const note = await as(w.parent.user).ok(SUBMIT, { i: { studentId: sid(w.student.student), startsOn: '2026-11-17', reason: 'ILLNESS', documentId: staged.body.files[0].id } });
  expect(note).toMatchObject({ documentType: 'image/png', documentSize: png.length });
  const logged = async () => Number((await sql(`select count(*)::int n from personal_data_access where actor_id = ? and what = 'absenceNote.document'`, [w.classTeacher.user.id]))[0].n);
  const before = await logged();
  const doc = await as(w.classTeacher.user).ok(`query($s: ID) { absenceNotes(studentId: $s) { edges { node { id document { type base64 } } } } }`, { s: sid(w.student.student) });
  const withScan = doc.edges.find((e: any) => e.node.id === note.id).node.document;
  expect(Buffer.from(withScan.base64, 'base64').equals(png)).toBe(true);
  expect(await logged()).toBe(before + 1);

  const text = await upload(w.parent.user, 'note.png', Buffer.from('just text, not an image'));
  expect(await as(w.parent.user).code(SUBMIT, { i: { studentId: sid(w.student.student), startsOn: '2026-11-17', reason: 'ILLNESS', documentId: text.body.files[0].id } })).toBe('BAD_USER_INPUT');
  expect((await upload(w.parent.user, 'big.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(5 * 1024 * 1024)]))).status).toBe(413);
  expect((await upload(w.teacher.user, 'x.pdf', Buffer.from('%PDF-1.4'))).status).toBe(403);
  // Another parent cannot attach someone else's staged scan.
  const stagedAgain = await upload(w.parent.user, 'справка.png', png);
  expect(await as(w.otherParent.user).code(SUBMIT, { i: { studentId: sid(w.otherStudent.student), startsOn: '2026-11-17', reason: 'ILLNESS', documentId: stagedAgain.body.files[0].id } })).toBe('NOT_FOUND');
});
