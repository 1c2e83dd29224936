import { Guardianship, Role, User } from '../../entities';
import { PASSWORD, buildParent, buildStaff, buildStudent, buildUser } from '../support/factories';
import { TestServer, errorCode } from '../support/server';
import { buildAccessWorld, gid, journalState, randomId, type AccessWorld } from './access-support';

// Access that changes under a live token: a revoked guardianship, a locked account,
// an account that must change its password first.

let server: TestServer;
let w: AccessWorld;

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildAccessWorld(server.em());
});
afterAll(async () => { await server.stop(); });

const ME = `{ me { roles children { id } } }`;
const DIARY = `query($s: ID!) { diary(studentId: $s, from: "2026-11-16", to: "2026-11-22") { date lessons { lesson { id } } } }`;
const STUDENT = `query($id: ID!) { student(id: $id) { id } }`;
const NODE = `query($id: ID!) { node(id: $id) { id } }`;
const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }`;
const CHANGE_PASSWORD = `mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) }`;
const JOURNAL = `query($c: ID!, $s: ID!) { classJournal(classGroupId: $c, subjectId: $s, from: "2026-11-16", to: "2026-11-22") { lessons { id } } }`;

describe('revoked guardianship', () => {
  it('cuts the parent off the child at once, with the same token, and looks like a missing child', async () => {
    const em = server.em();
    const { student } = await buildStudent(em, w.class5a);
    const { student: sibling } = await buildStudent(em, w.class5b);
    const parent = await buildParent(em, w.school, [student, sibling]);
    const token = await server.token(parent.user.id);
    const childId = gid('Student', student.id);

    const before = await server.gql(DIARY, { s: childId }, token);
    expect(before.errors).toBeUndefined();
    expect((await server.gql(ME, {}, token)).data!.me.children.map((c: { id: string }) => c.id).sort())
      .toEqual([childId, gid('Student', sibling.id)].sort());

    const link = await em.findOneOrFail(Guardianship, { guardian: parent.guardian, student });
    link.revokedAt = new Date();
    await em.flush();

    const diary = await server.gql(DIARY, { s: childId }, token);
    expect(errorCode(diary)).toBe('NOT_FOUND');
    expect(diary).toEqual(await server.gql(DIARY, { s: randomId('Student') }, token));
    const card = await server.gql(STUDENT, { id: childId }, token);
    expect(errorCode(card)).toBe('NOT_FOUND');
    expect(card).toEqual(await server.gql(STUDENT, { id: randomId('Student') }, token));
    expect(await server.gql(NODE, { id: childId }, token)).toEqual({ data: { node: null } });
    // A lesson of the child's class is no longer theirs either.
    expect(await server.gql(NODE, { id: gid('Lesson', w.lesson.id) }, token)).toEqual({ data: { node: null } });

    const me = await server.gql(ME, {}, token);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me.children).toEqual([{ id: gid('Student', sibling.id) }]);
    // The other child is still theirs.
    expect((await server.gql(DIARY, { s: gid('Student', sibling.id) }, token)).errors).toBeUndefined();
  });
});

describe('locked account', () => {
  it('a still-valid token gets UNAUTHENTICATED everywhere, and nothing is written', async () => {
    const em = server.em();
    const locked = await buildStaff(em, w.school, [Role.TEACHER]);
    const { student } = await buildStudent(em, w.class5a);
    // Make the soon-to-be-locked teacher the lesson's substitute so the write would otherwise be allowed.
    await em.getConnection().execute(`update lesson set substitute_teacher_id = ? where id = ?`, [locked.employee.id, w.lesson.id]);
    const token = await server.token(locked.user.id);
    const input = { lessonId: gid('Lesson', w.lesson.id), studentId: gid('Student', student.id), value: '5', workTypeCode: 'ORAL' };
    try {
      expect((await server.gql(ME, {}, token)).errors).toBeUndefined();

      await em.nativeUpdate(User, { id: locked.user.id }, { locked: true });
      const before = await journalState(server);
      const me = await server.gql(ME, {}, token);
      expect(errorCode(me)).toBe('UNAUTHENTICATED');
      expect(me.data).toBeNull();
      const write = await server.gql(RECORD_MARK, { i: input }, token);
      expect(errorCode(write)).toBe('UNAUTHENTICATED');
      expect(write.data).toBeNull();
      expect(errorCode(await server.gql(STUDENT, { id: gid('Student', student.id) }, token))).toBe('UNAUTHENTICATED');
      expect(errorCode(await server.gql(JOURNAL, { c: gid('ClassGroup', w.class5a.id), s: gid('Subject', w.math.id) }, token))).toBe('UNAUTHENTICATED');
      expect(await journalState(server)).toEqual(before);
      // …and the password no longer logs in.
      const login = await server.gql(`mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }`,
        { l: locked.user.login, p: PASSWORD });
      expect(errorCode(login)).toBe('UNAUTHENTICATED');
    } finally {
      await em.getConnection().execute(`update lesson set substitute_teacher_id = null where id = ?`, [w.lesson.id]);
    }
  });
});

describe('must change password', () => {
  it('a teacher flagged may do nothing but changePassword; afterwards the same token works', async () => {
    const em = server.em();
    const flagged = await buildStaff(em, w.school, [Role.TEACHER], { mustChangePassword: true });
    const { student } = await buildStudent(em, w.class5a);
    await em.getConnection().execute(`update lesson set substitute_teacher_id = ? where id = ?`, [flagged.employee.id, w.lesson.id]);
    const token = await server.token(flagged.user.id);
    const input = { lessonId: gid('Lesson', w.lesson.id), studentId: gid('Student', student.id), value: '5', workTypeCode: 'ORAL' };
    try {
      const before = await journalState(server);
      const refused = [
        await server.gql(ME, {}, token),
        await server.gql(DIARY, { s: gid('Student', student.id) }, token),
        await server.gql(STUDENT, { id: gid('Student', student.id) }, token),
        await server.gql(NODE, { id: gid('Lesson', w.lesson.id) }, token),
        await server.gql(JOURNAL, { c: gid('ClassGroup', w.class5a.id), s: gid('Subject', w.math.id) }, token),
        await server.gql(`{ academicYears { id } }`, {}, token),
        await server.gql(`{ workTypes { code } }`, {}, token),
        await server.gql(RECORD_MARK, { i: input }, token),
      ];
      for (const r of refused) {
        expect(errorCode(r)).toBe('PASSWORD_CHANGE_REQUIRED');
        expect(JSON.stringify(r.data ?? null)).not.toContain(gid('Lesson', w.lesson.id));
      }
      expect(refused[3].data).toEqual({ node: null });
      expect(await journalState(server)).toEqual(before);

      const changed = await server.gql(CHANGE_PASSWORD, { o: PASSWORD, n: 'a-brand-new-secret-9' }, token);
      expect(changed).toEqual({ data: { changePassword: true } });
      expect((await server.em().findOneOrFail(User, flagged.user.id)).mustChangePassword).toBe(false);

      const me = await server.gql(`{ me { roles } }`, {}, token);
      expect(me).toEqual({ data: { me: { roles: ['TEACHER'] } } });
      const write = await server.gql(RECORD_MARK, { i: input }, token);
      expect(write.errors).toBeUndefined();
      expect(write.data!.recordMark.id).toEqual(expect.any(String));
    } finally {
      await em.getConnection().execute(`update lesson set substitute_teacher_id = null where id = ?`, [w.lesson.id]);
    }
  });

  it('a parent flagged gets PASSWORD_CHANGE_REQUIRED for the child\'s diary until they change it', async () => {
    const em = server.em();
    const user = await buildUser(em, w.school, { roles: [Role.PARENT], mustChangePassword: true });
    const parent = await buildParent(em, w.school, [w.classmate.student]);
    // Move the guardian card onto the flagged user.
    await em.getConnection().execute(`update guardian set user_id = ? where id = ?`, [user.id, parent.guardian.id]);
    const token = await server.token(user.id);
    const vars = { s: gid('Student', w.classmate.student.id) };
    expect(errorCode(await server.gql(DIARY, vars, token))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(errorCode(await server.gql(ME, {}, token))).toBe('PASSWORD_CHANGE_REQUIRED');
    // A wrong old password changes nothing and keeps the account locked down.
    const wrong = await server.gql(CHANGE_PASSWORD, { o: 'not-the-password', n: 'another-secret-77' }, token);
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(errorCode(await server.gql(DIARY, vars, token))).toBe('PASSWORD_CHANGE_REQUIRED');

    expect((await server.gql(CHANGE_PASSWORD, { o: PASSWORD, n: 'another-secret-77' }, token)).errors).toBeUndefined();
    const diary = await server.gql(DIARY, vars, token);
    expect(diary.errors).toBeUndefined();
    expect(diary.data!.diary).toHaveLength(7);
    expect((await server.gql(ME, {}, token)).data!.me.children).toEqual([{ id: gid('Student', w.classmate.student.id) }]);
  });

  it('anonymous changePassword is UNAUTHENTICATED', async () => {
    expect(errorCode(await server.gql(CHANGE_PASSWORD, { o: PASSWORD, n: 'whatever-long-1' }))).toBe('UNAUTHENTICATED');
  });
});
