import { Mark } from '../entities';
import { toGlobalId } from '../schema/global-id';
import { buildAbsence, buildLesson, buildMark, buildParent, buildStudent, buildWorld, type World } from './support/factories';
import { TestServer, errorCode, type GraphQLResponse } from './support/server';
import { captureLog } from './support/log-capture';

let server: TestServer;
let w: World;
let teacherToken: string;
let classTeacherToken: string;
let parentToken: string;

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
  teacherToken = await server.token(w.teacher.user.id);
  classTeacherToken = await server.token(w.classTeacher.user.id);
  parentToken = await server.token(w.parent.user.id);
});
afterAll(async () => { await server.stop(); });

const gid = {
  lesson: (id: string) => toGlobalId('Lesson', id),
  student: (id: string) => toGlobalId('Student', id),
  mark: (id: string) => toGlobalId('Mark', id),
  attendance: (id: string) => toGlobalId('Attendance', id),
};
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/** Every table a request could write to. */
const WATCHED = [
  'mark', 'mark_version', 'attendance', 'lesson_record', 'lesson', 'audit_entry', 'diary_event',
  'period_mark', 'period_mark_version', 'app_user', 'refresh_token', 'student', 'enrollment',
];

/** A fingerprint of every row of the watched tables: any insert, update or delete changes it. */
async function snapshot(): Promise<Record<string, string>> {
  const conn = server.em().getConnection();
  const out: Record<string, string> = {};
  for (const table of WATCHED) {
    const rows = await conn.execute<{ n: string; h: string | null }[]>(
      `select count(*) as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${table}" t`);
    out[table] = `${rows[0].n}:${rows[0].h}`;
  }
  return out;
}

const LEAK = /stack|select |insert |update |from "|pg_|mark_version|app_user|at .*\.ts:/i;

/** No stack trace, SQL or table name in an error response. */
function expectClean(r: GraphQLResponse): void {
  expect(r.errors?.length).toBeGreaterThan(0);
  expect(JSON.stringify(r)).not.toMatch(LEAK);
  for (const e of r.errors!) {
    expect(e.extensions?.stacktrace).toBeUndefined();
    expect(e.extensions?.exception).toBeUndefined();
  }
}

/** Sends a request that must be refused with BAD_USER_INPUT (naming `field` when given) and write nothing. */
async function expectBadInput(
  query: string, variables: Record<string, unknown>, token: string | undefined, field?: string,
): Promise<GraphQLResponse> {
  const before = await snapshot();
  const r = await server.gql(query, variables, token);
  expect(errorCode(r)).toBe('BAD_USER_INPUT');
  if (field) expect(r.errors![0].extensions!.field).toBe(field);
  expectClean(r);
  expect(await snapshot()).toEqual(before);
  return r;
}

const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id value comment } }`;
const CORRECT_MARK = `mutation($i: CorrectMarkInput!) { correctMark(input: $i) { id value corrected } }`;
const SET_RECORD = `mutation($i: SetLessonRecordInput!) { setLessonRecord(input: $i) { id topic homework } }`;
const SET_REASON = `mutation($i: SetAbsenceReasonInput!) { setAbsenceReason(input: $i) { id reason document } }`;
const RECORD_ATTENDANCE = `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id kind } }`;
const DIARY = `query($s: ID!, $from: Date!, $to: Date!) { diary(studentId: $s, from: $from, to: $to) { date lessons { lesson { id } } } }`;
const STUDENT = `query($id: ID!) { student(id: $id) { id fullName } }`;
const JOURNAL = `query($c: ID!, $s: ID!, $from: Date!, $to: Date!) { classJournal(classGroupId: $c, subjectId: $s, from: $from, to: $to) { lessons { id } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id } }`;

describe('malformed ids', () => {
  const malformed = (valid: string) => [
    'not-an-id',
    b64('garbage'),
    b64('Lesson:not-a-uuid'),
    '',
    'Zm9v!!', // not base64url at all
    'x'.repeat(500),
    valid,
  ];

  it('recordMark: a bad or wrong-type lessonId / studentId is BAD_USER_INPUT naming the field', async () => {
    const studentGid = gid.student(w.student.student.id);
    const lessonGid = gid.lesson(w.lesson.id);
    // A Student id passed as the lesson id, and a Lesson id passed as the student id.
    for (const lessonId of malformed(studentGid)) {
      await expectBadInput(RECORD_MARK, { i: { lessonId, studentId: studentGid, value: '5', workTypeCode: 'ORAL' } }, teacherToken, 'lessonId');
    }
    for (const studentId of malformed(lessonGid)) {
      await expectBadInput(RECORD_MARK, { i: { lessonId: lessonGid, studentId, value: '5', workTypeCode: 'ORAL' } }, teacherToken, 'studentId');
    }
    await expectBadInput(RECORD_ATTENDANCE, { i: { lessonId: studentGid, studentId: studentGid, kind: 'ABSENT' } }, teacherToken, 'lessonId');
    await expectBadInput(CORRECT_MARK, { i: { markId: lessonGid, value: '3', reason: 'ошибка' } }, teacherToken, 'markId');
    await expectBadInput(SET_REASON, { i: { attendanceId: 'not-an-id', reason: 'ILLNESS' } }, classTeacherToken, 'attendanceId');
    await expectBadInput(SET_RECORD, { i: { lessonId: '', topic: 'Дроби' } }, teacherToken, 'lessonId');
    // The same request with good ids goes through, so the refusals above were about the ids.
    const ok = await server.gql(RECORD_MARK, { i: { lessonId: lessonGid, studentId: gid.student(w.classmate.student.id), value: '5', workTypeCode: 'ORAL' } }, teacherToken);
    expect(ok.errors).toBeUndefined();
  });

  it('diary, student and classJournal: a bad id is BAD_USER_INPUT naming the argument', async () => {
    const lessonGid = gid.lesson(w.lesson.id);
    for (const s of malformed(lessonGid)) {
      await expectBadInput(DIARY, { s, from: '2026-11-16', to: '2026-11-22' }, parentToken, 'studentId');
      await expectBadInput(STUDENT, { id: s }, parentToken, 'id');
    }
    const classGid = toGlobalId('ClassGroup', w.class5a.id);
    const subjectGid = toGlobalId('Subject', w.math.id);
    for (const c of malformed(subjectGid)) {
      await expectBadInput(JOURNAL, { c, s: subjectGid, from: '2026-11-16', to: '2026-11-22' }, teacherToken, 'classGroupId');
    }
    for (const s of malformed(classGid)) {
      await expectBadInput(JOURNAL, { c: classGid, s, from: '2026-11-16', to: '2026-11-22' }, teacherToken, 'subjectId');
    }
    const ok = await server.gql(JOURNAL, { c: classGid, s: subjectGid, from: '2026-11-16', to: '2026-11-22' }, teacherToken);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.classJournal.lessons).toEqual([{ id: lessonGid }]);
  });

  it('node(id) with garbage answers null without an error', async () => {
    for (const id of ['garbage', '', b64('garbage'), b64('Lesson:not-a-uuid'), b64('Nothing:00000000-0000-4000-8000-000000000000'), 'x'.repeat(500)]) {
      const before = await snapshot();
      const r = await server.gql(NODE, { id }, parentToken);
      expect(r.errors).toBeUndefined();
      expect(r.data).toEqual({ node: null });
      expect(await snapshot()).toEqual(before);
    }
    // A real id of the parent's child resolves, so null above is not the only answer.
    const r = await server.gql(NODE, { id: gid.student(w.student.student.id) }, parentToken);
    expect(r.data).toEqual({ node: { id: gid.student(w.student.student.id) } });
  });
});

describe('diary dates', () => {
  const s = () => gid.student(w.student.student.id);

  it('refuses "to" before "from"', async () => {
    await expectBadInput(DIARY, { s: s(), from: '2026-11-20', to: '2026-11-19' }, parentToken, 'to');
  });

  it('refuses 32 days and accepts exactly 31', async () => {
    await expectBadInput(DIARY, { s: s(), from: '2026-11-01', to: '2026-12-02' }, parentToken, 'to');
    await expectBadInput(DIARY, { s: s(), from: '2026-01-01', to: '2026-12-31' }, parentToken, 'to');
    const ok = await server.gql(DIARY, { s: s(), from: '2026-11-01', to: '2026-12-01' }, parentToken);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.diary).toHaveLength(31);
    expect(ok.data!.diary[0].date).toBe('2026-11-01');
    expect(ok.data!.diary[30].date).toBe('2026-12-01');
    const friday = ok.data!.diary.find((d: any) => d.date === '2026-11-20');
    expect(friday.lessons).toEqual([{ lesson: { id: gid.lesson(w.lesson.id) } }]);
    // One day (from = to) is fine too.
    const one = await server.gql(DIARY, { s: s(), from: '2026-11-20', to: '2026-11-20' }, parentToken);
    expect(one.data!.diary).toHaveLength(1);
  });

  it('refuses dates that are not real calendar dates written YYYY-MM-DD (variable coercion)', async () => {
    for (const bad of ['2026-02-30', '20-11-2026', '2026-13-01', '2026-11-20T00:00:00Z', '2026/11/20', '', 'today']) {
      await expectBadInput(DIARY, { s: s(), from: bad, to: '2026-11-22' }, parentToken);
      await expectBadInput(DIARY, { s: s(), from: '2026-11-16', to: bad }, parentToken);
    }
    // A number where a date is expected.
    await expectBadInput(DIARY, { s: s(), from: 20261120, to: '2026-11-22' }, parentToken);
    // A leap day is a real date.
    const leap = await server.gql(DIARY, { s: s(), from: '2028-02-29', to: '2028-02-29' }, parentToken);
    expect(leap.errors).toBeUndefined();
  });

  it('classJournal refuses a reversed or too long range', async () => {
    const vars = { c: toGlobalId('ClassGroup', w.class5a.id), s: toGlobalId('Subject', w.math.id) };
    await expectBadInput(JOURNAL, { ...vars, from: '2026-11-20', to: '2026-11-01' }, teacherToken, 'to');
    await expectBadInput(JOURNAL, { ...vars, from: '2026-09-01', to: '2027-05-26' }, teacherToken, 'to');
    await expectBadInput(JOURNAL, { ...vars, from: '2026-02-30', to: '2026-11-01' }, teacherToken);
  });
});

describe('text lengths', () => {
  const long = (n: number) => 'я'.repeat(n);

  it('recordMark: comment over 500, an empty value or work type', async () => {
    const base = { lessonId: gid.lesson(w.lesson.id), studentId: gid.student(w.classmate.student.id), value: '4', workTypeCode: 'HOMEWORK' };
    await expectBadInput(RECORD_MARK, { i: { ...base, comment: long(501) } }, teacherToken, 'comment');
    await expectBadInput(RECORD_MARK, { i: { ...base, value: '' } }, teacherToken, 'value');
    await expectBadInput(RECORD_MARK, { i: { ...base, value: '   ' } }, teacherToken, 'value');
    await expectBadInput(RECORD_MARK, { i: { ...base, workTypeCode: '' } }, teacherToken, 'workTypeCode');
    await expectBadInput(RECORD_MARK, { i: { ...base, value: '55555555555' } }, teacherToken, 'value');
    // Exactly 500 characters fit, in the column too.
    const ok = await server.gql(RECORD_MARK, { i: { ...base, comment: long(500) } }, teacherToken);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.recordMark.comment).toBe(long(500));
  });

  it('correctMark: reason over 500 or empty; the mark is unchanged', async () => {
    const mark = await buildMark(server.em(), { lesson: w.lesson, student: w.student.student, author: w.teacher.user, value: '3' });
    const base = { markId: gid.mark(mark.id), value: '4' };
    await expectBadInput(CORRECT_MARK, { i: { ...base, reason: long(501) } }, teacherToken, 'reason');
    await expectBadInput(CORRECT_MARK, { i: { ...base, reason: '' } }, teacherToken, 'reason');
    await expectBadInput(CORRECT_MARK, { i: { ...base, reason: '  \n ' } }, teacherToken, 'reason');
    await expectBadInput(CORRECT_MARK, { i: { ...base, value: '', reason: 'ошибка' } }, teacherToken, 'value');
    const stored = await server.em().findOneOrFail(Mark, mark.id);
    expect(stored.value).toBe('3');
    expect(stored.revision).toBe(1);
    const ok = await server.gql(CORRECT_MARK, { i: { ...base, reason: long(500) } }, teacherToken);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.correctMark).toMatchObject({ value: '4', corrected: true });
  });

  it('setLessonRecord: topic over 500, homework over 4000, or neither given', async () => {
    const lesson = await buildLesson(server.em(), { classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, date: '2026-11-19', number: 3 });
    const lessonId = gid.lesson(lesson.id);
    await expectBadInput(SET_RECORD, { i: { lessonId, topic: long(501) } }, teacherToken, 'topic');
    await expectBadInput(SET_RECORD, { i: { lessonId, homework: long(4001) } }, teacherToken, 'homework');
    await expectBadInput(SET_RECORD, { i: { lessonId, topic: 'Дроби', homework: long(4001) } }, teacherToken, 'homework');
    await expectBadInput(SET_RECORD, { i: { lessonId } }, teacherToken);
    const ok = await server.gql(SET_RECORD, { i: { lessonId, topic: long(500), homework: long(4000) } }, teacherToken);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.setLessonRecord.topic).toBe(long(500));
    expect(ok.data!.setLessonRecord.homework).toBe(long(4000));
  });

  it('setAbsenceReason: document over 300; the attendance is unchanged', async () => {
    const lesson = await buildLesson(server.em(), { classGroup: w.class5a, subject: w.russian, teacher: w.classTeacher.employee, date: '2026-11-19', number: 4 });
    const absence = await buildAbsence(server.em(), { lesson, student: w.classmate.student, author: w.classTeacher.user });
    const attendanceId = gid.attendance(absence.id);
    await expectBadInput(SET_REASON, { i: { attendanceId, reason: 'ILLNESS', document: long(301) } }, classTeacherToken, 'document');
    await expectBadInput(SET_REASON, { i: { attendanceId, reason: 'SICK' } }, classTeacherToken);
    const ok = await server.gql(SET_REASON, { i: { attendanceId, reason: 'ILLNESS', document: long(300) } }, classTeacherToken);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.setAbsenceReason).toMatchObject({ reason: 'ILLNESS', document: long(300) });
  });

  it('refuses wrongly typed or missing input fields', async () => {
    const base = { lessonId: gid.lesson(w.lesson.id), studentId: gid.student(w.classmate.student.id), value: '4', workTypeCode: 'ORAL' };
    await expectBadInput(RECORD_MARK, { i: { ...base, value: 5 } }, teacherToken);
    await expectBadInput(RECORD_MARK, { i: { lessonId: base.lessonId, studentId: base.studentId, value: '4' } }, teacherToken);
    await expectBadInput(RECORD_MARK, { i: { ...base, extra: 'x' } }, teacherToken);
    await expectBadInput(RECORD_MARK, { i: null }, teacherToken);
    await expectBadInput(RECORD_ATTENDANCE, { i: { lessonId: base.lessonId, studentId: base.studentId, kind: 'GONE' } }, teacherToken);
  });
});

describe('pagination of Student.marks', () => {
  const MARKS = `query($id: ID!, $first: Int, $after: String) { student(id: $id) { marks(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id value lesson { date number } } } } } }`;

  it('pages through 25 marks with first: 10 and after, each exactly once, in order', async () => {
    const em = server.em();
    const { student } = await buildStudent(em, w.class5a);
    const parent = await buildParent(em, w.school, [student]);
    const token = await server.token(parent.user.id);
    const expected: string[] = [];
    // 5 school days × 5 bells; newest lesson first is the order of the list.
    for (const date of ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13']) {
      for (let number = 1; number <= 5; number += 1) {
        const lesson = await buildLesson(em, { classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, date, number });
        const mark = await buildMark(em, { lesson, student, author: w.teacher.user, value: String(1 + ((number + date.length) % 5)) });
        expected.unshift(gid.mark(mark.id));
      }
    }

    const seen: string[] = [];
    const pages: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i += 1) {
      const r: GraphQLResponse = await server.gql(MARKS, { id: gid.student(student.id), first: 10, after }, token);
      expect(r.errors).toBeUndefined();
      const conn = r.data!.student.marks;
      expect(conn.totalCount).toBe(25);
      seen.push(...conn.edges.map((e: any) => e.node.id));
      pages.push(conn.edges.length);
      expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1)?.cursor ?? null);
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(pages).toEqual([10, 10, 5]);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(25);

    // Every edge cursor resumes right after its edge.
    const all = (await server.gql(MARKS, { id: gid.student(student.id), first: 100 }, token)).data!.student.marks;
    expect(all.edges.map((e: any) => e.node.id)).toEqual(expected);
    expect(all.pageInfo.hasNextPage).toBe(false);
    const mid = (await server.gql(MARKS, { id: gid.student(student.id), first: 3, after: all.edges[11].cursor }, token)).data!.student.marks;
    expect(mid.edges.map((e: any) => e.node.id)).toEqual(expected.slice(12, 15));
    expect(mid.pageInfo.hasNextPage).toBe(true);
    // The default page is 20.
    const dflt = (await server.gql(MARKS, { id: gid.student(student.id) }, token)).data!.student.marks;
    expect(dflt.edges).toHaveLength(20);
    expect(dflt.pageInfo.hasNextPage).toBe(true);
  });

  it('refuses first outside 1..100 and a garbage after', async () => {
    const id = gid.student(w.student.student.id);
    for (const first of [0, 101, -1, 1000000]) {
      const r = await expectBadInput(MARKS, { id, first }, parentToken, 'first');
      expect(r.errors![0].path).toEqual(['student', 'marks']);
    }
    for (const after of ['garbage', b64('pos:-1'), b64('pos:abc'), b64('Mark:00000000-0000-4000-8000-000000000000')]) {
      await expectBadInput(MARKS, { id, first: 10, after }, parentToken, 'after');
    }
    await expectBadInput(MARKS, { id, first: 1.5 }, parentToken);
    await expectBadInput(MARKS, { id, first: '10' }, parentToken);
    const attendance = await server.gql(`query($id: ID!) { student(id: $id) { attendance(first: 0) { totalCount } } }`, { id }, parentToken);
    expect(errorCode(attendance)).toBe('BAD_USER_INPUT');
    expect(attendance.errors![0].extensions!.field).toBe('first');
    const ok = await server.gql(MARKS, { id, first: 100 }, parentToken);
    expect(ok.errors).toBeUndefined();
  });
});

describe('error responses reveal nothing', () => {
  it('no stack trace, SQL or table name in any refusal', async () => {
    const lessonGid = gid.lesson(w.lesson.id);
    const futureLesson = await buildLesson(server.em(), { classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, date: '2026-11-23', number: 1 });
    const oldLesson = await buildLesson(server.em(), { classGroup: w.class5a, subject: w.math, teacher: w.teacher.employee, date: '2026-11-02', number: 1 });
    const mark = await buildMark(server.em(), { lesson: w.lesson, student: w.student.student, author: w.teacher.user, value: '2' });
    const responses: [string, GraphQLResponse][] = [
      ['parse error', await server.gql('{ me { ', {}, teacherToken)],
      ['unknown field', await server.gql('{ me { passwordHash } }', {}, teacherToken)],
      ['unknown type in a fragment', await server.gql('{ node(id: "x") { ... on MarkVersionRow { id } } }', {}, teacherToken)],
      ['bad variable', await server.gql(DIARY, { s: 'x', from: 'nope', to: '2026-11-22' }, parentToken)],
      ['invalid date literal', await server.gql(`query($s: ID!) { diary(studentId: $s, from: "2026-02-30", to: "2026-11-22") { date } }`, { s: gid.student(w.student.student.id) }, parentToken)],
      ['anonymous', await server.gql('{ me { user { id } } }')],
      ['bad token', await server.gql('{ me { user { id } } }', {}, 'abc.def.ghi')],
      ['wrong login', await server.gql('mutation { login(login: "x\' or 1=1 --", password: "y") { accessToken } }')],
      ['not found', await server.gql(STUDENT, { id: gid.student('00000000-0000-4000-8000-000000000000') }, parentToken)],
      ['other family', await server.gql(STUDENT, { id: gid.student(w.otherStudent.student.id) }, parentToken)],
      ['forbidden', await server.gql(RECORD_MARK, { i: { lessonId: lessonGid, studentId: gid.student(w.student.student.id), value: '5', workTypeCode: 'ORAL' } }, parentToken)],
      ['unknown work type', await server.gql(RECORD_MARK, { i: { lessonId: lessonGid, studentId: gid.student(w.student.student.id), value: '5', workTypeCode: "ORAL'; drop table mark; --" } }, teacherToken)],
      ['not held', await server.gql(RECORD_MARK, { i: { lessonId: gid.lesson(futureLesson.id), studentId: gid.student(w.student.student.id), value: '5', workTypeCode: 'ORAL' } }, teacherToken)],
      ['window closed', await server.gql(RECORD_MARK, { i: { lessonId: gid.lesson(oldLesson.id), studentId: gid.student(w.student.student.id), value: '5', workTypeCode: 'ORAL' } }, teacherToken)],
      ['not enrolled', await server.gql(RECORD_MARK, { i: { lessonId: lessonGid, studentId: gid.student(w.otherStudent.student.id), value: '5', workTypeCode: 'ORAL' } }, teacherToken)],
      ['first grade', await server.gql(RECORD_MARK, { i: { lessonId: gid.lesson(w.lesson1a.id), studentId: gid.student(w.firstGrader.student.id), value: '5', workTypeCode: 'ORAL' } }, await server.token(w.primaryTeacher.user.id))],
      ['conflict', await server.gql(`mutation($i: CorrectMarkInput!) { correctMark(input: $i) { id } }`, { i: { markId: gid.mark(mark.id), value: '3', reason: 'r', expectedRevision: 7 } }, teacherToken)],
      ['bad mark value', await server.gql(RECORD_MARK, { i: { lessonId: lessonGid, studentId: gid.student(w.student.student.id), value: '6', workTypeCode: 'ORAL' } }, teacherToken)],
      ['bad cursor', await server.gql(`query($id: ID!) { student(id: $id) { marks(after: "zzz") { totalCount } } }`, { id: gid.student(w.student.student.id) }, parentToken)],
    ];
    const codes: Record<string, string | undefined> = {};
    for (const [name, r] of responses) {
      codes[name] = errorCode(r);
      expectClean(r);
    }
    expect(codes).toMatchObject({
      'parse error': 'GRAPHQL_PARSE_FAILED', 'unknown field': 'GRAPHQL_VALIDATION_FAILED', 'bad variable': 'BAD_USER_INPUT',
      anonymous: 'UNAUTHENTICATED', 'bad token': 'UNAUTHENTICATED', 'wrong login': 'UNAUTHENTICATED',
      'not found': 'NOT_FOUND', 'other family': 'NOT_FOUND', forbidden: 'FORBIDDEN', 'unknown work type': 'BAD_USER_INPUT',
      'not held': 'LESSON_NOT_HELD', 'window closed': 'ENTRY_WINDOW_CLOSED', 'not enrolled': 'NOT_ENROLLED',
      'first grade': 'NO_MARKS_IN_FIRST_GRADE', conflict: 'CONFLICT', 'bad mark value': 'BAD_USER_INPUT', 'bad cursor': 'BAD_USER_INPUT',
    });
    // Nothing became INTERNAL_SERVER_ERROR.
    expect(Object.values(codes)).not.toContain('INTERNAL_SERVER_ERROR');
    // The not-found and the other family's child answer alike.
    const [, notFound] = responses.find(([n]) => n === 'not found')!;
    const [, otherFamily] = responses.find(([n]) => n === 'other family')!;
    expect(otherFamily.errors).toEqual(notFound.errors);
    expect(otherFamily.data).toEqual(notFound.data);
  });

  describe('an unexpected internal error', () => {
    const log = captureLog();
    let broken: TestServer;
    let bw: World;
    beforeAll(async () => {
      broken = await TestServer.start(undefined, { log: log.log });
      bw = await buildWorld(broken.em());
    });
    afterAll(async () => { await broken.stop(); });

    it('is masked as INTERNAL_SERVER_ERROR with nothing revealing, and a failed write rolls back', async () => {
      const token = await broken.token(bw.teacher.user.id);
      const lessonId = toGlobalId('Lesson', bw.lesson.id);
      const topicQuery = `query($id: ID!) { node(id: $id) { id ... on Lesson { topic } } }`;
      const conn = broken.em().getConnection();
      const count = async (sql: string) => Number((await conn.execute<{ n: string }[]>(sql))[0].n);
      await conn.execute('alter table lesson_record rename to lesson_record_x');
      try {
        const auditBefore = await count('select count(*) as n from audit_entry');
        const eventsBefore = await count('select count(*) as n from diary_event');

        const read = await broken.gql(topicQuery, { id: lessonId }, token);
        const write = await broken.gql(SET_RECORD, { i: { lessonId, topic: 'Дроби' } }, token);
        for (const r of [read, write]) {
          expect(r.errors).toHaveLength(1);
          const [e] = r.errors!;
          expect(e.message).toBe('Internal server error.');
          expect(e.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
          expect(Object.keys(e).sort()).toEqual(['extensions', 'message', 'path']);
          expectClean(r);
          expect(JSON.stringify(r)).not.toMatch(/lesson_record|relation|does not exist|42P01/i);
        }
        expect(read.errors![0].path).toEqual(['node', 'topic']);
        expect(read.data).toEqual({ node: { id: lessonId, topic: null } });
        expect(write.data ?? null).toBeNull();
        // The server logged the real cause for its operators.
        const faults = log.lines().filter((l) => l.msg === 'unexpected error');
        expect(faults.length).toBeGreaterThan(0);
        // The SQLSTATE and the table for the operators, never the statement with its values.
        expect(faults[0].fault).toMatchObject({ sqlState: '42P01' });
        expect(log.raw()).not.toMatch(/select |insert |Дроби/);

        // The failed write left nothing behind: no audit entry, no diary event.
        expect(await count('select count(*) as n from audit_entry')).toBe(auditBefore);
        expect(await count('select count(*) as n from diary_event')).toBe(eventsBefore);
        expect(await count('select count(*) as n from lesson_record_x')).toBe(0);
      } finally {
        await conn.execute('alter table lesson_record_x rename to lesson_record');
      }
      // With the table back, the same requests work.
      const write = await broken.gql(SET_RECORD, { i: { lessonId, topic: 'Дроби' } }, token);
      expect(write.errors).toBeUndefined();
      const read = await broken.gql(topicQuery, { id: lessonId }, token);
      expect(read.data).toEqual({ node: { id: lessonId, topic: 'Дроби' } });
      expect(await broken.em().getConnection().execute('select 1 from lesson_record')).toHaveLength(1);
    });
  });
});

it('GET /health answers 200 {status: "ok"}', async () => {
  const res = await fetch(`${server.url}/health`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  expect(await res.json()).toEqual({ status: 'ok' });
});

