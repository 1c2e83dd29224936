import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AcademicYear, AcademicYearState, Holiday, MovedWorkingDay, School, StudyPeriod, StudyPeriodKind
} from '../../entities';
import { isoWeekday } from '../../lib/clock';
import { AdminWriter, bumpVersion, checkDate, checkInt, checkSpan } from './admin-write';
import { uuidArray } from '../../lib/sql';
import { AppError, ErrorCode, badInput, conflict, notFound } from '../../lib/errors';
import { requiredText, optionalText } from '../../lib/text';

/**
 * Rule 9: a CLOSED year is read-only. Every write that touches a year's data (the journal's
 * marks, attendance, lesson records and period marks; the calendar, curriculum, timetable and
 * thematic plan) calls this inside its transaction. It answers FORBIDDEN (the caller may read
 * the data, not change it) with `extensions.reason = "YEAR_CLOSED"`, so clients can tell it
 * from a missing right without a new contract code.
 *
 * `for share` takes a row lock on the year that the closing update must wait for: a write that
 * passed the check commits before the year closes, and one after the close sees CLOSED.
 */
export async function assertYearWritable(em: EntityManager, yearId: string): Promise<void> {
  const rows = await em.execute<{ state: AcademicYearState }[]>(
    'select state from academic_year where id = ? for share', [yearId],
  );
  if (rows[0]?.state === AcademicYearState.CLOSED) throw yearClosed();
}

/** The same check for a lesson's year (the year of its class), in one statement. */
export async function assertLessonYearWritable(em: EntityManager, lessonId: string): Promise<void> {
  const rows = await em.execute<{ state: AcademicYearState }[]>(
    `select y.state from lesson l join class_group c on c.id = l.class_group_id join academic_year y on y.id = c.year_id
      where l.id = ? for share of y`, [lessonId],
  );
  if (rows[0]?.state === AcademicYearState.CLOSED) throw yearClosed();
}

export const yearClosed = () =>
  new AppError(ErrorCode.FORBIDDEN, 'The academic year is closed: its data is read-only.', { reason: 'YEAR_CLOSED' });

export interface CalendarFacts {
  periods: readonly { startsOn: string; endsOn: string }[];
  holidays: readonly { startsOn: string; endsOn: string }[];
  movedDays: readonly { workDate: string; dayOffDate: string }[];
}

/**
 * Which timetable weekday a date is taught with, or null for a day without lessons.
 * A school day lies inside a study period. A moved day off (`dayOffDate`) has no lessons;
 * its `workDate` is worked with the timetable of the day off's weekday (a Saturday worked in
 * place of a Monday runs Monday's timetable), even inside a holiday. Otherwise a holiday has
 * no lessons and any other date runs its own weekday's timetable (days without entries, e.g.
 * weekends of a five-day week, simply generate nothing).
 */
export function timetableWeekday(date: string, calendar: CalendarFacts): number | null {
  if (!calendar.periods.some((p) => date >= p.startsOn && date <= p.endsOn)) return null;
  if (calendar.movedDays.some((m) => m.dayOffDate === date)) return null;
  const moved = calendar.movedDays.find((m) => m.workDate === date);
  if (moved) return isoWeekday(moved.dayOffDate);
  if (calendar.holidays.some((h) => date >= h.startsOn && date <= h.endsOn)) return null;
  return isoWeekday(date);
}

export interface CreateYearCommand { schoolId?: string | null; name: string; startsOn: string; endsOn: string }
export interface UpdateYearCommand { yearId: string; expectedVersion: number; name?: string | null; startsOn?: string | null; endsOn?: string | null }
export interface SetYearStateCommand { yearId: string; expectedVersion: number; state: AcademicYearState }
export interface SetStudyPeriodsCommand {
  yearId: string; expectedVersion: number; kind: StudyPeriodKind;
  periods: { name: string; startsOn: string; endsOn: string }[];
  /** The parallels the scheme is for (default: grades 1–11). */
  grades?: { from?: number | null; to?: number | null } | null;
}

/** The grades a year's study-period schemes cover, together. */
export const FIRST_GRADE = 1;
export const LAST_GRADE = 11;
export interface SaveHolidayCommand { yearId?: string | null; holidayId?: string | null; expectedVersion?: number | null; name: string; startsOn: string; endsOn: string }
export interface SaveMovedDayCommand { yearId?: string | null; movedDayId?: string | null; expectedVersion?: number | null; workDate: string; dayOffDate: string; note?: string | null }
export interface DeleteCommand { id: string; expectedVersion: number }

const PERIOD_COUNT: Record<StudyPeriodKind, number> = {
  [StudyPeriodKind.QUARTER]: 4, [StudyPeriodKind.TRIMESTER]: 3, [StudyPeriodKind.HALF_YEAR]: 2,
};

/**
 * The school year (004 §4.4, §7): years, study periods, holidays and moved working days,
 * PLANNING → ACTIVE → CLOSED with at most one ACTIVE year per school. ADMIN writes.
 * Every calendar change also bumps the year's `version`, so the year's version guards its
 * whole calendar (rollover previews and clients holding the year see the change).
 */
export class SchoolYearService extends AdminWriter {
  async createYear(cmd: CreateYearCommand): Promise<AcademicYear> {
    const name = requiredText(cmd.name, 'name', 20);
    const startsOn = checkDate(cmd.startsOn, 'startsOn');
    const endsOn = checkDate(cmd.endsOn, 'endsOn');
    checkSpan(startsOn, endsOn);
    const schoolId = await this.schoolFor(cmd.schoolId, 'year.write');
    return this.write(async (em, now) => {
      const school = em.getReference(School, schoolId);
      await this.assertNoOverlap(em, schoolId, null, name, startsOn, endsOn);
      const year = em.create(AcademicYear, { school, name, startsOn, endsOn, state: AcademicYearState.PLANNING });
      this.audit(em, now, schoolId, 'year.create', 'AcademicYear', year.id, null, { name, startsOn, endsOn });
      return year;
    });
  }

  async updateYear(cmd: UpdateYearCommand): Promise<AcademicYear> {
    return this.write(async (em, now) => {
      const year = await this.writableYear(em, cmd.yearId);
      await this.checkVersion(em, year, cmd.expectedVersion);
      const name = cmd.name == null ? year.name : requiredText(cmd.name, 'name', 20);
      const startsOn = cmd.startsOn == null ? year.startsOn : checkDate(cmd.startsOn, 'startsOn');
      const endsOn = cmd.endsOn == null ? year.endsOn : checkDate(cmd.endsOn, 'endsOn');
      checkSpan(startsOn, endsOn);
      await this.assertNoOverlap(em, year.school.id, year.id, name, startsOn, endsOn);
      const periods = await em.find(StudyPeriod, { year }, { orderBy: { ordinal: 'asc' } });
      const firsts = periods.filter((p) => p.ordinal === 1);
      const lasts = periods.filter((p) => !periods.some((q) => q.gradeFrom === p.gradeFrom && q.ordinal > p.ordinal));
      if (firsts.some((p) => p.startsOn !== startsOn) || lasts.some((p) => p.endsOn !== endsOn)) {
        throw badInput('startsOn', 'The study periods must run from the year\'s first day to its last: change them together (setStudyPeriods).');
      }
      const before = { name: year.name, startsOn: year.startsOn, endsOn: year.endsOn };
      Object.assign(year, { name, startsOn, endsOn });
      this.audit(em, now, year.school.id, 'year.update', 'AcademicYear', year.id, before, { name, startsOn, endsOn });
      return year;
    });
  }

  async setState(cmd: SetYearStateCommand): Promise<AcademicYear> {
    return this.write(async (em, now) => {
      const year = await this.adminYear(em, cmd.yearId);
      await this.checkVersion(em, year, cmd.expectedVersion);
      const from = year.state;
      const allowed = (from === AcademicYearState.PLANNING && cmd.state === AcademicYearState.ACTIVE)
        || (from === AcademicYearState.ACTIVE && cmd.state === AcademicYearState.CLOSED);
      if (!allowed) throw badInput('state', `A year goes PLANNING → ACTIVE → CLOSED; it cannot go from ${from} to ${cmd.state}.`);
      if (cmd.state === AcademicYearState.ACTIVE) {
        const [{ covered }] = await em.execute<{ covered: string | null }[]>(
          'select sum(grade_to - grade_from + 1) as covered from (select distinct grade_from, grade_to from study_period where year_id = ?) s', [year.id]);
        if (Number(covered ?? 0) !== LAST_GRADE - FIRST_GRADE + 1) throw badInput('state', 'Set the study periods of every grade before the year starts.');
        // Serializes activations per school: two years made ACTIVE at once cannot both pass.
        await em.execute('select id from school where id = ? for update', [year.school.id]);
        const active = await em.findOne(AcademicYear, { school: year.school, state: AcademicYearState.ACTIVE, id: { $ne: year.id } });
        if (active) throw conflict(`${active.name} is still ACTIVE: close it first (one ACTIVE year per school).`);
      } else {
        year.closedAt = now;
      }
      year.state = cmd.state;
      this.audit(em, now, year.school.id, 'year.state', 'AcademicYear', year.id, { state: from }, { state: cmd.state });
      return year;
    });
  }

  /**
   * Sets the study periods of a range of grades (a parallel's scheme, 004 §4: quarters for 1–9,
   * half-years for 10–11; by default grades 1–11): all of one kind (4 quarters, 3 trimesters, 2
   * half-years), in order, not overlapping, the first starting on the year's first day and the
   * last ending on its last; gaps between them are the breaks. A year's schemes never overlap:
   * - a scheme wholly inside the range is replaced, its periods updated in place by ordinal (the
   *   period marks that point at them stay; dropping a period that has marks is refused);
   * - a scheme the range covers one end of keeps its periods for the grades left, unless a pupil
   *   of the range's grades already has a period mark on one of them (refused: they would lose it);
   * - a range inside a wider scheme, splitting it in two, is refused: set it from either end.
   */
  async setStudyPeriods(cmd: SetStudyPeriodsCommand): Promise<AcademicYear> {
    if (cmd.periods.length !== PERIOD_COUNT[cmd.kind]) {
      throw badInput('periods', `A year of ${cmd.kind} has ${PERIOD_COUNT[cmd.kind]} periods.`);
    }
    const gradeFrom = cmd.grades?.from == null ? FIRST_GRADE : checkInt(cmd.grades.from, 'grades.from', FIRST_GRADE, LAST_GRADE);
    const gradeTo = cmd.grades?.to == null ? LAST_GRADE : checkInt(cmd.grades.to, 'grades.to', FIRST_GRADE, LAST_GRADE);
    if (gradeTo < gradeFrom) throw badInput('grades.to', '"grades.to" must not be below "grades.from".');
    const periods = cmd.periods.map((p, i) => {
      const startsOn = checkDate(p.startsOn, `periods.${i}.startsOn`);
      const endsOn = checkDate(p.endsOn, `periods.${i}.endsOn`);
      checkSpan(startsOn, endsOn, `periods.${i}.endsOn`);
      return { name: requiredText(p.name, `periods.${i}.name`, 60), startsOn, endsOn };
    });
    periods.forEach((p, i) => {
      if (i > 0 && p.startsOn <= periods[i - 1].endsOn) throw badInput(`periods.${i}.startsOn`, 'Periods go in order and must not overlap.');
    });
    return this.write(async (em, now) => {
      const year = await this.writableYear(em, cmd.yearId);
      await this.checkVersion(em, year, cmd.expectedVersion);
      if (periods[0].startsOn !== year.startsOn) throw badInput('periods.0.startsOn', 'The first period starts on the year\'s first day.');
      const last = periods.length - 1;
      if (periods[last].endsOn !== year.endsOn) throw badInput(`periods.${last}.endsOn`, 'The last period ends on the year\'s last day.');
      const all = await em.find(StudyPeriod, { year }, { orderBy: { gradeFrom: 'asc', ordinal: 'asc' } });
      const schemes = [...new Map(all.map((p) => [p.gradeFrom, all.filter((q) => q.gradeFrom === p.gradeFrom)])).values()];
      const inside = schemes.filter((rows) => rows[0].gradeFrom >= gradeFrom && rows[0].gradeTo <= gradeTo);
      const overlapping = schemes.filter((rows) => !inside.includes(rows) && rows[0].gradeFrom <= gradeTo && gradeFrom <= rows[0].gradeTo);
      const before = all.map((p) => ({ kind: p.kind, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn, gradeFrom: p.gradeFrom, gradeTo: p.gradeTo }));

      // Schemes the range cuts: they keep the grades outside it (one end only).
      const narrowed: { ids: string[]; from: number; to: number }[] = [];
      for (const rows of overlapping) {
        const { gradeFrom: from, gradeTo: to } = rows[0];
        if (from < gradeFrom && to > gradeTo) {
          throw badInput('grades', `Grades ${gradeFrom}–${gradeTo} lie inside the scheme of grades ${from}–${to}: set them from one of its ends.`);
        }
        const ids = rows.map((r) => r.id);
        const [{ n }] = await em.execute<{ n: string }[]>(
          `select count(*) as n from period_mark pm where pm.study_period_id = any(?::uuid[])
              and exists(select 1 from enrollment e join class_group c on c.id = e.class_group_id
                          where e.student_id = pm.student_id and c.year_id = pm.year_id and c.grade between ? and ?)`,
          [uuidArray(ids), gradeFrom, gradeTo],
        );
        if (Number(n) > 0) throw badInput('grades', `Pupils of grades ${gradeFrom}–${gradeTo} already have period marks of the scheme of grades ${from}–${to}.`);
        narrowed.push(from < gradeFrom ? { ids, from, to: gradeFrom - 1 } : { ids, from: gradeTo + 1, to });
      }
      // The first scheme inside the range is updated in place; the others inside it go.
      const [kept, ...dropped] = inside;
      const existing = kept ?? [];
      for (const extra of [...existing.slice(periods.length), ...dropped.flat()]) {
        const [{ n }] = await em.execute<{ n: string }[]>('select count(*) as n from period_mark where study_period_id = ?', [extra.id]);
        if (Number(n) > 0) throw badInput('periods', `${extra.name} already has period marks and cannot be dropped.`);
      }
      // Rows move off the unique (year, grade_from, ordinal) keys first: deletes, then the narrowed schemes, then this one.
      const gone = [...existing.slice(periods.length), ...dropped.flat()];
      if (gone.length > 0) await em.execute('delete from study_period where id = any(?::uuid[])', [uuidArray(gone.map((p) => p.id))]);
      for (const n of narrowed) {
        await em.execute('update study_period set grade_from = ?, grade_to = ?, version = version + 1 where id = any(?::uuid[])', [n.from, n.to, uuidArray(n.ids)]);
      }
      for (const row of [...gone, ...narrowed.flatMap((n) => all.filter((p) => n.ids.includes(p.id)))]) em.getUnitOfWork().unsetIdentity(row);
      periods.forEach((p, i) => {
        const row = existing[i];
        if (row) Object.assign(row, { kind: cmd.kind, gradeFrom, gradeTo, ...p });
        else em.create(StudyPeriod, { year, kind: cmd.kind, ordinal: i + 1, gradeFrom, gradeTo, ...p });
      });
      await em.flush();
      await this.touch(em, year);
      this.audit(em, now, year.school.id, 'year.periods', 'AcademicYear', year.id, before, { gradeFrom, gradeTo, kind: cmd.kind, periods });
      return year;
    });
  }

  async saveHoliday(cmd: SaveHolidayCommand): Promise<Holiday> {
    const name = requiredText(cmd.name, 'name', 120);
    const startsOn = checkDate(cmd.startsOn, 'startsOn');
    const endsOn = checkDate(cmd.endsOn, 'endsOn');
    checkSpan(startsOn, endsOn);
    return this.write(async (em, now) => {
      let holiday: Holiday;
      let before: unknown = null;
      if (cmd.holidayId) {
        const found = await em.findOne(Holiday, cmd.holidayId, { populate: ['year'] });
        if (!found || !(await this.scope.access.isMemberOf(found.year.school.id))) throw notFound('Holiday');
        holiday = found;
        await this.writableYear(em, holiday.year.id);
        await this.checkVersion(em, holiday, cmd.expectedVersion);
        before = { name: holiday.name, startsOn: holiday.startsOn, endsOn: holiday.endsOn };
        Object.assign(holiday, { name, startsOn, endsOn });
      } else {
        if (!cmd.yearId) throw badInput('yearId', 'Give the year (or the holiday to change).');
        const year = await this.writableYear(em, cmd.yearId);
        holiday = em.create(Holiday, { year, name, startsOn, endsOn });
      }
      const year = holiday.year;
      if (startsOn < year.startsOn || endsOn > year.endsOn) throw badInput('startsOn', 'A holiday lies inside its year.');
      await this.touch(em, year);
      this.audit(em, now, year.school.id, cmd.holidayId ? 'holiday.update' : 'holiday.create', 'Holiday', holiday.id, before, { name, startsOn, endsOn });
      return holiday;
    });
  }

  async deleteHoliday(cmd: DeleteCommand): Promise<AcademicYear> {
    return this.write(async (em, now) => {
      const holiday = await em.findOne(Holiday, cmd.id, { populate: ['year'] });
      if (!holiday || !(await this.scope.access.isMemberOf(holiday.year.school.id))) throw notFound('Holiday');
      const year = await this.writableYear(em, holiday.year.id);
      await this.checkVersion(em, holiday, cmd.expectedVersion);
      em.remove(holiday);
      await this.touch(em, year);
      this.audit(em, now, year.school.id, 'holiday.delete', 'Holiday', holiday.id, { name: holiday.name, startsOn: holiday.startsOn, endsOn: holiday.endsOn }, null);
      return year;
    });
  }

  async saveMovedDay(cmd: SaveMovedDayCommand): Promise<MovedWorkingDay> {
    const workDate = checkDate(cmd.workDate, 'workDate');
    const dayOffDate = checkDate(cmd.dayOffDate, 'dayOffDate');
    const note = optionalText(cmd.note, 'note', 200);
    if (workDate === dayOffDate) throw badInput('dayOffDate', 'The day off and the day worked instead must differ.');
    return this.write(async (em, now) => {
      let moved: MovedWorkingDay;
      let before: unknown = null;
      if (cmd.movedDayId) {
        const found = await em.findOne(MovedWorkingDay, cmd.movedDayId, { populate: ['year'] });
        if (!found || !(await this.scope.access.isMemberOf(found.year.school.id))) throw notFound('MovedWorkingDay');
        moved = found;
        await this.writableYear(em, moved.year.id);
        await this.checkVersion(em, moved, cmd.expectedVersion);
        before = { workDate: moved.workDate, dayOffDate: moved.dayOffDate, note: moved.note ?? null };
        Object.assign(moved, { workDate, dayOffDate, note: note ?? undefined });
      } else {
        if (!cmd.yearId) throw badInput('yearId', 'Give the year (or the moved day to change).');
        const year = await this.writableYear(em, cmd.yearId);
        moved = em.create(MovedWorkingDay, { year, workDate, dayOffDate, note: note ?? undefined });
      }
      const year = moved.year;
      for (const [d, field] of [[workDate, 'workDate'], [dayOffDate, 'dayOffDate']] as const) {
        if (d < year.startsOn || d > year.endsOn) throw badInput(field, `"${field}" lies inside the year.`);
      }
      const others = await em.find(MovedWorkingDay, { year, id: { $ne: moved.id } });
      const used = new Set(others.flatMap((m) => [m.workDate, m.dayOffDate]));
      if (used.has(workDate)) throw badInput('workDate', `${workDate} is already moved.`);
      if (used.has(dayOffDate)) throw badInput('dayOffDate', `${dayOffDate} is already moved.`);
      await this.touch(em, year);
      this.audit(em, now, year.school.id, cmd.movedDayId ? 'moved_day.update' : 'moved_day.create', 'MovedWorkingDay', moved.id, before, { workDate, dayOffDate, note });
      return moved;
    });
  }

  async deleteMovedDay(cmd: DeleteCommand): Promise<AcademicYear> {
    return this.write(async (em, now) => {
      const moved = await em.findOne(MovedWorkingDay, cmd.id, { populate: ['year'] });
      if (!moved || !(await this.scope.access.isMemberOf(moved.year.school.id))) throw notFound('MovedWorkingDay');
      const year = await this.writableYear(em, moved.year.id);
      await this.checkVersion(em, moved, cmd.expectedVersion);
      em.remove(moved);
      await this.touch(em, year);
      this.audit(em, now, year.school.id, 'moved_day.delete', 'MovedWorkingDay', moved.id, { workDate: moved.workDate, dayOffDate: moved.dayOffDate }, null);
      return year;
    });
  }

  // --------------------------------------------------------------------------------

  /** The year, if the viewer is its school's ADMIN (else NOT_FOUND / FORBIDDEN). */
  private async adminYear(em: EntityManager, yearId: string): Promise<AcademicYear> {
    const year = await em.findOne(AcademicYear, yearId);
    if (!year) throw notFound('AcademicYear');
    await this.requireRoleIn(year.school.id, 'year.write', 'AcademicYear');
    return year;
  }

  /** As adminYear, and not CLOSED. */
  private async writableYear(em: EntityManager, yearId: string): Promise<AcademicYear> {
    const year = await this.adminYear(em, yearId);
    await assertYearWritable(em, year.id);
    return year;
  }

  /** A calendar change is a change of the year: its `version` moves with it. */
  private touch(em: EntityManager, year: AcademicYear): Promise<void> {
    return bumpVersion(em, 'academic_year', year);
  }

  private async assertNoOverlap(em: EntityManager, schoolId: string, yearId: string | null, name: string, startsOn: string, endsOn: string) {
    const others = await em.find(AcademicYear, { school: schoolId, ...(yearId ? { id: { $ne: yearId } } : {}) });
    if (others.some((y) => y.name === name)) throw badInput('name', `The school already has a year "${name}".`);
    const overlapping = others.find((y) => y.startsOn <= endsOn && startsOn <= y.endsOn);
    if (overlapping) throw badInput('startsOn', `The year overlaps ${overlapping.name}.`);
  }
}

