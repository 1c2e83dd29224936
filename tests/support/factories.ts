import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AcademicYear, AcademicYearState, Attendance, AttendanceKind, Bell, ClassGroup, Employee, Enrollment, Guardian,
  Guardianship, Lesson, LessonState, Mark, MarkVersion, MovementOrder, MovementOrderType, Municipality, Region, Role, RoleGrant, School, Student,
  StudyPeriod, StudyPeriodKind, Subject, Subgroup, SubgroupMember, TeachingAssignment, User, WorkType,
} from '../../entities';
import { hashPassword } from '../../domain/auth/auth.service';
import { addDays } from '../../lib/clock';

/** Every factory-made account has this password. */
export const PASSWORD = 'correct-horse-1';
let passwordHash: Promise<string> | undefined;
const hashed = () => (passwordHash ??= hashPassword(PASSWORD));
const uniq = () => randomBytes(4).toString('hex');

/**
 * Small factories: each makes one row and whatever parents it needs, flushes, and
 * returns it. Every test builds its own school, so tests never share rows.
 */

export async function buildSchool(em: EntityManager): Promise<School> {
  const region = em.create(Region, { name: `Region ${uniq()}` });
  const municipality = em.create(Municipality, { region, name: `Municipality ${uniq()}` });
  const school = em.create(School, { municipality, name: `School ${uniq()}`, timezone: 'Europe/Moscow' });
  const year = em.create(AcademicYear, {
    school, name: '2026/2027', startsOn: '2026-09-01', endsOn: '2027-05-26', state: AcademicYearState.ACTIVE,
  });
  const quarters: [string, string][] = [
    ['2026-09-01', '2026-10-23'], ['2026-11-05', '2026-12-28'], ['2027-01-12', '2027-03-19'], ['2027-03-30', '2027-05-26'],
  ];
  quarters.forEach(([startsOn, endsOn], i) =>
    em.create(StudyPeriod, { year, kind: StudyPeriodKind.QUARTER, ordinal: i + 1, name: `${i + 1} четверть`, startsOn, endsOn }));
  const starts = ['08:30', '09:25', '10:30', '11:35', '12:30', '13:25', '14:20', '15:15'];
  starts.forEach((start, i) => {
    const [h, m] = start.split(':').map(Number);
    const end = new Date(Date.UTC(2000, 0, 1, h, m + 45));
    em.create(Bell, { school, shift: 1, number: i + 1, startsAt: `${start}:00`, endsAt: `${end.toISOString().slice(11, 19)}` });
  });
  for (const [code, name, weight] of [
    ['ORAL', 'Устный ответ', '1.00'], ['HOMEWORK', 'Домашняя работа', '1.00'], ['INDEPENDENT', 'Самостоятельная работа', '1.50'],
    ['CONTROL', 'Контрольная работа', '2.00'], ['LAB', 'Лабораторная работа', '1.50'], ['PRACTICAL', 'Практическая работа', '1.50'],
    ['TEST', 'Тест', '1.50'],
  ] as const) {
    em.create(WorkType, { school, code, name, weight });
  }
  await em.flush();
  return school;
}

export async function currentYear(em: EntityManager, school: School): Promise<AcademicYear> {
  return em.findOneOrFail(AcademicYear, { school });
}

export interface UserOptions { login?: string; roles?: Role[]; mustChangePassword?: boolean; locked?: boolean }

export async function buildUser(em: EntityManager, school: School | null, options: UserOptions = {}): Promise<User> {
  const user = em.create(User, {
    login: options.login ?? `user.${uniq()}`,
    passwordHash: await hashed(),
    mustChangePassword: options.mustChangePassword ?? false,
    locked: options.locked ?? false,
    createdAt: new Date(),
  });
  for (const role of options.roles ?? []) {
    if (role === Role.MUNICIPAL_COORDINATOR && school) {
      em.create(RoleGrant, { user, role, municipality: school.municipality });
    } else {
      em.create(RoleGrant, { user, role, school: school ?? undefined });
    }
  }
  await em.flush();
  return user;
}

/** A staff member: an employee card with a login holding the given roles. */
export async function buildStaff(em: EntityManager, school: School, roles: Role[], options: UserOptions = {}) {
  const user = await buildUser(em, school, { ...options, roles });
  const employee = em.create(Employee, { school, user, lastName: `Учитель-${uniq()}`, firstName: 'Анна', middleName: 'Петровна' });
  await em.flush();
  return { user, employee };
}

export async function buildSubject(em: EntityManager, school: School, name = `Предмет ${uniq()}`): Promise<Subject> {
  const subject = em.create(Subject, { school, name });
  await em.flush();
  return subject;
}

export async function buildClass(
  em: EntityManager, school: School, options: { grade?: number; letter?: string; classTeacher?: Employee } = {},
): Promise<ClassGroup> {
  const year = await currentYear(em, school);
  const classGroup = em.create(ClassGroup, {
    school, year, grade: options.grade ?? 5, letter: options.letter ?? uniq().slice(0, 3).toUpperCase(),
    classTeacher: options.classTeacher,
  });
  await em.flush();
  return classGroup;
}

export async function buildStudent(
  em: EntityManager, classGroup: ClassGroup,
  options: { withLogin?: boolean; startsOn?: string; endsOn?: string; lastName?: string } = {},
) {
  const school = classGroup.school;
  const user = options.withLogin ? await buildUser(em, school, { roles: [Role.STUDENT] }) : undefined;
  const student = em.create(Student, {
    school, user, lastName: options.lastName ?? `Ученик-${uniq()}`, firstName: 'Иван', personalDataConsentAt: new Date(),
  });
  const { enrollment } = await enroll(em, student, classGroup, { startsOn: options.startsOn ?? '2026-09-01' });
  if (options.endsOn) {
    enrollment.endsOn = options.endsOn;
    enrollment.closedBy = em.create(MovementOrder, orderRow(student, MovementOrderType.WITHDRAW, addDays(options.endsOn, 1), { fromClass: classGroup }));
    await em.flush();
  }
  return { student, user };
}

/** The fields every movement order needs; the number is unique, the order dated on the day it takes effect. */
function orderRow(
  student: Student, type: MovementOrderType, effectiveOn: string, classes: { fromClass?: ClassGroup; toClass?: ClassGroup },
) {
  const year = (classes.toClass ?? classes.fromClass)!.year;
  return {
    school: student.school, year, number: `${uniq()}-у`, orderDate: effectiveOn, effectiveOn, type, student,
    ...classes, createdAt: new Date(),
  };
}

/** Enrolls a student the way the movement book does: an ENROLL order and the enrollment it opens. */
export async function enroll(
  em: EntityManager, student: Student, classGroup: ClassGroup, options: { startsOn: string },
): Promise<{ order: MovementOrder; enrollment: Enrollment }> {
  const order = em.create(MovementOrder, orderRow(student, MovementOrderType.ENROLL, options.startsOn, { toClass: classGroup }));
  const enrollment = em.create(Enrollment, { student, classGroup, startsOn: options.startsOn, openedBy: order });
  await em.flush();
  return { order, enrollment };
}

/**
 * Moves a student between classes from `effectiveOn` (TRANSFER_CLASS by default; PROMOTE,
 * REPEAT_YEAR, … work alike): one order closes their open enrollment in `fromClass` the day
 * before and opens one in `toClass`.
 */
export async function transfer(
  em: EntityManager, student: Student, fromClass: ClassGroup, toClass: ClassGroup,
  options: { effectiveOn: string; type?: MovementOrderType },
): Promise<{ order: MovementOrder; enrollment: Enrollment }> {
  const open = await em.findOneOrFail(Enrollment, { student, classGroup: fromClass, endsOn: null });
  const order = em.create(MovementOrder, orderRow(student, options.type ?? MovementOrderType.TRANSFER_CLASS, options.effectiveOn, {
    fromClass, toClass,
  }));
  open.endsOn = addDays(options.effectiveOn, -1);
  open.closedBy = order;
  const enrollment = em.create(Enrollment, { student, classGroup: toClass, startsOn: options.effectiveOn, openedBy: order });
  await em.flush();
  return { order, enrollment };
}

/**
 * When the factories' guardianships were recorded: at the start of their school year, a second
 * apart in the order made. Not the wall clock: the tests' clock is hand-moved (2026-11-20), and
 * a replay of the live diary reaches back only to the link (permissions/diary-replay.ts).
 */
let links = 0;
const linkTime = () => new Date(Date.parse('2026-09-01T00:00:00+03:00') + ++links * 1000);

/** A parent with a login, guardian of the given students (linked at `linkedAt`, or early in the year). */
export async function buildParent(em: EntityManager, school: School, children: Student[], options: { linkedAt?: Date } = {}) {
  const user = await buildUser(em, school, { roles: [Role.PARENT] });
  const guardian = em.create(Guardian, { school, user, lastName: `Родитель-${uniq()}`, firstName: 'Ольга' });
  const guardianships = children.map((student) => em.create(Guardianship, { guardian, student, createdAt: options.linkedAt ?? linkTime() }));
  await em.flush();
  return { user, guardian, guardianships };
}

export async function buildAssignment(em: EntityManager, teacher: Employee, classGroup: ClassGroup, subject: Subject, subgroup?: Subgroup) {
  const assignment = em.create(TeachingAssignment, { teacher, classGroup, year: classGroup.year, subject, subgroup });
  await em.flush();
  return assignment;
}

export async function buildSubgroup(em: EntityManager, classGroup: ClassGroup, subject: Subject, members: Student[]) {
  const subgroup = em.create(Subgroup, { classGroup, subject, name: `Группа ${uniq()}` });
  for (const student of members) em.create(SubgroupMember, { subgroup, student });
  await em.flush();
  return subgroup;
}

export async function buildLesson(
  em: EntityManager,
  options: {
    classGroup: ClassGroup; subject: Subject; teacher: Employee; date: string; number?: number;
    state?: LessonState; substituteTeacher?: Employee; subgroup?: Subgroup;
  },
): Promise<Lesson> {
  const lesson = em.create(Lesson, {
    school: options.classGroup.school, classGroup: options.classGroup, subject: options.subject, teacher: options.teacher,
    substituteTeacher: options.substituteTeacher, subgroup: options.subgroup, date: options.date, number: options.number ?? 1,
    state: options.state ?? LessonState.HELD,
  });
  await em.flush();
  return lesson;
}

/** A mark as if recorded earlier (revision 1 with its version row). */
export async function buildMark(
  em: EntityManager, options: { lesson: Lesson; student: Student; author: User; value?: string; workTypeCode?: string },
): Promise<Mark> {
  const workType = await em.findOneOrFail(WorkType, { school: options.lesson.school, code: options.workTypeCode ?? 'ORAL' });
  const createdAt = new Date(`${options.lesson.date}T10:00:00+03:00`);
  const value = options.value ?? '4';
  const mark = em.create(Mark, {
    school: options.lesson.school, student: options.student, lesson: options.lesson, workType, value,
    revision: 1, createdBy: options.author, createdAt,
  });
  em.create(MarkVersion, { mark, revision: 1, value, createdBy: options.author, createdAt });
  await em.flush();
  return mark;
}

export async function buildAbsence(
  em: EntityManager, options: { lesson: Lesson; student: Student; author: User; kind?: AttendanceKind },
): Promise<Attendance> {
  const attendance = em.create(Attendance, {
    school: options.lesson.school, student: options.student, lesson: options.lesson,
    kind: options.kind ?? AttendanceKind.ABSENT, createdBy: options.author, createdAt: new Date(`${options.lesson.date}T10:00:00+03:00`),
  });
  await em.flush();
  return attendance;
}

/**
 * A typical school for access tests. 5А: class teacher `classTeacher`, math taught by
 * `teacher`, students `student` (with login, child of `parent`) and `classmate`.
 * 5Б: `otherStudent` (child of `otherParent`). 1А: `firstGrader`, taught by `primaryTeacher`.
 * Plus the administration, a secretary, and a second school with its own admin.
 * Today is 2026-11-20 (a Friday); `lesson` is 5А math on that day, bell 1 (08:30).
 */
export async function buildWorld(em: EntityManager) {
  const school = await buildSchool(em);
  const math = await buildSubject(em, school, 'Математика');
  const russian = await buildSubject(em, school, 'Русский язык');
  const teacher = await buildStaff(em, school, [Role.TEACHER]);
  const classTeacher = await buildStaff(em, school, [Role.TEACHER]);
  const primaryTeacher = await buildStaff(em, school, [Role.TEACHER]);
  const substitute = await buildStaff(em, school, [Role.TEACHER]);
  const admin = await buildStaff(em, school, [Role.ADMIN]);
  const director = await buildStaff(em, school, [Role.DIRECTOR]);
  const deputy = await buildStaff(em, school, [Role.DEPUTY_ACADEMIC]);
  const secretary = await buildStaff(em, school, [Role.SECRETARY]);
  const hr = await buildStaff(em, school, [Role.HR]);
  const coordinator = await buildUser(em, school, { roles: [Role.MUNICIPAL_COORDINATOR] });

  const class5a = await buildClass(em, school, { grade: 5, letter: 'А', classTeacher: classTeacher.employee });
  const class5b = await buildClass(em, school, { grade: 5, letter: 'Б' });
  const class1a = await buildClass(em, school, { grade: 1, letter: 'А', classTeacher: primaryTeacher.employee });
  await buildAssignment(em, teacher.employee, class5a, math);
  await buildAssignment(em, teacher.employee, class5b, math);
  await buildAssignment(em, classTeacher.employee, class5a, russian);
  await buildAssignment(em, primaryTeacher.employee, class1a, math);

  const student = await buildStudent(em, class5a, { withLogin: true, lastName: 'Аверин' });
  const classmate = await buildStudent(em, class5a, { lastName: 'Борисов' });
  const otherStudent = await buildStudent(em, class5b, { withLogin: true });
  const firstGrader = await buildStudent(em, class1a, { withLogin: true });
  const parent = await buildParent(em, school, [student.student]);
  const otherParent = await buildParent(em, school, [otherStudent.student]);

  const lesson = await buildLesson(em, { classGroup: class5a, subject: math, teacher: teacher.employee, date: '2026-11-20', number: 1 });
  const lesson5b = await buildLesson(em, { classGroup: class5b, subject: math, teacher: teacher.employee, date: '2026-11-20', number: 2 });
  const lesson1a = await buildLesson(em, { classGroup: class1a, subject: math, teacher: primaryTeacher.employee, date: '2026-11-20', number: 1 });

  const otherSchool = await buildSchool(em);
  const otherAdmin = await buildStaff(em, otherSchool, [Role.ADMIN]);
  const otherTeacher = await buildStaff(em, otherSchool, [Role.TEACHER]);

  return {
    school, math, russian, teacher, classTeacher, primaryTeacher, substitute, admin, director, deputy, secretary, hr, coordinator,
    class5a, class5b, class1a, student, classmate, otherStudent, firstGrader, parent, otherParent,
    lesson, lesson5b, lesson1a, otherSchool, otherAdmin, otherTeacher,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
