import { AcademicYear, Lesson, TimetableEntry } from '../../entities';
import { migrateAndSeed } from '../../server/bootstrap';
import { TestServer } from '../support/server';
import { gid } from './support';

// The demo school's weekly timetable is stored as TimetableEntry rows, and its lessons are
// exactly the ones generateLessons makes from them.

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await TestServer.start('2026-11-20T12:00:00+03:00');
  await migrateAndSeed(server.orm, server.clock, { seed: true });
  const r = await server.gql(`mutation { login(login: "zavuch", password: "demo") { accessToken } }`);
  token = r.data!.login.accessToken;
});
afterAll(async () => { await server.stop(); });

it('links every demo lesson to its timetable entry and room', async () => {
  const em = server.em();
  expect(await em.count(TimetableEntry, {})).toBe(73); // 26 slots a week for 5А and for 5Б, 21 for 1А
  expect(await em.count(Lesson, { $or: [{ timetableEntry: null }, { room: null }] })).toBe(0);
  const [{ clashes }] = await em.getConnection().execute<{ clashes: string }[]>(
    `select count(*) as clashes from timetable_entry a join timetable_entry b on a.id < b.id
      and a.weekday = b.weekday and a.bell_number = b.bell_number and (a.teacher_id = b.teacher_id or a.room_id = b.room_id)`,
  );
  expect(Number(clashes)).toBe(0);
});

it('regenerating the whole year from the entries changes nothing', async () => {
  const year = await server.em().findOneOrFail(AcademicYear, { name: '2026/2027' });
  const before = await server.em().count(Lesson, {});
  const r = await server.gql(`mutation($i: GenerateLessonsInput!) { generateLessons(input: $i) { created kept updated removed conflicts { id } } }`,
    { i: { yearId: gid('AcademicYear', year.id) } }, token);
  expect(r.errors).toBeUndefined();
  expect(r.data!.generateLessons).toEqual({ created: 0, kept: before, updated: 0, removed: 0, conflicts: [] });
  expect(await server.em().count(Lesson, {})).toBe(before);
});
