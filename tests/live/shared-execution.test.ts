import { getNamedType, isObjectType, isInterfaceType, type GraphQLSchema } from 'graphql';
import { toGlobalId } from '../../schema/global-id';
import { buildBareSchema } from '../../server/schema/build';
import { sharingStats } from '../../server/diary-execution';
import { Role, RoleGrant } from '../../entities';
import { buildParent, buildWorld, type World } from '../support/factories';
import { DIARY_EVENTS, LiveClient, settle, waitFor } from '../support/live-client';
import { TestServer } from '../support/server';

// One live event is executed once per group of subscribers bound to get the same answer
// (server/diary-execution.ts): same document and selection variables, same role grants,
// tied to the student the same way. These tests show that like subscribers share, and
// that subscribers who could see something different never do.

let server: TestServer;
let w: World;
const clients: LiveClient[] = [];

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
});
afterEach(async () => { await Promise.all(clients.splice(0).map((c) => c.close())); });
afterAll(async () => { await server.stop(); });

const gid = toGlobalId;

async function connect(userId: string): Promise<LiveClient> {
  const client = new LiveClient(server.wsUrl, await server.token(userId));
  clients.push(client);
  await client.ready();
  return client;
}

async function recordMark(studentId: string, value: string) {
  const r = await server.gql(`mutation($i: RecordMarkInput!) { recordMark(input: $i) { id } }`, {
    i: { lessonId: gid('Lesson', w.lesson.id), studentId: gid('Student', studentId), value, workTypeCode: 'ORAL' },
  }, await server.token(w.teacher.user.id));
  expect(r.errors).toBeUndefined();
  return r.data!.recordMark.id as string;
}

function counted() {
  const before = { ...sharingStats };
  return () => ({ executed: sharingStats.executed - before.executed, shared: sharingStats.shared - before.shared });
}

it('executes an event once for many sockets of like subscribers, and each gets the full answer', async () => {
  const em = server.em();
  const student = w.student.student;
  const parents = [w.parent, ...(await Promise.all([1, 2, 3].map(() => buildParent(em, w.school, [student]))))];
  // Two devices for the first parent, one for each other parent: five sockets tied alike to the student.
  const sockets = await Promise.all([parents[0], ...parents].map((p) => connect(p.user.id)));
  const streams = sockets.map((s, i) => s.subscribe(DIARY_EVENTS, i % 2 ? { studentId: gid('Student', student.id) } : {}));
  await settle(200);

  const count = counted();
  const markId = await recordMark(student.id, '5');
  await waitFor(() => streams.every((s) => s.events.length === 1), 5_000, 'the mark on every socket');
  for (const stream of streams) {
    expect(stream.errors).toEqual([]);
    expect(stream.events[0]).toMatchObject({ type: 'MARK_ADDED', mark: { id: markId, value: '5' }, student: { id: gid('Student', student.id) } });
  }
  expect(count()).toEqual({ executed: 1, shared: 4 });
});

it('never shares between subscribers who may see different things: roles, ties, selection variables', async () => {
  const student = w.student.student;
  const em = server.em();
  // A parent who also works at the school (its academic deputy): tied to the student like any parent, but staff who reads every mark.
  const staffParent = await buildParent(em, w.school, [student]);
  em.create(RoleGrant, { user: staffParent.user, role: Role.DEPUTY_ACADEMIC, school: w.school });
  await em.flush();
  // Mark.versions is for the student's school staff: the class teacher and the staff parent see it, the parent and the student are refused that field.
  const withVersions = `subscription { diaryEvents { cursor mark { id value versions { revision value } } } }`;
  const teacher = (await connect(w.classTeacher.user.id)).subscribe(withVersions);
  const staff = (await connect(staffParent.user.id)).subscribe(withVersions);
  const parent = (await connect(w.parent.user.id)).subscribe(withVersions);
  const self = (await connect(w.student.user!.id)).subscribe(withVersions);
  // The same document with different values for a variable used below the root field.
  const paged = `subscription($n: Int) { diaryEvents { cursor student { marks(first: $n) { edges { node { id } } } } } }`;
  const one = (await connect(w.parent.user.id)).subscribe(paged, { n: 1 });
  const two = (await connect(w.parent.user.id)).subscribe(paged, { n: 2 });
  await settle(200);

  const count = counted();
  const first = await recordMark(student.id, '4');
  await waitFor(() => one.events.length === 1, 5_000, 'the first mark');
  const second = await recordMark(w.classmate.student.id, '3');
  const third = await recordMark(student.id, '5');
  await waitFor(() => [teacher, staff, parent, self, one, two].every((s) => s.events.length >= 2) && teacher.events.length === 3,
    5_000, 'all marks');

  expect(teacher.errors).toEqual([]);
  expect(teacher.events.map((e) => e.mark.id)).toEqual([first, second, third]);
  expect(teacher.events[0].mark.versions).toEqual([{ revision: 1, value: '4' }]);
  expect(staff.errors).toEqual([]);
  expect(staff.events.map((e) => e.mark.versions)).toEqual([[{ revision: 1, value: '4' }], [{ revision: 1, value: '5' }]]);
  for (const family of [parent, self]) {
    expect(family.events.map((e) => e?.mark?.id ?? null)).toHaveLength(2);
    expect(family.errors.length).toBeGreaterThan(0);
    expect(family.errors.every((e: any) => e.extensions?.code === 'FORBIDDEN' && e.path?.includes('versions'))).toBe(true);
  }
  expect(one.events[1].student.marks.edges).toHaveLength(1);
  expect(two.events[1].student.marks.edges).toHaveLength(2);
  // Nobody shared: every event was executed for each of its subscribers.
  expect(count().shared).toBe(0);
});

/**
 * Every field reachable from a DiaryEvent. Sharing one execution between subscribers is
 * sound only while each of these answers the same for every viewer with the same role
 * grants and the same tie to the event's student. Adding a field below DiaryEvent changes
 * this list: check that it holds for the new field (or make it part of the share key in
 * server/diary-execution.ts), then add it here.
 */
const REVIEWED_FIELDS_BELOW_DIARY_EVENT = [
  'Attendance.document', 'Attendance.id', 'Attendance.kind', 'Attendance.lesson', 'Attendance.reason', 'Attendance.student',
  'AttendanceConnection.edges', 'AttendanceConnection.pageInfo', 'AttendanceConnection.totalCount',
  'AttendanceEdge.cursor', 'AttendanceEdge.node',
  'ClassGroup.classTeacher', 'ClassGroup.grade', 'ClassGroup.id', 'ClassGroup.name',
  'DiaryEvent.attendance', 'DiaryEvent.cursor', 'DiaryEvent.lesson', 'DiaryEvent.mark', 'DiaryEvent.occurredAt',
  'DiaryEvent.student', 'DiaryEvent.type',
  'Employee.fullName', 'Employee.id',
  'Lesson.classGroup', 'Lesson.date', 'Lesson.homework', 'Lesson.id', 'Lesson.number', 'Lesson.state', 'Lesson.subject',
  'Lesson.substituteTeacher', 'Lesson.teacher', 'Lesson.topic',
  'Mark.comment', 'Mark.corrected', 'Mark.correctedAt', 'Mark.createdAt', 'Mark.id', 'Mark.lesson', 'Mark.revision',
  'Mark.student', 'Mark.value', 'Mark.versions', 'Mark.workType',
  'MarkConnection.edges', 'MarkConnection.pageInfo', 'MarkConnection.totalCount', 'MarkEdge.cursor', 'MarkEdge.node',
  'MarkVersion.author', 'MarkVersion.comment', 'MarkVersion.createdAt', 'MarkVersion.reason', 'MarkVersion.revision',
  'MarkVersion.value',
  'PageInfo.endCursor', 'PageInfo.hasNextPage',
  'PeriodMark.corrected', 'PeriodMark.id', 'PeriodMark.kind', 'PeriodMark.revision', 'PeriodMark.student',
  'PeriodMark.studyPeriod', 'PeriodMark.subject', 'PeriodMark.value',
  'Student.attendance', 'Student.classGroup', 'Student.educationForm', 'Student.fullName', 'Student.id', 'Student.marks', 'Student.periodMarks',
  'StudyPeriod.endsOn', 'StudyPeriod.id', 'StudyPeriod.name', 'StudyPeriod.ordinal', 'StudyPeriod.startsOn',
  'Subject.gradingScale', 'Subject.id', 'Subject.name',
  'User.id', 'User.login',
  'WorkType.code', 'WorkType.name', 'WorkType.weight',
  // The school year and timetable (issue 4): plain stored values, the same for every viewer.
  'ClassGroup.promotedFrom', 'Lesson.cancelReason', 'Lesson.room', 'Lesson.version',
  'Room.capacity', 'Room.id', 'Room.name', 'Room.version', 'StudyPeriod.kind', 'Subject.version',
  // Classes, work types and study periods per parallel (issue 18): plain stored values, the same for every viewer
  // (ClassGroup.studyPeriods: the year's periods of the class's grade).
  'ClassGroup.closedAt', 'ClassGroup.letter', 'ClassGroup.shift', 'ClassGroup.studyPeriods', 'ClassGroup.version',
  'StudyPeriod.gradeFrom', 'StudyPeriod.gradeTo', 'WorkType.id', 'WorkType.retiredAt',
  // Corrections (issue 18 part 4): `retracted`/`cleared` are stored values; who, when and why are judged like
  // Mark.versions, by the registry on the event's student (mark.readVersions, attendance.readClearing), which
  // answers the same for viewers with the same grants and the same tie.
  'Attendance.clearReason', 'Attendance.cleared', 'Attendance.clearedAt', 'Attendance.clearedBy',
  'Mark.retracted', 'Mark.retractedAt', 'Mark.retractedBy', 'Mark.retractionReason', 'MarkVersion.retraction',
];

function fieldsReachableFrom(schema: GraphQLSchema, typeName: string): string[] {
  const seen = new Set<string>();
  const fields: string[] = [];
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const type = schema.getType(name);
    if (!isObjectType(type) && !isInterfaceType(type)) return;
    for (const field of Object.values(type.getFields())) {
      fields.push(`${type.name}.${field.name}`);
      visit(getNamedType(field.type).name);
    }
  };
  visit(typeName);
  return fields.sort();
}

it('knows every field reachable from a DiaryEvent (review a new one before sharing executions of it)', async () => {
  expect(fieldsReachableFrom(await buildBareSchema(), 'DiaryEvent')).toEqual([...REVIEWED_FIELDS_BELOW_DIARY_EVENT].sort());
});
