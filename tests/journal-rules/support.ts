import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type Attendance, type ClassGroup, type Employee, type Lesson, LessonState, type Mark, type Student, StudyPeriod,
  type Subgroup, type Subject, type User,
} from '../../entities';
import { parseGlobalId, toGlobalId } from '../../schema/global-id';
import { buildLesson, buildWorld, type World } from '../support/factories';
import { type GraphQLResponse, TEST_NOW, TestServer, errorCode } from '../support/server';

/**
 * Shared by the journal-rule tests: the six journal mutations called as a given user
 * (a token is minted at call time, so it is valid on whatever the clock says), and a
 * fingerprint of every journal table to prove that a refused write changed nothing.
 */

export const MARK_FIELDS = 'id value revision corrected createdAt comment workType { code weight } lesson { id state } student { id }';
export const ATTENDANCE_FIELDS = 'id kind reason document lesson { id state } student { id }';
export const LESSON_FIELDS = 'id date state topic homework';
export const PERIOD_MARK_FIELDS = 'id kind value revision corrected subject { id } student { id } studyPeriod { id ordinal }';

const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { ${MARK_FIELDS} } }`;
const CORRECT_MARK = `mutation($i: CorrectMarkInput!) { correctMark(input: $i) { ${MARK_FIELDS} } }`;
const RECORD_ATTENDANCE = `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { ${ATTENDANCE_FIELDS} } }`;
const SET_ABSENCE_REASON = `mutation($i: SetAbsenceReasonInput!) { setAbsenceReason(input: $i) { ${ATTENDANCE_FIELDS} } }`;
const SET_LESSON_RECORD = `mutation($i: SetLessonRecordInput!) { setLessonRecord(input: $i) { ${LESSON_FIELDS} } }`;
const SET_PERIOD_MARK = `mutation($i: SetPeriodMarkInput!) { setPeriodMark(input: $i) { ${PERIOD_MARK_FIELDS} } }`;

/** A user, or a world member holding one (`w.teacher`, `w.parent`, `w.student`…). */
type Who = { id: string } | { user?: { id: string } | null };
function userIdOf(who: Who): string {
  if (!('user' in who)) return (who as { id: string }).id;
  if (!who.user) throw new Error('this member has no login');
  return who.user.id;
}
const gid = (type: Parameters<typeof toGlobalId>[0], row: string | { id: string }) =>
  typeof row === 'string' ? (parseGlobalId(row) ? row : toGlobalId(type, row)) : toGlobalId(type, row.id);

/** The uuid inside a global id. */
export interface JournalWorld { server: TestServer; em: EntityManager; w: World; j: Journal }

/**
 * The hooks every journal-rule file starts with: a server on a database of its own, a whole
 * school (buildWorld), and the clock back at TEST_NOW before each test. `ready` receives them
 * once they exist, and may add the file's own rows.
 */
export function useJournalWorld(ready: (world: JournalWorld) => unknown): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await TestServer.start();
    const em = server.em();
    await ready({ server, em, w: await buildWorld(em), j: new Journal(server) });
  });
  afterAll(async () => { await server?.stop(); });
  beforeEach(() => { server?.clock.set(TEST_NOW); });
}

export function uuidOf(globalId: string): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw new Error(`not a global id: ${globalId}`);
  return parsed.uuid;
}

export class Journal {
  constructor(private readonly server: TestServer) {}

  async as(who: Who, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
    return this.server.gql(query, variables, await this.server.token(userIdOf(who)));
  }

  recordMark(who: Who, o: { lesson: Lesson | string; student: Student | string; value: string; workTypeCode?: string; comment?: string }) {
    return this.as(who, RECORD_MARK, {
      i: {
        lessonId: gid('Lesson', o.lesson), studentId: gid('Student', o.student), value: o.value,
        workTypeCode: o.workTypeCode ?? 'ORAL', ...(o.comment !== undefined ? { comment: o.comment } : {}),
      },
    });
  }

  correctMark(who: Who, o: { mark: Mark | string; value: string; reason: string; expectedRevision?: number }) {
    return this.as(who, CORRECT_MARK, {
      i: { markId: gid('Mark', o.mark), value: o.value, reason: o.reason, ...(o.expectedRevision !== undefined ? { expectedRevision: o.expectedRevision } : {}) },
    });
  }

  recordAttendance(who: Who, o: { lesson: Lesson | string; student: Student | string; kind?: 'ABSENT' | 'LATE' }) {
    return this.as(who, RECORD_ATTENDANCE, {
      i: { lessonId: gid('Lesson', o.lesson), studentId: gid('Student', o.student), kind: o.kind ?? 'ABSENT' },
    });
  }

  setAbsenceReason(who: Who, o: { attendance: Attendance | string; reason: string; document?: string | null }) {
    return this.as(who, SET_ABSENCE_REASON, {
      i: { attendanceId: gid('Attendance', o.attendance), reason: o.reason, ...(o.document !== undefined ? { document: o.document } : {}) },
    });
  }

  setLessonRecord(who: Who, o: { lesson: Lesson | string; topic?: string | null; homework?: string | null }) {
    const i: Record<string, unknown> = { lessonId: gid('Lesson', o.lesson) };
    if (o.topic !== undefined) i.topic = o.topic;
    if (o.homework !== undefined) i.homework = o.homework;
    return this.as(who, SET_LESSON_RECORD, { i });
  }

  setPeriodMark(who: Who, o: {
    student: Student | string; subject: Subject | string; value: string; studyPeriod?: StudyPeriod | null;
    kind?: 'PERIOD' | 'YEAR' | 'EXAM' | 'FINAL'; reason?: string | null;
  }) {
    return this.as(who, SET_PERIOD_MARK, {
      i: {
        studentId: gid('Student', o.student), subjectId: gid('Subject', o.subject), kind: o.kind ?? 'PERIOD',
        ...(o.studyPeriod ? { studyPeriodId: toGlobalId('StudyPeriod', o.studyPeriod.id) } : {}),
        value: o.value, ...(o.reason !== undefined ? { reason: o.reason } : {}),
      },
    });
  }
}

/** Fails with the server's message when the response has errors (so a failing test says why). */
export function ok<T = any>(response: GraphQLResponse, field: string): T {
  expect(response.errors ?? []).toEqual([]);
  expect(response.data?.[field]).toBeTruthy();
  return response.data![field] as T;
}

/** The code and message of the first error, for readable failures. */
export function failure(response: GraphQLResponse) {
  const error = response.errors?.[0];
  return { code: errorCode(response), field: error?.extensions?.field, message: error?.message };
}

// --- the data fingerprint -------------------------------------------------------------

export const JOURNAL_TABLES = [
  'mark', 'mark_version', 'attendance', 'lesson_record', 'audit_entry', 'diary_event', 'period_mark', 'period_mark_version', 'lesson',
] as const;
export type JournalTable = (typeof JOURNAL_TABLES)[number];

async function sql<T = any>(server: TestServer, query: string, params: unknown[] = []): Promise<T[]> {
  return server.em().getConnection().execute<T[]>(query, params);
}
export { sql as query };

/** Row count and a hash of every row's full content, per journal table. */
export async function fingerprint(server: TestServer): Promise<Record<JournalTable, { rows: number; hash: string }>> {
  const parts = JOURNAL_TABLES.map((t) =>
    `select '${t}' as t, count(*)::int as rows, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as hash from "${t}" x`);
  const rows = await sql<{ t: JournalTable; rows: number; hash: string }>(server, parts.join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.t, { rows: r.rows, hash: r.hash }])) as Record<JournalTable, { rows: number; hash: string }>;
}

export async function rowCounts(server: TestServer): Promise<Record<JournalTable, number>> {
  const fp = await fingerprint(server);
  return Object.fromEntries(JOURNAL_TABLES.map((t) => [t, fp[t].rows])) as Record<JournalTable, number>;
}

/**
 * Runs a write that must be refused with `code` (and `field`, when given), and shows
 * that no journal table changed: not a row added, removed or altered.
 */
export async function expectRefused(
  server: TestServer, code: string, work: () => Promise<GraphQLResponse>, field?: string,
): Promise<GraphQLResponse> {
  const before = await fingerprint(server);
  const response = await work();
  expect(failure(response)).toMatchObject(field ? { code, field } : { code });
  expect(response.errors).toHaveLength(1);
  // No leaked internals in a refusal.
  expect(JSON.stringify(response.errors)).not.toMatch(/stack|select |insert |update "|\bmark_version\b|diary_event/i);
  expect(await fingerprint(server)).toEqual(before);
  return response;
}

/** Runs a write and tells how many rows each journal table gained (negative: lost). */
export async function withDelta<T>(server: TestServer, work: () => Promise<T>): Promise<{ result: T; delta: Record<JournalTable, number> }> {
  const before = await rowCounts(server);
  const result = await work();
  const after = await rowCounts(server);
  const delta = Object.fromEntries(JOURNAL_TABLES.map((t) => [t, after[t] - before[t]])) as Record<JournalTable, number>;
  return { result, delta };
}

/** A delta where only the named tables changed. */
export function onlyChanged(changes: Partial<Record<JournalTable, number>>): Record<JournalTable, number> {
  return Object.fromEntries(JOURNAL_TABLES.map((t) => [t, changes[t] ?? 0])) as Record<JournalTable, number>;
}

// --- inspecting what was stored -------------------------------------------------------

export const auditEntriesOf = (server: TestServer, entityId: string) =>
  sql<{ action: string; entity_type: string; actor_id: string; school_id: string; before: any; after: any; at: Date }>(
    server, 'select action, entity_type, actor_id, school_id, before, after, at from audit_entry where entity_id = ? order by id', [entityId]);

export const diaryEventsOf = (server: TestServer, where: { lessonId?: string; markId?: string; attendanceId?: string }) =>
  sql<{ type: string; student_id: string; lesson_id: string | null; mark_id: string | null; attendance_id: string | null; occurred_at: Date }>(
    server,
    `select type, student_id, lesson_id, mark_id, attendance_id, occurred_at from diary_event
      where (?::uuid is null or lesson_id = ?) and (?::uuid is null or mark_id = ?) and (?::uuid is null or attendance_id = ?)
      order by id`,
    [where.lessonId ?? null, where.lessonId ?? null, where.markId ?? null, where.markId ?? null, where.attendanceId ?? null, where.attendanceId ?? null],
  );

export const markVersionsOf = (server: TestServer, markId: string) =>
  sql<{ revision: number; value: string; reason: string | null; created_by_id: string; created_at: Date }>(
    server, 'select revision, value, reason, created_by_id, created_at from mark_version where mark_id = ? order by revision', [markId]);

export async function lessonState(server: TestServer, lessonId: string): Promise<string> {
  const [row] = await sql<{ state: string }>(server, 'select state from lesson where id = ?', [lessonId]);
  return row.state;
}

// --- arranging ------------------------------------------------------------------------

/** A lesson of the world (default: 5А math, taught by `teacher`, HELD, bell 1). */
export function lessonOf(
  em: EntityManager, w: World,
  o: { date: string; number?: number; state?: LessonState; classGroup?: ClassGroup; subject?: Subject; teacher?: Employee;
    substituteTeacher?: Employee; subgroup?: Subgroup },
): Promise<Lesson> {
  return buildLesson(em, {
    classGroup: o.classGroup ?? w.class5a, subject: o.subject ?? w.math, teacher: o.teacher ?? w.teacher.employee,
    date: o.date, number: o.number ?? 1, state: o.state ?? LessonState.HELD,
    substituteTeacher: o.substituteTeacher, subgroup: o.subgroup,
  });
}

export async function quarter(em: EntityManager, w: World, ordinal: number): Promise<StudyPeriod> {
  return em.findOneOrFail(StudyPeriod, { year: { school: w.school }, ordinal });
}

export type { User };
