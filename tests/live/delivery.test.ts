import { toGlobalId } from '../../schema/global-id';
import { buildWorld, type World } from '../support/factories';
import { DIARY_EVENTS, LiveClient, settle, waitFor } from '../support/live-client';
import { TestServer } from '../support/server';

let a: TestServer;
let b: TestServer;
let w: World;
const clients: LiveClient[] = [];

beforeAll(async () => {
  a = await TestServer.start();
  b = await TestServer.alongside(a);
  w = await buildWorld(a.em());
});
afterEach(async () => { await Promise.all(clients.splice(0).map((c) => c.close())); });
afterAll(async () => { await b.stop(); await a.stop(); });

async function connect(server: TestServer, userId: string): Promise<LiveClient> {
  const client = new LiveClient(server.wsUrl, await server.token(userId));
  clients.push(client);
  await client.ready();
  return client;
}

const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id value } }`;
async function recordMark(server: TestServer, studentId: string, value = '5') {
  const r = await server.gql(RECORD_MARK, {
    i: { lessonId: toGlobalId('Lesson', w.lesson.id), studentId: toGlobalId('Student', studentId), value, workTypeCode: 'ORAL' },
  }, await server.token(w.teacher.user.id));
  expect(r.errors).toBeUndefined();
  return r.data!.recordMark;
}

it('delivers a mark written through instance B to a parent subscribed on instance A, and to nobody else', async () => {
  const parent = await connect(a, w.parent.user.id);
  const mine = parent.subscribe(DIARY_EVENTS, { studentId: toGlobalId('Student', w.student.student.id) });
  const all = parent.subscribe(DIARY_EVENTS);
  const other = (await connect(a, w.otherParent.user.id)).subscribe(DIARY_EVENTS);
  await settle(200);

  const mark = await recordMark(b, w.student.student.id, '4');
  await waitFor(() => mine.events.length === 1 && all.events.length === 1, 5_000, 'the mark on instance A');
  expect(mine.events[0]).toMatchObject({
    type: 'MARK_ADDED', student: { id: toGlobalId('Student', w.student.student.id) },
    mark: { id: mark.id, value: '4', corrected: false, workType: { code: 'ORAL' } }, lesson: { id: toGlobalId('Lesson', w.lesson.id) },
  });
  expect(mine.errors).toEqual([]);
  await settle();
  expect(other.events).toEqual([]);
});

it('delivers a lesson\'s column entered at once, each pupil\'s entries to their own family only, in order', async () => {
  const parent = await connect(a, w.parent.user.id);
  const mine = parent.subscribe(DIARY_EVENTS);
  const other = (await connect(a, w.otherParent.user.id)).subscribe(DIARY_EVENTS);
  await settle(200);
  const r = await b.gql(`mutation($i: RecordLessonEntriesInput!) { recordLessonEntries(input: $i) { written } }`, {
    i: {
      lessonId: toGlobalId('Lesson', w.lesson.id),
      marks: [
        { studentId: toGlobalId('Student', w.student.student.id), value: '3', workTypeCode: 'ORAL' },
        { studentId: toGlobalId('Student', w.classmate.student.id), value: '5', workTypeCode: 'ORAL' },
        { studentId: toGlobalId('Student', w.student.student.id), value: '4', workTypeCode: 'ORAL' },
      ],
      absences: [{ studentId: toGlobalId('Student', w.student.student.id), kind: 'LATE' }],
    },
  }, await b.token(w.teacher.user.id));
  expect(r.data?.recordLessonEntries.written).toBe(true);
  await waitFor(() => mine.events.length === 3, 5_000, 'the column on instance A');
  expect(mine.events.map((e: any) => [e.type, e.mark?.value ?? e.attendance?.kind])).toEqual([['ABSENCE_RECORDED', 'LATE'], ['MARK_ADDED', '3'], ['MARK_ADDED', '4']]);
  await settle();
  expect(mine.events).toHaveLength(3);
  expect(other.events).toEqual([]);
});
