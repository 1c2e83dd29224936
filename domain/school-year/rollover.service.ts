import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AcademicYear, AcademicYearState, ClassGroup, CurriculumItem, Employee, Enrollment, MovementOrderType, School, Student, Subgroup, SubgroupMember, TeachingAssignment
} from '../../entities';
import { localDate } from '../../lib/clock';
import { applyMovementOrders } from '../people/movement-book.service';
import { assertGraduationGrade } from './final-grades';
import { AdminWriter, checkDate, checkSpan } from './admin-write';
import { badInput, conflict, notFound } from '../../lib/errors';
import { requiredText } from '../../lib/text';
import { assertYearWritable } from './school-year.service';

/** The last grade of a school: its students graduate, nobody is promoted out of it. */
export const LAST_GRADE = 11;

/** What the pedagogical council decided for a student at the end of the year (rule 9). */
export type RolloverDecision =
  | MovementOrderType.PROMOTE | MovementOrderType.PROMOTE_CONDITIONAL | MovementOrderType.REPEAT_YEAR | MovementOrderType.GRADUATE;
export const ROLLOVER_DECISIONS: readonly MovementOrderType[] = [
  MovementOrderType.PROMOTE, MovementOrderType.PROMOTE_CONDITIONAL, MovementOrderType.REPEAT_YEAR, MovementOrderType.GRADUATE,
];

export interface RolloverCommand {
  yearId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  decisions: { studentId: string; decision: RolloverDecision }[];
  /**
   * The decision for every student not listed: PROMOTE or PROMOTE_CONDITIONAL (the last grade
   * then GRADUATEs). Without it, unlisted students are undecided and the rollover is refused.
   */
  defaultDecision?: RolloverDecision | null;
  /** Only for apply: the preview's token. */
  token?: string | null;
}

export interface PlannedClass { key: string; grade: number; letter: string; shift: number; fromClass: ClassGroup | null; classTeacherId: string | null }
export interface PlannedStudent {
  student: Student; enrollment: Enrollment; fromClass: ClassGroup; decision: RolloverDecision | null;
  toClassKey: string | null; orderNumber: string | null;
}
export interface RolloverPlan {
  token: string;
  oldYear: AcademicYear;
  name: string; startsOn: string; endsOn: string;
  classes: PlannedClass[];
  students: PlannedStudent[];
  curriculumItems: CurriculumItem[];
  assignments: TeachingAssignment[];
  subgroups: { subgroup: Subgroup; members: string[] }[];
}

const classKey = (grade: number, letter: string) => `${grade}${letter}`;

/**
 * The year rollover of rule 9, as a preview and an apply step that does exactly what the
 * preview said. The preview's `token` is a hash of everything the plan rests on (the old year's
 * version, classes, open enrollments, decisions, curriculum items, assignments, subgroups and
 * their members, with their versions); apply rebuilds the plan under a lock on the old year and
 * answers CONFLICT when the token no longer matches. All of it runs in one transaction.
 *
 * - Classes below the last grade continue as grade + 1 with the same letter, class teacher and
 *   shift (`promotedFrom` set); repeaters go to the new year's class of their own grade and
 *   letter, made for them when no promotion produced it.
 * - PROMOTE / PROMOTE_CONDITIONAL move a student with their class, REPEAT_YEAR keeps the grade,
 *   GRADUATE closes the enrollment. Only grades 9 and 11 graduate (GRADUATE_GRADE_ONLY on the
 *   decision otherwise); by default grade 11 graduates and grade 9 continues into grade 10. The
 *   orders are written by the movement book itself (`applyMovementOrders`, its rules and audit
 *   entries), in the new year's book, effective on its first day. A student without a decision blocks apply (BAD_USER_INPUT on
 *   `decisions`) and is listed in the preview's `undecided`.
 * - Curriculum items, teaching assignments (of teachers not dismissed) and subgroups are copied
 *   to the class each old class became, for editing; subgroup members follow when they move
 *   with the class. Timetable entries, the thematic plan and the calendar are not copied.
 * - The new year is PLANNING with `previousYear` set; the old one stays as it is (close it
 *   afterwards; a CLOSED year cannot be rolled over, its enrollments are read-only).
 */
export class RolloverService extends AdminWriter {
  async preview(cmd: RolloverCommand): Promise<RolloverPlan> {
    const input = this.checkInput(cmd);
    const em = this.scope.em;
    const year = await em.findOne(AcademicYear, cmd.yearId);
    if (!year) throw notFound('AcademicYear');
    await this.requireRoleIn(year.school.id, 'rollover.read', 'AcademicYear');
    return this.plan(em, year, input);
  }

  async apply(cmd: RolloverCommand): Promise<AcademicYear> {
    const input = this.checkInput(cmd);
    if (!cmd.token) throw badInput('token', 'Apply the rollover with the token of its preview.');
    return this.write(async (em, now) => {
      // Locks the old year: two applies (or an apply and a calendar edit) are serialized.
      const [locked] = await em.execute<{ id: string }[]>('select id from academic_year where id = ? for update', [cmd.yearId]);
      const year = locked ? await em.findOne(AcademicYear, cmd.yearId) : null;
      if (!year) throw notFound('AcademicYear');
      await this.requireRoleIn(year.school.id, 'year.write', 'AcademicYear');
      await assertYearWritable(em, year.id);
      const plan = await this.plan(em, year, input);
      if (plan.token !== cmd.token) throw conflict('The data changed since the preview: preview the rollover again.');
      const undecided = plan.students.filter((s) => s.decision === null);
      if (undecided.length > 0) {
        throw badInput('decisions', `${undecided.length} student(s) have no promotion decision (see the preview's "undecided").`);
      }
      const school = await em.findOneOrFail(School, year.school.id);
      const newYear = em.create(AcademicYear, {
        school, name: plan.name, startsOn: plan.startsOn, endsOn: plan.endsOn, state: AcademicYearState.PLANNING, previousYear: year,
      });
      const classes = new Map<string, ClassGroup>();
      for (const c of plan.classes) {
        classes.set(c.key, em.create(ClassGroup, {
          school, year: newYear, grade: c.grade, letter: c.letter, shift: c.shift,
          classTeacher: c.classTeacherId ? em.getReference(Employee, c.classTeacherId) : undefined,
          promotedFrom: c.fromClass ?? undefined,
        }));
      }
      const continuation = (old: ClassGroup) => classes.get(classKey(old.grade + 1, old.letter))!;
      for (const item of plan.curriculumItems) {
        em.create(CurriculumItem, {
          year: newYear, classGroup: continuation(item.classGroup), subject: item.subject,
          hoursPerWeek: item.hoursPerWeek, component: item.component,
        });
      }
      const movers = new Set(plan.students.filter((s) => isPromotion(s.decision)).map((s) => s.student.id));
      const subgroups = new Map<string, Subgroup>();
      for (const { subgroup, members } of plan.subgroups) {
        const copy = em.create(Subgroup, { classGroup: continuation(subgroup.classGroup), subject: subgroup.subject, name: subgroup.name });
        subgroups.set(subgroup.id, copy);
        for (const studentId of members) {
          if (movers.has(studentId)) em.create(SubgroupMember, { subgroup: copy, student: em.getReference(Student, studentId) });
        }
      }
      for (const a of plan.assignments) {
        em.create(TeachingAssignment, {
          teacher: a.teacher, year: newYear, classGroup: continuation(a.classGroup), subject: a.subject,
          subgroup: a.subgroup ? subgroups.get(a.subgroup.id) : undefined,
        });
      }
      // The new year and its classes exist before the movement book judges the orders against them.
      await em.flush();
      const orderDate = localDate(now, school.timezone);
      await applyMovementOrders(em, plan.students.map((s) => ({
        schoolId: school.id, studentId: s.student.id, type: s.decision!, number: s.orderNumber!, orderDate,
        effectiveOn: newYear.startsOn, toClassId: s.toClassKey ? classes.get(s.toClassKey)!.id : null, basis: ROLLOVER_BASIS,
      })), { userId: this.scope.viewer.userId, ip: this.scope.ip, now });
      const summary = summarize(plan);
      this.audit(em, now, school.id, 'year.rollover', 'AcademicYear', newYear.id, { yearId: year.id }, summary);
      return newYear;
    });
  }

  private checkInput(cmd: RolloverCommand) {
    const name = requiredText(cmd.name, 'name', 20);
    const startsOn = checkDate(cmd.startsOn, 'startsOn');
    const endsOn = checkDate(cmd.endsOn, 'endsOn');
    checkSpan(startsOn, endsOn);
    const seen = new Set<string>();
    cmd.decisions.forEach((d, i) => {
      if (seen.has(d.studentId)) throw badInput(`decisions.${i}.studentId`, 'One decision per student.');
      seen.add(d.studentId);
      if (!ROLLOVER_DECISIONS.includes(d.decision)) throw badInput(`decisions.${i}.decision`, 'Not a rollover decision.');
    });
    if (cmd.defaultDecision && cmd.defaultDecision !== MovementOrderType.PROMOTE && cmd.defaultDecision !== MovementOrderType.PROMOTE_CONDITIONAL) {
      throw badInput('defaultDecision', 'The default decision is PROMOTE or PROMOTE_CONDITIONAL; list repeaters and graduates one by one.');
    }
    return { name, startsOn, endsOn, decisions: cmd.decisions, defaultDecision: cmd.defaultDecision ?? null };
  }

  private async plan(em: EntityManager, year: AcademicYear, input: ReturnType<RolloverService['checkInput']>): Promise<RolloverPlan> {
    if (year.state === AcademicYearState.PLANNING) throw badInput('yearId', 'A year still being planned is not rolled over.');
    const successor = await em.findOne(AcademicYear, { previousYear: year });
    if (successor) throw conflict(`The year was already rolled over into ${successor.name}.`);
    if (input.startsOn <= year.endsOn) throw badInput('startsOn', 'The new year starts after the old one ends.');
    const others = await em.find(AcademicYear, { school: year.school });
    if (others.some((y) => y.name === input.name)) throw badInput('name', `The school already has a year "${input.name}".`);
    if (others.some((y) => y.startsOn <= input.endsOn && input.startsOn <= y.endsOn)) throw badInput('startsOn', 'The new year overlaps another year.');

    const oldClasses = await em.find(ClassGroup, { year }, { orderBy: { grade: 'asc', letter: 'asc' } });
    const byId = new Map(oldClasses.map((c) => [c.id, c]));
    const enrollments = await em.find(
      Enrollment, { classGroup: { $in: oldClasses.map((c) => c.id) }, endsOn: null }, { populate: ['student'] },
    );
    enrollments.sort((a, b) => {
      const ca = byId.get(a.classGroup.id)!;
      const cb = byId.get(b.classGroup.id)!;
      return ca.grade - cb.grade || ca.letter.localeCompare(cb.letter) || a.student.fullName.localeCompare(b.student.fullName, 'ru') || a.id.localeCompare(b.id);
    });
    const enrolledIds = new Set(enrollments.map((e) => e.student.id));
    input.decisions.forEach((d, i) => {
      if (!enrolledIds.has(d.studentId)) throw badInput(`decisions.${i}.studentId`, 'The student is not in a class of this year.');
    });
    const decided = new Map(input.decisions.map((d) => [d.studentId, d.decision]));

    const classes = new Map<string, PlannedClass>();
    for (const c of oldClasses) {
      if (c.grade >= LAST_GRADE) continue;
      const key = classKey(c.grade + 1, c.letter);
      classes.set(key, { key, grade: c.grade + 1, letter: c.letter, shift: c.shift, fromClass: c, classTeacherId: c.classTeacher?.id ?? null });
    }
    let n = 0;
    const students: PlannedStudent[] = enrollments.map((enrollment) => {
      const from = byId.get(enrollment.classGroup.id)!;
      const last = from.grade >= LAST_GRADE;
      let decision = decided.get(enrollment.student.id) ?? (input.defaultDecision ? (last ? MovementOrderType.GRADUATE : input.defaultDecision) : null);
      const field = () => `decisions.${input.decisions.findIndex((d) => d.studentId === enrollment.student.id)}.decision`;
      if (last && isPromotion(decision)) {
        throw badInput(field(), `Grade ${LAST_GRADE} is the last: its students graduate or repeat the year.`);
      }
      if (decision === MovementOrderType.GRADUATE) assertGraduationGrade(from.grade, field());
      decision = decision as RolloverDecision | null;
      let toClassKey: string | null = null;
      if (isPromotion(decision)) toClassKey = classKey(from.grade + 1, from.letter);
      if (decision === MovementOrderType.REPEAT_YEAR) {
        toClassKey = classKey(from.grade, from.letter);
        if (!classes.has(toClassKey)) {
          classes.set(toClassKey, { key: toClassKey, grade: from.grade, letter: from.letter, shift: from.shift, fromClass: null, classTeacherId: null });
        }
      }
      return { student: enrollment.student, enrollment, fromClass: from, decision, toClassKey, orderNumber: decision ? `${++n}-п` : null };
    });

    const classIds = oldClasses.filter((c) => c.grade < LAST_GRADE).map((c) => c.id);
    const curriculumItems = await em.find(CurriculumItem, { classGroup: { $in: classIds } }, { orderBy: { id: 'asc' } });
    const assignments = await em.find(TeachingAssignment, {
      classGroup: { $in: classIds }, teacher: { dismissedOn: null },
    }, { orderBy: { id: 'asc' } });
    const subgroupRows = await em.find(Subgroup, { classGroup: { $in: classIds } }, { orderBy: { id: 'asc' } });
    const members = await em.find(SubgroupMember, { subgroup: { $in: subgroupRows.map((s) => s.id) } }, { orderBy: { id: 'asc' } });
    const subgroups = subgroupRows.map((subgroup) => ({
      subgroup, members: members.filter((m) => m.subgroup.id === subgroup.id).map((m) => m.student.id).sort(),
    }));
    const sortedClasses = [...classes.values()].sort((a, b) => a.grade - b.grade || a.letter.localeCompare(b.letter));

    const fingerprint = {
      year: [year.id, year.version], input: { name: input.name, startsOn: input.startsOn, endsOn: input.endsOn },
      classes: oldClasses.map((c) => [c.id, c.version]),
      students: students.map((s) => [s.student.id, s.enrollment.id, s.decision, s.toClassKey, s.orderNumber]),
      items: curriculumItems.map((r) => [r.id, r.version]),
      assignments: assignments.map((r) => [r.id, r.version]),
      subgroups: subgroups.map((s) => [s.subgroup.id, s.subgroup.version, s.members]),
    };
    const token = createHash('sha256').update(JSON.stringify(fingerprint)).digest('base64url');
    return {
      token, oldYear: year, name: input.name, startsOn: input.startsOn, endsOn: input.endsOn,
      classes: sortedClasses, students, curriculumItems, assignments, subgroups,
    };
  }
}

export function isPromotion(decision: MovementOrderType | null | undefined): boolean {
  return decision === MovementOrderType.PROMOTE || decision === MovementOrderType.PROMOTE_CONDITIONAL;
}

export function summarize(plan: RolloverPlan) {
  const count = (d: MovementOrderType) => plan.students.filter((s) => s.decision === d).length;
  return {
    promoted: count(MovementOrderType.PROMOTE), promotedConditionally: count(MovementOrderType.PROMOTE_CONDITIONAL),
    repeating: count(MovementOrderType.REPEAT_YEAR), graduating: count(MovementOrderType.GRADUATE),
    undecided: plan.students.filter((s) => s.decision === null).length,
    classes: plan.classes.length, curriculumItems: plan.curriculumItems.length,
    teachingAssignments: plan.assignments.length, subgroups: plan.subgroups.length,
  };
}

/** What the rollover's orders rest on. */
export const ROLLOVER_BASIS = 'Решение педагогического совета о переводе (перенос учебного года)';
