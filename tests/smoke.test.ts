import { buildWorld, type World } from './support/factories';
import { TestServer, errorCode } from './support/server';
import { toGlobalId } from '../schema/global-id';

let server: TestServer;
let w: World;
beforeAll(async () => { server = await TestServer.start(); w = await buildWorld(server.em()); });
afterAll(async () => { await server.stop(); });

it('answers health and refuses anonymous me', async () => {
  const res = await fetch(`${server.url}/health`);
  expect(res.status).toBe(200);
  const r = await server.gql('{ me { user { login } } }');
  expect(errorCode(r)).toBe('UNAUTHENTICATED');
});

it('records a mark and shows it in the diary', async () => {
  const token = await server.token(w.teacher.user.id);
  const r = await server.gql(`mutation($i: RecordMarkInput!) { recordMark(input: $i) { id value corrected workType { code weight } lesson { date topic subject { name } teacher { fullName } } student { fullName classGroup { name } } } }`,
    { i: { lessonId: toGlobalId('Lesson', w.lesson.id), studentId: toGlobalId('Student', w.student.student.id), value: '5', workTypeCode: 'ORAL' } }, token);
  expect(r.errors).toBeUndefined();
  const ptoken = await server.token(w.parent.user.id);
  const d = await server.gql(`query($s: ID!) { diary(studentId: $s, from: "2026-11-16", to: "2026-11-22") { date lessons { lesson { number subject { name } } marks { value corrected } attendance { kind } } } }`,
    { s: toGlobalId('Student', w.student.student.id) }, ptoken);
  expect(d.errors).toBeUndefined();
  const friday = d.data!.diary.find((x: any) => x.date === '2026-11-20');
  expect(friday.lessons[0].marks).toEqual([{ value: '5', corrected: false }]);
  const other = await server.gql(`query($s: ID!) { diary(studentId: $s, from: "2026-11-16", to: "2026-11-22") { date } }`,
    { s: toGlobalId('Student', w.otherStudent.student.id) }, ptoken);
  expect(errorCode(other)).toBe('NOT_FOUND');
});
