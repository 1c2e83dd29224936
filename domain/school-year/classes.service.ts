import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AcademicYear, ClassGroup, Employee, School } from '../../entities';
import { localDate } from '../../lib/clock';
import { AppError, ErrorCode, badInput, notFound } from '../../lib/errors';
import { mayLeadClass } from '../../permissions/class-teacher';
import { AdminWriter, checkInt } from './admin-write';
import { assertYearWritable } from './school-year.service';

/** Grades of a Russian school: 1–11. */
export const GRADES = { first: 1, last: 11 } as const;
/** Shifts a school may run (most run one or two; a few a third). */
export const SHIFTS = { first: 1, last: 3 } as const;

/** One or two Cyrillic capital letters: "А", "Б", "АБ" (lower case is taken and raised). */
const LETTER = /^[А-ЯЁ]{1,2}$/;

export function checkLetter(value: string | null | undefined, field = 'letter'): string {
  const letter = (value ?? '').trim().toLocaleUpperCase('ru-RU');
  if (!LETTER.test(letter)) throw badInput(field, `"${field}" is one or two Cyrillic letters ("А", "Б").`);
  return letter;
}

export interface CreateClassCommand {
  schoolId?: string | null; yearId: string; grade: number; letter: string; shift?: number | null; classTeacherId?: string | null;
}
/** `classTeacherId`: undefined leaves the class teacher; null removes them. */
export interface UpdateClassCommand {
  classId: string; expectedVersion?: number | null; letter?: string | null; shift?: number | null; classTeacherId?: string | null;
}
export interface CloseClassCommand { classId: string; expectedVersion?: number | null }

const classExists = (name: string) =>
  new AppError(ErrorCode.CLASS_EXISTS, `The year already has the class ${name}.`, { field: 'letter' });

/**
 * Classes (matrix row "classes (grade, letter, shift, class teacher)…": ADMIN W). A class is one
 * grade and letter in one year, unique within it; its class teacher is a TEACHER of the school
 * who has not been dismissed. The class teacher's tie is read from `class_group.class_teacher_id`
 * wherever it counts (permissions/ties.ts: access, credentials duties; the `diary_access` trigger
 * re-checks the live diary on every class update), so a change takes effect with the commit.
 * A class is closed, not deleted: `closedAt`, refused while pupils are still enrolled in it.
 */
export class ClassesService extends AdminWriter {
  async createClass(cmd: CreateClassCommand): Promise<ClassGroup> {
    const grade = checkInt(cmd.grade, 'grade', GRADES.first, GRADES.last);
    const letter = checkLetter(cmd.letter);
    const shift = cmd.shift == null ? SHIFTS.first : checkInt(cmd.shift, 'shift', SHIFTS.first, SHIFTS.last);
    return this.write(async (em, now) => {
      const year = await em.findOne(AcademicYear, cmd.yearId);
      if (!year || (cmd.schoolId && cmd.schoolId !== year.school.id)) throw notFound('AcademicYear');
      await this.requireRoleIn(year.school.id, 'classes.write', 'AcademicYear');
      await assertYearWritable(em, year.id);
      const school = await em.findOneOrFail(School, year.school.id);
      const classTeacher = cmd.classTeacherId ? await this.classTeacherOf(em, school, cmd.classTeacherId, now) : undefined;
      if (await em.findOne(ClassGroup, { year, grade, letter })) throw classExists(`${grade}${letter}`);
      const classGroup = em.create(ClassGroup, { school, year, grade, letter, shift, classTeacher });
      await this.flushUnique(em, `${grade}${letter}`);
      this.audit(em, now, school.id, 'class.create', 'ClassGroup', classGroup.id, null, {
        yearId: year.id, grade, letter, shift, classTeacherId: classTeacher?.id ?? null,
      });
      return classGroup;
    });
  }

  async updateClass(cmd: UpdateClassCommand): Promise<ClassGroup> {
    const letter = cmd.letter == null ? null : checkLetter(cmd.letter);
    const shift = cmd.shift == null ? null : checkInt(cmd.shift, 'shift', SHIFTS.first, SHIFTS.last);
    return this.write(async (em, now) => {
      const classGroup = await this.writableClass(em, cmd.classId);
      if (cmd.expectedVersion != null) await this.checkVersion(em, classGroup, cmd.expectedVersion);
      if (classGroup.closedAt) throw badInput('classId', `${classGroup.name} is closed.`);
      const school = await em.findOneOrFail(School, classGroup.school.id);
      const before = { letter: classGroup.letter, shift: classGroup.shift, classTeacherId: classGroup.classTeacher?.id ?? null };
      if (letter && letter !== classGroup.letter) {
        if (await em.findOne(ClassGroup, { year: classGroup.year, grade: classGroup.grade, letter })) throw classExists(`${classGroup.grade}${letter}`);
        classGroup.letter = letter;
      }
      if (shift) classGroup.shift = shift;
      if (cmd.classTeacherId !== undefined) {
        classGroup.classTeacher = cmd.classTeacherId ? await this.classTeacherOf(em, school, cmd.classTeacherId, now) : undefined;
      }
      const after = { letter: classGroup.letter, shift: classGroup.shift, classTeacherId: classGroup.classTeacher?.id ?? null };
      if (JSON.stringify(after) === JSON.stringify(before)) return classGroup;
      await this.flushUnique(em, classGroup.name);
      this.audit(em, now, school.id, 'class.update', 'ClassGroup', classGroup.id, before, after);
      return classGroup;
    });
  }

  /** Closes the class: refused (CLASS_HAS_ENROLLMENTS) while a pupil is enrolled in it today or later. */
  async closeClass(cmd: CloseClassCommand): Promise<ClassGroup> {
    return this.write(async (em, now) => {
      const classGroup = await this.writableClass(em, cmd.classId);
      if (cmd.expectedVersion != null) await this.checkVersion(em, classGroup, cmd.expectedVersion);
      if (classGroup.closedAt) throw badInput('classId', `${classGroup.name} is already closed.`);
      const school = await em.findOneOrFail(School, classGroup.school.id);
      // Locks the class: an enrollment written meanwhile (movement book) waits for the close, or the close for it.
      await em.execute('select id from class_group where id = ? for update', [classGroup.id]);
      const [{ n }] = await em.execute<{ n: string }[]>(
        'select count(*) as n from enrollment where class_group_id = ? and (ends_on is null or ends_on >= ?::date)',
        [classGroup.id, localDate(now, school.timezone)],
      );
      if (Number(n) > 0) {
        throw new AppError(ErrorCode.CLASS_HAS_ENROLLMENTS, `${classGroup.name} still has ${n} pupil(s) enrolled: move or withdraw them first (movement book).`, { count: Number(n) });
      }
      classGroup.closedAt = now;
      this.audit(em, now, school.id, 'class.close', 'ClassGroup', classGroup.id, { closedAt: null }, { closedAt: now.toISOString() });
      return classGroup;
    });
  }

  // --------------------------------------------------------------------------------

  /** The class, if the viewer may write classes in its school (else NOT_FOUND / FORBIDDEN), of a year not CLOSED. */
  private async writableClass(em: EntityManager, classId: string): Promise<ClassGroup> {
    const classGroup = await em.findOne(ClassGroup, classId);
    if (!classGroup) throw notFound('ClassGroup');
    await this.requireRoleIn(classGroup.school.id, 'classes.write', 'ClassGroup');
    await assertYearWritable(em, classGroup.year.id);
    return classGroup;
  }

  /**
   * A TEACHER of the school, not dismissed (permissions/class-teacher.ts). Another school's card
   * answers like a missing one (NOT_FOUND); a card of the school that may not lead a class is
   * BAD_USER_INPUT on `classTeacherId`.
   */
  private async classTeacherOf(em: EntityManager, school: School, employeeId: string, now: Date): Promise<Employee> {
    if (!(await em.findOne(Employee, { id: employeeId, school }))) throw notFound('Employee');
    if (!(await mayLeadClass(em, employeeId, school.id, localDate(now, school.timezone)))) {
      throw badInput('classTeacherId', 'The class teacher is a teacher of the school who has not been dismissed.');
    }
    return em.getReference(Employee, employeeId);
  }

  /** Writes now, so that two writes of one grade and letter at once answer CLASS_EXISTS, not a database error. */
  private async flushUnique(em: EntityManager, name: string): Promise<void> {
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw classExists(name);
      throw error;
    }
  }
}
