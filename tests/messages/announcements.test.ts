import { buildParent, buildWorld, type World } from '../support/factories';
import { TestServer } from '../support/server';
import { toGlobalId } from '../../schema/global-id';
import { caller } from './support';

// Announcements (issue 15 part 2): each reaches exactly its audience, resolved through the ties
// (the read list and the live events alike); a read count for the author.

let server: TestServer;
let w: World;
let as: ReturnType<typeof caller>;

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
  as = caller(server);
});
afterAll(async () => { await server.stop(); });

const CREATE = `mutation($i: CreateAnnouncementInput!) { createAnnouncement(input: $i) { id title audience readCount audienceSize classes { id } } }`;
const LIST = `{ announcements(first: 50) { totalCount edges { node { id title read readCount audienceSize } } } }`;
const READ = `mutation($id: ID!) { markAnnouncementRead(announcementId: $id) { id read readCount } }`;
const cid = (c: { id: string }) => toGlobalId('ClassGroup', c.id);
const uuidOf = (gid: string) => Buffer.from(gid, 'base64url').toString().split(':')[1];

async function sees(user: { id: string }, id: string): Promise<boolean> {
  const list = await as(user).ok(LIST);
  return list.edges.some((e: any) => e.node.id === id);
}

async function recipientsOfEvents(id: string): Promise<string[]> {
  const rows = await server.em().getConnection().execute(`select recipient_id from diary_event where announcement_id = ? and type = 'ANNOUNCEMENT' order by recipient_id`, [uuidOf(id)]);
  return rows.map((r: any) => r.recipient_id).sort();
}

const ids = (...users: { id: string }[]) => users.map((u) => u.id).sort();

it('a class teacher announces to their class: exactly its pupils and parents, with a read count', async () => {
  const a = await as(w.classTeacher.user).ok(CREATE, { i: { audience: 'CLASSES', classGroupIds: [cid(w.class5a)], title: 'Собрание', body: 'В четверг в 18:00' } });
  expect(a.audienceSize).toBe(2);
  expect(a.readCount).toBe(0);
  expect(await recipientsOfEvents(a.id)).toEqual(ids(w.parent.user, w.student.user!));
  for (const reached of [w.parent.user, w.student.user!, w.classTeacher.user]) expect(await sees(reached, a.id)).toBe(true);
  for (const other of [w.otherParent.user, w.otherStudent.user!, w.teacher.user, w.firstGrader.user!, w.otherAdmin.user]) expect(await sees(other, a.id)).toBe(false);

  const read = await as(w.parent.user).ok(READ, { id: a.id });
  expect(read).toMatchObject({ read: true, readCount: null });
  await as(w.parent.user).ok(READ, { id: a.id }); // twice counts once
  const mine = (await as(w.classTeacher.user).ok(LIST)).edges.find((e: any) => e.node.id === a.id).node;
  expect(mine).toMatchObject({ readCount: 1, audienceSize: 2 });
  expect(await as(w.otherParent.user).code(READ, { id: a.id })).toBe('NOT_FOUND');
});

it('a class teacher cannot announce to another class or the school; a parent not at all', async () => {
  const before = Number((await server.em().getConnection().execute(`select count(*)::int as n from announcement`))[0].n);
  expect(await as(w.classTeacher.user).code(CREATE, { i: { audience: 'CLASSES', classGroupIds: [cid(w.class5b)], title: 'x', body: 'y' } })).toBe('NOT_FOUND');
  expect(await as(w.classTeacher.user).code(CREATE, { i: { audience: 'CLASSES', classGroupIds: [cid(w.class5a), cid(w.class5b)], title: 'x', body: 'y' } })).toBe('NOT_FOUND');
  expect(await as(w.classTeacher.user).code(CREATE, { i: { audience: 'SCHOOL', title: 'x', body: 'y' } })).toBe('FORBIDDEN');
  expect(await as(w.teacher.user).code(CREATE, { i: { audience: 'CLASSES', classGroupIds: [cid(w.class5a)], title: 'x', body: 'y' } })).toBe('NOT_FOUND');
  expect(await as(w.parent.user).code(CREATE, { i: { audience: 'CLASSES', classGroupIds: [cid(w.class5a)], title: 'x', body: 'y' } })).toBe('FORBIDDEN');
  expect(await as(w.otherAdmin.user).code(CREATE, { i: { audience: 'CLASSES', classGroupIds: [cid(w.class5a)], title: 'x', body: 'y' } })).toBe('NOT_FOUND');
  expect(await as(w.admin.user).code(CREATE, { i: { audience: 'CLASSES', classGroupIds: [cid(w.class5a)], title: 'x', body: 'я'.repeat(8001) } })).toBe('BAD_USER_INPUT');
  expect(Number((await server.em().getConnection().execute(`select count(*)::int as n from announcement`))[0].n)).toBe(before);
});

it('the administration announces to a parallel: its families and pupils only', async () => {
  const a = await as(w.deputy.user).ok(CREATE, { i: { audience: 'GRADE', grade: 5, title: 'Олимпиада', body: 'Пятые классы' } });
  expect(await recipientsOfEvents(a.id)).toEqual(ids(w.parent.user, w.student.user!, w.otherParent.user, w.otherStudent.user!));
  expect(await sees(w.firstGrader.user!, a.id)).toBe(false);
  expect(await sees(w.teacher.user, a.id)).toBe(false);
});

it('the administration announces to the whole school: families, pupils and staff, never another school', async () => {
  const a = await as(w.director.user).ok(CREATE, { i: { audience: 'SCHOOL', title: 'Каникулы', body: 'С 28 декабря' } });
  const reached = await recipientsOfEvents(a.id);
  for (const u of [w.parent.user, w.otherParent.user, w.student.user!, w.firstGrader.user!, w.teacher.user, w.secretary.user, w.admin.user]) expect(reached).toContain(u.id);
  for (const u of [w.director.user, w.otherAdmin.user, w.otherTeacher.user, w.coordinator]) expect(reached).not.toContain(u.id);
  expect(await sees(w.otherAdmin.user, a.id)).toBe(false);
  expect(a.audienceSize).toBe(reached.length);
});

it('the audience is judged when read: a revoked guardianship takes the announcement away', async () => {
  const family = await buildParent(server.em(), w.school, [w.classmate.student]);
  const a = await as(w.classTeacher.user).ok(CREATE, { i: { audience: 'CLASSES', classGroupIds: [cid(w.class5a)], title: 'Экскурсия', body: 'Сбор в 9:00' } });
  expect(await sees(family.user, a.id)).toBe(true);
  await server.em().getConnection().execute(`update guardianship set revoked_at = now() where guardian_id = ?`, [family.guardian.id]);
  expect(await sees(family.user, a.id)).toBe(false);
  expect(await as(family.user).code(READ, { id: a.id })).toBe('NOT_FOUND');
});
