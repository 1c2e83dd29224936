import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSchoolCommand, importCommand } from '../../server/cli-interchange';
import { TestServer } from '../support/server';

// The README's walk (issue 18, "Done when"), on an empty database: the region's operator creates
// a school from the command line, imports its files (dry run, then apply) from the command line,
// the imported deputy sets up a bell and the timetable, the imported class teacher signs in and
// writes a mark, and the parent reads it in the diary. Each step is the command or the GraphQL
// request the README shows.

let server: TestServer;
const out: string[] = [];
let log: jest.SpyInstance;

beforeAll(async () => {
  server = await TestServer.start();
  log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { out.push(a.join(' ')); });
  jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string) => { out.push(String(chunk)); return true; }) as never);
});
afterAll(async () => { jest.restoreAllMocks(); await server.stop(); });

const FIXTURES = path.resolve(__dirname, '../../fixtures/import/oneroster');

async function gql<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const r = await server.gql<T>(query, variables, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!;
}

/** Signs in with a starting password, changes it, signs in again: what every imported user does first. */
async function firstSignIn(login: string, startingPassword: string): Promise<string> {
  const first = await gql<{ login: { accessToken: string } }>(`mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }`, { l: login, p: startingPassword });
  await gql(`mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) }`, { o: startingPassword, n: `${login}-own-pass-42` }, first.login.accessToken);
  const again = await gql<{ login: { accessToken: string } }>(`mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }`, { l: login, p: `${login}-own-pass-42` });
  return again.login.accessToken;
}

it('school:create, import (dry run, apply), the class teacher writes a mark, the parent reads it', async () => {
  // 1. npm run school:create -- …
  out.length = 0;
  await createSchoolCommand(server.orm, server.clock, ['--region', 'Новгородская область', '--municipality', 'Великий Новгород', '--school', 'МБОУ СОШ № 7',
    '--timezone', 'Europe/Moscow', '--admin-login', 'admin.school7', '--admin-last-name', 'Захарова', '--admin-first-name', 'Нина']);
  const created = JSON.parse(out.join('\n')) as { schoolId: string; admin: { login: string; startingPassword: string } };
  expect(created.admin.login).toBe('admin.school7');

  // 2. npm run import -- --school <id> --as admin.school7 fixtures/import/oneroster/*.csv   (a dry run)
  const files = fs.readdirSync(FIXTURES).map((f) => path.join(FIXTURES, f));
  out.length = 0;
  await importCommand(server.orm, server.clock, ['--school', created.schoolId, '--as', 'admin.school7', ...files]);
  expect(out.join('\n')).toMatch(/dry run: nothing written/);
  const [{ n: before }] = await server.em().getConnection().execute<{ n: string }[]>('select count(*) n from student where school_id = ?', [created.schoolId]);
  expect(Number(before)).toBe(0);

  // 3. … --apply --credentials credentials.csv
  const credentialsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'walk-')), 'credentials.csv');
  out.length = 0;
  await importCommand(server.orm, server.clock, ['--school', created.schoolId, '--as', 'admin.school7', '--apply', '--credentials', credentialsFile, ...files]);
  expect(out.join('\n')).toMatch(/applied\./);
  expect(fs.statSync(credentialsFile).mode & 0o077).toBe(0);
  const credentials = new Map(fs.readFileSync(credentialsFile, 'utf8').trim().split('\n').slice(1).map((line) => {
    const [, , login, password] = line.split(',');
    return [login, password] as const;
  }));
  expect(credentials.size).toBe(10);

  // 4. The deputy (imported) sets the bell and the timetable of 5А's mathematics, and makes the lessons.
  const deputy = await firstSignIn('orlova.ev', credentials.get('orlova.ev')!);
  const setup = await gql<{ academicYears: { id: string; classGroups: { id: string; name: string }[] }[] }>(`{ academicYears { id classGroups { id name } } }`, {}, deputy);
  const class5a = setup.academicYears[0].classGroups.find((c) => c.name === '5А')!;
  const assignments = await gql<{ teachingAssignments: { classGroup: { id: string }; subject: { id: string; name: string }; teacher: { id: string; fullName: string } }[] }>(
    `query($c: ID) { teachingAssignments(classGroupId: $c) { classGroup { id } subject { id name } teacher { id fullName } } }`, { c: class5a.id }, deputy);
  const math5a = assignments.teachingAssignments.find((a) => a.subject.name === 'Математика')!;
  expect(math5a.teacher.fullName).toMatch(/^Иванова Мария/);
  await gql(`mutation($i: CreateBellInput!) { createBell(input: $i) { number } }`, { i: { number: 1, shift: 1, startsAt: '08:30', endsAt: '09:15' } }, deputy);
  await gql(`mutation($i: CreateTimetableEntryInput!) { createTimetableEntry(input: $i) { id } }`,
    { i: { classGroupId: math5a.classGroup.id, subjectId: math5a.subject.id, teacherId: math5a.teacher.id, weekday: 5, bellNumber: 1 } }, deputy);
  const generated = await gql<{ generateLessons: { created: number } }>(`mutation($i: GenerateLessonsInput!) { generateLessons(input: $i) { created } }`, { i: { yearId: setup.academicYears[0].id } }, deputy);
  expect(generated.generateLessons.created).toBeGreaterThan(20);

  // 5. The class teacher (imported) signs in and writes a mark on today's lesson (Friday 2026-11-20).
  const teacher = await firstSignIn('ivanova.ma', credentials.get('ivanova.ma')!);
  const journal = await gql<{ classJournal: { lessons: { id: string; date: string }[]; students: { id: string; fullName: string }[] } }>(
    `query($c: ID!, $s: ID!) { classJournal(classGroupId: $c, subjectId: $s, from: "2026-11-20", to: "2026-11-20") { lessons { id date } students { id fullName } } }`,
    { c: math5a.classGroup.id, s: math5a.subject.id }, teacher);
  const pupil = journal.classJournal.students.find((s) => s.fullName.startsWith('Смирнов Дмитрий'))!;
  await gql(`mutation($i: RecordMarkInput!) { recordMark(input: $i) { id value } }`,
    { i: { lessonId: journal.classJournal.lessons[0].id, studentId: pupil.id, value: '5', workTypeCode: 'ORAL' } }, teacher);

  // 6. The parent (imported) reads the diary.
  const parent = await firstSignIn('smirnova.op', credentials.get('smirnova.op')!);
  const diary = await gql<{ me: { children: { id: string }[] }; diary: { date: string; lessons: { lesson: { subject: { name: string } }; marks: { value: string }[] }[] }[] }>(
    `query($s: ID!) { me { children { id } } diary(studentId: $s, from: "2026-11-16", to: "2026-11-20") { date lessons { lesson { subject { name } } marks { value } } } }`,
    { s: pupil.id }, parent);
  expect(diary.me.children.map((c) => c.id)).toEqual([pupil.id]);
  const friday = diary.diary.find((d) => d.date === '2026-11-20')!;
  expect(friday.lessons).toEqual([{ lesson: { subject: { name: 'Математика' } }, marks: [{ value: '5' }] }]);
  log.mockClear();
});
