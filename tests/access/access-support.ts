import { randomUUID } from 'node:crypto';
import { AttendanceKind, Role } from '../../entities';
import { buildLesson, buildMark, buildAbsence, buildStaff, buildWorld } from '../support/factories';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TestServer } from '../support/server';
import { toGlobalId } from '../../schema/global-id';

/**
 * Shared arrangement for the access tests: the factories' world plus what the
 * matrix needs on top — a pastoral deputy, a deputy of the other school, a
 * Russian lesson of 5А (taught by the class teacher) and some journal rows of
 * `student` in both subjects, so "only their own lessons" can be told apart from "all".
 */
export async function buildAccessWorld(em: EntityManager) {
  const w = await buildWorld(em);
  const pastoral = await buildStaff(em, w.school, [Role.DEPUTY_PASTORAL]);
  const otherDeputy = await buildStaff(em, w.otherSchool, [Role.DEPUTY_ACADEMIC]);
  // 5А Russian on Thursday, taught by the class teacher (not by `teacher`).
  const russianLesson = await buildLesson(em, {
    classGroup: w.class5a, subject: w.russian, teacher: w.classTeacher.employee, date: '2026-11-19', number: 2,
  });
  const mathMark = await buildMark(em, { lesson: w.lesson, student: w.student.student, author: w.teacher.user, value: '5' });
  const russianMark = await buildMark(em, { lesson: russianLesson, student: w.student.student, author: w.classTeacher.user, value: '3' });
  const mathAbsence = await buildAbsence(em, { lesson: w.lesson, student: w.classmate.student, author: w.teacher.user });
  const russianAbsence = await buildAbsence(em, { lesson: russianLesson, student: w.student.student, author: w.classTeacher.user });
  const mathLate = await buildAbsence(em, { lesson: w.lesson, student: w.student.student, author: w.teacher.user, kind: AttendanceKind.LATE });
  const otherMark = await buildMark(em, { lesson: w.lesson5b, student: w.otherStudent.student, author: w.teacher.user, value: '4' });
  return { ...w, pastoral, otherDeputy, russianLesson, mathMark, russianMark, mathAbsence, russianAbsence, mathLate, otherMark };
}
export type AccessWorld = Awaited<ReturnType<typeof buildAccessWorld>>;

/** Every kind of caller the access matrix names, as the user id whose token they carry (null: anonymous). */
export function actors(w: AccessWorld): Record<string, string | null> {
  return {
    anonymous: null,
    admin: w.admin.user.id,
    director: w.director.user.id,
    deputyAcademic: w.deputy.user.id,
    deputyPastoral: w.pastoral.user.id,
    teacher: w.teacher.user.id, // math in 5А and 5Б
    classTeacher: w.classTeacher.user.id, // leads 5А, teaches its Russian
    unrelatedTeacher: w.primaryTeacher.user.id, // 1А only
    substituteNoLessons: w.substitute.user.id,
    secretary: w.secretary.user.id,
    hr: w.hr.user.id,
    student: w.student.user!.id,
    otherStudent: w.otherStudent.user!.id,
    parent: w.parent.user.id,
    otherParent: w.otherParent.user.id,
    coordinator: w.coordinator.id,
    otherSchoolAdmin: w.otherAdmin.user.id,
    otherSchoolTeacher: w.otherTeacher.user.id,
    otherSchoolDeputy: w.otherDeputy.user.id,
  };
}

/** Runs a query as one of the actors. */
export async function as(server: TestServer, userId: string | null, query: string, variables: Record<string, unknown> = {}) {
  const token = userId ? await server.token(userId) : undefined;
  return server.gql(query, variables, token);
}

export const gid = toGlobalId;
export const randomId = (type: Parameters<typeof toGlobalId>[0]) => toGlobalId(type, randomUUID());

const JOURNAL_TABLES = [
  'mark', 'mark_version', 'attendance', 'lesson_record', 'lesson', 'period_mark', 'period_mark_version', 'audit_entry', 'diary_event',
] as const;

/**
 * A fingerprint of every table a journal write touches: its row count and a hash
 * of all its rows, so an update in place is caught as well as an insert.
 */
export async function journalState(server: TestServer): Promise<Record<string, { count: number; hash: string }>> {
  const em = server.em();
  const state: Record<string, { count: number; hash: string }> = {};
  for (const table of JOURNAL_TABLES) {
    const [row] = await em.getConnection().execute<{ count: string; hash: string | null }[]>(
      `select count(*)::text as count, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from "${table}" t`,
    );
    state[table] = { count: Number(row.count), hash: row.hash ?? '' };
  }
  return state;
}

/** Table → row count (for the readable "what grew" assertions of allowed writes). */
export function counts(state: Record<string, { count: number }>): Record<string, number> {
  return Object.fromEntries(Object.entries(state).map(([k, v]) => [k, v.count]));
}
