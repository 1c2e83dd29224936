import { buildParent, buildWorld, type World } from '../support/factories';
import { DIARY_EVENTS, LiveClient, settle, waitFor } from '../support/live-client';
import { TestServer } from '../support/server';
import { toGlobalId } from '../../schema/global-id';
import { receiversOfOutboxEvents } from '../../domain/diary/receivers';
import { caller, sid, uid, SEND, START } from './support';

// Live and durable (issue 15 part 5): messages, announcements and notes are outbox events
// addressed to one user, delivered on `inboxEvents` to that user only, re-checked at delivery
// (a revoked guardianship cuts the parent out of the stream at once), resumable by cursor, and
// never on the students' diary stream.

let server: TestServer;
let w: World;
let as: ReturnType<typeof caller>;
const clients: LiveClient[] = [];

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
  as = caller(server);
});
afterEach(async () => { await Promise.all(clients.splice(0).map((c) => c.close())); });
afterAll(async () => { await server.stop(); });

const INBOX = `subscription($after: String) { inboxEvents(after: $after) { cursor type student { id }
  message { body authorName conversation { id } } announcement { title } absenceNote { state } } }`;

async function connect(user: { id: string }): Promise<LiveClient> {
  const client = new LiveClient(server.wsUrl, await server.token(user.id));
  clients.push(client);
  await client.ready();
  return client;
}

const inbox = (s: { events: any[] }) => s.events.map((e) => e.inboxEvents);

it('a message reaches the other participant\'s inbox, and only theirs', async () => {
  const parentSocket = await connect(w.parent.user);
  const parentInbox = parentSocket.subscribe(INBOX);
  const otherInbox = (await connect(w.otherParent.user)).subscribe(INBOX);
  const studentDiary = (await connect(w.student.user!)).subscribe(DIARY_EVENTS);
  await settle(200);
  const c = await as(w.teacher.user).ok(START, { i: { studentId: sid(w.student.student), participantIds: [uid(w.parent.user)], subject: 'Успеваемость', body: 'Добрый день!' } });
  await waitFor(() => parentInbox.events.length === 1, 5000, 'the message');
  expect(inbox(parentInbox)[0]).toMatchObject({ type: 'MESSAGE_RECEIVED', student: { id: sid(w.student.student) }, message: { body: 'Добрый день!', conversation: { id: c.id } } });
  await settle();
  expect(otherInbox.events).toHaveLength(0);
  // Addressed events never reach the student's diary stream, though they are about the student.
  expect(studentDiary.events).toHaveLength(0);
});

it('a revoked guardianship cuts the parent out of the live stream at once', async () => {
  const family = await buildParent(server.em(), w.school, [w.classmate.student]);
  const c = await as(family.user).ok(START, { i: { studentId: sid(w.classmate.student), participantIds: [uid(w.teacher.user)], subject: 'x', body: 'Вопрос' } });
  const stream = (await connect(family.user)).subscribe(INBOX);
  await settle(200);
  await as(w.teacher.user).ok(SEND, { i: { conversationId: c.id, body: 'До отзыва' } });
  await waitFor(() => stream.events.length === 1, 5000, 'the first reply');
  await server.em().getConnection().execute(`update guardianship set revoked_at = now() where guardian_id = ?`, [family.guardian.id]);
  await as(w.teacher.user).ok(SEND, { i: { conversationId: c.id, body: 'После отзыва' } });
  await settle(600);
  // No event is even written for the cut-out parent; one written before (next test) is refused at delivery.
  expect(inbox(stream).map((e) => e.message?.body)).toEqual(['До отзыва']);
});

it('re-checks every event at delivery: an event written before the tie went is not delivered', async () => {
  const family = await buildParent(server.em(), w.school, [w.classmate.student]);
  const c = await as(family.user).ok(START, { i: { studentId: sid(w.classmate.student), participantIds: [uid(w.classTeacher.user)], subject: 'x', body: 'Вопрос' } });
  await as(w.classTeacher.user).ok(SEND, { i: { conversationId: c.id, body: 'Ответ' } });
  const [event] = await server.em().getConnection().execute(`select position from diary_event where recipient_id = ? order by position desc limit 1`, [family.user.id]);
  const toEvent = (position: string) => ({
    position: BigInt(position), type: 'MESSAGE_RECEIVED' as any, studentId: w.classmate.student.id, recipientId: family.user.id,
    messageId: null, announcementId: null, absenceNoteId: null, lessonId: null, markId: null, attendanceId: null, occurredAt: new Date(),
  });
  expect((await receiversOfOutboxEvents(server.em(), server.clock.now(), [toEvent(event.position)])).get(BigInt(event.position))).toEqual([family.user.id]);
  await server.em().getConnection().execute(`update guardianship set revoked_at = now() where guardian_id = ?`, [family.guardian.id]);
  expect((await receiversOfOutboxEvents(server.em(), server.clock.now(), [toEvent(event.position)])).get(BigInt(event.position))).toEqual([]);
  // And the replay of the inbox skips it too.
  const stream = (await connect(family.user)).subscribe(INBOX, { after: Buffer.from(`diary:${BigInt(event.position) - 1n}`).toString('base64url') });
  await settle(600);
  expect(stream.events).toHaveLength(0);
});

it('announcements and absence notes arrive live; a staff conversation has no student', async () => {
  const parentInbox = (await connect(w.parent.user)).subscribe(INBOX);
  const classTeacherInbox = (await connect(w.classTeacher.user)).subscribe(INBOX);
  const hrInbox = (await connect(w.hr.user)).subscribe(INBOX);
  await settle(200);
  await as(w.classTeacher.user).ok(`mutation($i: CreateAnnouncementInput!) { createAnnouncement(input: $i) { id } }`,
    { i: { audience: 'CLASSES', classGroupIds: [toGlobalId('ClassGroup', w.class5a.id)], title: 'Собрание', body: 'В четверг' } });
  await as(w.parent.user).ok(`mutation($i: SubmitAbsenceNoteInput!) { submitAbsenceNote(input: $i) { id } }`,
    { i: { studentId: sid(w.student.student), startsOn: '2026-11-20', reason: 'ILLNESS' } });
  await as(w.secretary.user).ok(START, { i: { studentId: null, participantIds: [uid(w.hr.user)], subject: 'Кадры', body: 'Приказ готов' } });
  await waitFor(() => parentInbox.events.length >= 1 && classTeacherInbox.events.length >= 1 && hrInbox.events.length >= 1, 5000, 'the events');
  expect(inbox(parentInbox).map((e) => [e.type, e.announcement?.title])).toEqual([['ANNOUNCEMENT', 'Собрание']]);
  expect(inbox(classTeacherInbox).map((e) => [e.type, e.absenceNote?.state])).toEqual([['ABSENCE_NOTE_SUBMITTED', 'SUBMITTED']]);
  expect(inbox(hrInbox)[0]).toMatchObject({ type: 'MESSAGE_RECEIVED', student: null, message: { body: 'Приказ готов' } });
});

it('resumes after a cursor: what was missed, in order, once', async () => {
  const first = (await connect(w.otherParent.user)).subscribe(INBOX);
  await settle(200);
  const c = await as(w.teacher.user).ok(START, { i: { studentId: sid(w.otherStudent.student), participantIds: [uid(w.otherParent.user)], subject: 'x', body: 'один' } });
  await waitFor(() => first.events.length === 1, 5000, 'the first');
  const cursor = inbox(first)[0].cursor;
  first.unsubscribe();
  await as(w.teacher.user).ok(SEND, { i: { conversationId: c.id, body: 'два' } });
  await as(w.teacher.user).ok(SEND, { i: { conversationId: c.id, body: 'три' } });
  const resumed = (await connect(w.otherParent.user)).subscribe(INBOX, { after: cursor });
  await waitFor(() => resumed.events.length === 2, 5000, 'the replay');
  await settle();
  expect(inbox(resumed).map((e) => e.message.body)).toEqual(['два', 'три']);
});
