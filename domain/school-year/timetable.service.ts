import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AcademicYear, Bell, ClassGroup, Employee, Holiday, Lesson, LessonState, MovedWorkingDay, Room, School, StudyPeriod, Subgroup, Subject, TeachingAssignment, TimetableEntry
} from '../../entities';
import { addDays } from '../../lib/clock';
import { AdminWriter, checkDate, checkInt } from './admin-write';
import { uuidArray } from '../../permissions/scope';
import { AppError, ErrorCode, badInput, notFound } from '../../lib/errors';
import { requiredText } from '../../lib/text';
import { assertYearWritable, timetableWeekday } from './school-year.service';

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

function checkTime(value: string, field: string): string {
  if (typeof value !== 'string' || !TIME.test(value)) throw badInput(field, `"${field}" is a time of day (HH:MM).`);
  return value.length === 5 ? `${value}:00` : value;
}

/** A double booking: CONFLICT naming what clashes (`extensions.clash`: TEACHER, CLASS or ROOM). */
const clash = (kind: 'TEACHER' | 'CLASS' | 'ROOM', message: string) => new AppError(ErrorCode.CONFLICT, message, { clash: kind });

export interface BellCommand { schoolId?: string | null; shift: number; number: number; startsAt: string; endsAt: string }
export interface UpdateBellCommand { bellId: string; expectedVersion: number; startsAt: string; endsAt: string }
export interface RoomCommand { schoolId?: string | null; name: string; capacity?: number | null }
export interface UpdateRoomCommand { roomId: string; expectedVersion: number; name?: string | null; capacity?: number | null }
export interface EntryCommand {
  classGroupId: string; subgroupId?: string | null; subjectId: string; teacherId: string; roomId?: string | null;
  weekday: number; bellNumber: number; validFrom?: string | null; validTo?: string | null;
}
export interface UpdateEntryCommand {
  entryId: string; expectedVersion: number; teacherId?: string | null; roomId?: string | null; clearRoom?: boolean | null;
  weekday?: number | null; bellNumber?: number | null; validFrom?: string | null; validTo?: string | null;
}
export interface GenerateCommand { yearId: string; classGroupId?: string | null; from?: string | null; to?: string | null }
export interface GenerateResult { created: number; kept: number; updated: number; removed: number; conflicts: Lesson[] }
export interface SubstituteCommand { lessonId: string; expectedVersion: number; substituteTeacherId: string | null }
export interface CancelCommand { lessonId: string; expectedVersion: number; reason: string }

/**
 * The timetable (004 §7): bells per shift, rooms, the weekly timetable and the lessons it
 * generates, substitutions and cancellations. DEPUTY_ACADEMIC of the school writes; a class of
 * a CLOSED year is read-only. A teacher, a class (two subgroups of it excepted) or a room is
 * never booked twice in one bell: CONFLICT naming the clash.
 */
export class TimetableService extends AdminWriter {
  async createBell(cmd: BellCommand): Promise<Bell> {
    const shift = checkInt(cmd.shift, 'shift', 1, 3);
    const number = checkInt(cmd.number, 'number', 1, 12);
    const startsAt = checkTime(cmd.startsAt, 'startsAt');
    const endsAt = checkTime(cmd.endsAt, 'endsAt');
    const schoolId = await this.schoolFor(cmd.schoolId, 'schedule.write');
    return this.write(async (em, now) => {
      const bell = em.create(Bell, { school: em.getReference(School, schoolId), shift, number, startsAt, endsAt });
      await this.checkBells(em, schoolId, bell);
      this.audit(em, now, schoolId, 'bell.create', 'Bell', bell.id, null, { shift, number, startsAt, endsAt });
      return bell;
    });
  }

  async updateBell(cmd: UpdateBellCommand): Promise<Bell> {
    const startsAt = checkTime(cmd.startsAt, 'startsAt');
    const endsAt = checkTime(cmd.endsAt, 'endsAt');
    return this.write(async (em, now) => {
      const bell = await em.findOne(Bell, cmd.bellId);
      if (!bell) throw notFound('Bell');
      await this.requireRoleIn(bell.school.id, 'schedule.write', 'Bell');
      await this.checkVersion(em, bell, cmd.expectedVersion);
      const before = { startsAt: bell.startsAt, endsAt: bell.endsAt };
      Object.assign(bell, { startsAt, endsAt });
      await this.checkBells(em, bell.school.id, bell);
      this.audit(em, now, bell.school.id, 'bell.update', 'Bell', bell.id, before, { startsAt, endsAt });
      return bell;
    });
  }

  /**
   * Deletes a bell of a shift; refused while a timetable entry of a year not CLOSED rings it (its
   * lessons would lose their times): move those entries first. Answers the school's id.
   */
  async deleteBell(cmd: { bellId: string; expectedVersion: number }): Promise<string> {
    return this.write(async (em, now) => {
      const bell = await em.findOne(Bell, cmd.bellId);
      if (!bell) throw notFound('Bell');
      await this.requireRoleIn(bell.school.id, 'schedule.write', 'Bell');
      await this.checkVersion(em, bell, cmd.expectedVersion);
      const [{ n }] = await em.execute<{ n: string }[]>(
        `select count(*) as n from timetable_entry t join academic_year y on y.id = t.year_id
          where y.school_id = ? and y.state <> 'CLOSED' and t.shift = ? and t.bell_number = ?`,
        [bell.school.id, bell.shift, bell.number],
      );
      if (Number(n) > 0) throw badInput('bellId', `Bell ${bell.number} of shift ${bell.shift} is in the timetable (${n} entries): move them first.`);
      em.remove(bell);
      this.audit(em, now, bell.school.id, 'bell.delete', 'Bell', bell.id, { shift: bell.shift, number: bell.number, startsAt: bell.startsAt, endsAt: bell.endsAt }, null);
      return bell.school.id;
    });
  }

  async createRoom(cmd: RoomCommand): Promise<Room> {
    const name = requiredText(cmd.name, 'name', 60);
    const capacity = cmd.capacity == null ? undefined : checkInt(cmd.capacity, 'capacity', 1, 2000);
    const schoolId = await this.schoolFor(cmd.schoolId, 'schedule.write');
    return this.write(async (em, now) => {
      if (await em.findOne(Room, { school: schoolId, name })) throw badInput('name', `The school already has a room "${name}".`);
      const room = em.create(Room, { school: em.getReference(School, schoolId), name, capacity });
      this.audit(em, now, schoolId, 'room.create', 'Room', room.id, null, { name, capacity: capacity ?? null });
      return room;
    });
  }

  async updateRoom(cmd: UpdateRoomCommand): Promise<Room> {
    return this.write(async (em, now) => {
      const room = await em.findOne(Room, cmd.roomId);
      if (!room) throw notFound('Room');
      await this.requireRoleIn(room.school.id, 'schedule.write', 'Room');
      await this.checkVersion(em, room, cmd.expectedVersion);
      const before = { name: room.name, capacity: room.capacity ?? null };
      if (cmd.name != null) {
        const name = requiredText(cmd.name, 'name', 60);
        if (name !== room.name && (await em.findOne(Room, { school: room.school, name }))) throw badInput('name', `The school already has a room "${name}".`);
        room.name = name;
      }
      if (cmd.capacity != null) room.capacity = checkInt(cmd.capacity, 'capacity', 1, 2000);
      this.audit(em, now, room.school.id, 'room.update', 'Room', room.id, before, { name: room.name, capacity: room.capacity ?? null });
      return room;
    });
  }

  async createEntry(cmd: EntryCommand): Promise<TimetableEntry> {
    const weekday = checkInt(cmd.weekday, 'weekday', 1, 7);
    const bellNumber = checkInt(cmd.bellNumber, 'bellNumber', 1, 12);
    return this.write(async (em, now) => {
      const classGroup = await this.writableClass(em, cmd.classGroupId);
      const year = await em.findOneOrFail(AcademicYear, classGroup.year.id);
      const subject = await em.findOne(Subject, { id: cmd.subjectId, school: classGroup.school });
      if (!subject) throw badInput('subjectId', 'Not a subject of this school.');
      let subgroup: Subgroup | undefined;
      if (cmd.subgroupId) {
        subgroup = (await em.findOne(Subgroup, { id: cmd.subgroupId, classGroup, subject })) ?? undefined;
        if (!subgroup) throw badInput('subgroupId', 'Not a subgroup of this class for this subject.');
      }
      const entry = em.create(TimetableEntry, {
        year, classGroup, subgroup, subject, teacher: await this.teacherFor(em, classGroup, subject, subgroup ?? null, cmd.teacherId),
        room: cmd.roomId ? await this.roomOf(em, classGroup, cmd.roomId) : undefined,
        weekday, bellNumber, shift: classGroup.shift,
        validFrom: cmd.validFrom == null ? year.startsOn : checkDate(cmd.validFrom, 'validFrom'),
        validTo: cmd.validTo == null ? undefined : checkDate(cmd.validTo, 'validTo'),
      });
      await this.checkEntry(em, year, entry);
      this.audit(em, now, classGroup.school.id, 'timetable.create', 'TimetableEntry', entry.id, null, entrySnapshot(entry));
      return entry;
    });
  }

  async updateEntry(cmd: UpdateEntryCommand): Promise<TimetableEntry> {
    return this.write(async (em, now) => {
      const entry = await em.findOne(TimetableEntry, cmd.entryId);
      if (!entry) throw notFound('TimetableEntry');
      const classGroup = await this.writableClass(em, entry.classGroup.id, 'TimetableEntry');
      await this.checkVersion(em, entry, cmd.expectedVersion);
      const year = await em.findOneOrFail(AcademicYear, entry.year.id);
      const before = entrySnapshot(entry);
      if (cmd.teacherId) {
        const subgroup = entry.subgroup ? await em.findOneOrFail(Subgroup, entry.subgroup.id) : null;
        entry.teacher = await this.teacherFor(em, classGroup, await em.findOneOrFail(Subject, entry.subject.id), subgroup, cmd.teacherId);
      }
      if (cmd.clearRoom) entry.room = undefined;
      else if (cmd.roomId) entry.room = await this.roomOf(em, classGroup, cmd.roomId);
      if (cmd.weekday != null) entry.weekday = checkInt(cmd.weekday, 'weekday', 1, 7);
      if (cmd.bellNumber != null) entry.bellNumber = checkInt(cmd.bellNumber, 'bellNumber', 1, 12);
      if (cmd.validFrom != null) entry.validFrom = checkDate(cmd.validFrom, 'validFrom');
      if (cmd.validTo != null) entry.validTo = checkDate(cmd.validTo, 'validTo');
      await this.checkEntry(em, year, entry);
      this.audit(em, now, classGroup.school.id, 'timetable.update', 'TimetableEntry', entry.id, before, entrySnapshot(entry));
      return entry;
    });
  }

  /** An entry that never generated a lesson may go; one that did is ended with `validTo` instead. */
  async deleteEntry(cmd: { id: string; expectedVersion: number }): Promise<ClassGroup> {
    return this.write(async (em, now) => {
      const entry = await em.findOne(TimetableEntry, cmd.id);
      if (!entry) throw notFound('TimetableEntry');
      const classGroup = await this.writableClass(em, entry.classGroup.id, 'TimetableEntry');
      await this.checkVersion(em, entry, cmd.expectedVersion);
      if ((await em.count(Lesson, { timetableEntry: entry })) > 0) {
        throw badInput('id', 'The entry has generated lessons: end it with validTo and generate the lessons again.');
      }
      em.remove(entry);
      this.audit(em, now, classGroup.school.id, 'timetable.delete', 'TimetableEntry', entry.id, entrySnapshot(entry), null);
      return classGroup;
    });
  }

  /**
   * Makes the lessons of a span (the whole year by default) match the weekly timetable, on the
   * school days of the calendar (see `timetableWeekday`: holidays skipped, a moved working day
   * taught with the timetable of the weekday it replaces). Idempotent: a slot's lesson is made
   * once (an existing lesson of the same class, date, bell and subgroup is adopted); SCHEDULED
   * lessons without journal data follow their entry's subject, teacher and room; generated
   * lessons no longer in the timetable are removed — unless they carry marks, attendance or a
   * lesson record, or were held or cancelled: those stay and are answered as `conflicts`.
   */
  async generateLessons(cmd: GenerateCommand): Promise<GenerateResult> {
    return this.write(async (em, now) => {
      const year = await em.findOne(AcademicYear, cmd.yearId);
      if (!year) throw notFound('AcademicYear');
      await this.requireRoleIn(year.school.id, 'schedule.write', 'AcademicYear');
      await assertYearWritable(em, year.id);
      const from = cmd.from == null ? year.startsOn : checkDate(cmd.from, 'from');
      const to = cmd.to == null ? year.endsOn : checkDate(cmd.to, 'to');
      if (to < from) throw badInput('to', '"to" must not be before "from".');
      if (from < year.startsOn || to > year.endsOn) throw badInput('from', 'The span lies inside the year.');
      let classFilter: string | null = null;
      if (cmd.classGroupId) {
        const classGroup = await em.findOne(ClassGroup, { id: cmd.classGroupId, year });
        if (!classGroup) throw badInput('classGroupId', 'Not a class of this year.');
        classFilter = classGroup.id;
      }
      // One generation per year at a time: concurrent runs would both insert the same slots.
      await em.execute('select id from academic_year where id = ? for update', [year.id]);

      // One after the other: a transaction's statements share one connection.
      const periods = await em.find(StudyPeriod, { year });
      const holidays = await em.find(Holiday, { year });
      const movedDays = await em.find(MovedWorkingDay, { year });
      const entries = await em.find(TimetableEntry, { year, ...(classFilter ? { classGroup: classFilter } : {}) }, { populate: ['classGroup'] });
      // Each parallel's scheme of study periods is its own calendar: a class has lessons inside its grade's periods.
      const schemes = [...new Set(periods.map((p) => p.gradeFrom))].map((from) => {
        const own = periods.filter((p) => p.gradeFrom === from);
        return { from, to: own[0].gradeTo, calendar: { periods: own, holidays, movedDays } };
      });
      const byWeekday = new Map<string, TimetableEntry[]>();
      for (const e of entries) {
        const scheme = schemes.find((sc) => e.classGroup.grade >= sc.from && e.classGroup.grade <= sc.to);
        if (!scheme) continue;
        const key = `${scheme.from}|${e.weekday}`;
        byWeekday.set(key, [...(byWeekday.get(key) ?? []), e]);
      }

      const existing = await em.execute<{
        id: string; class_group_id: string; subgroup_id: string | null; date: string; number: number;
        timetable_entry_id: string | null; state: LessonState; journal: boolean;
      }[]>(
        `select l.id, l.class_group_id, l.subgroup_id, to_char(l.date, 'YYYY-MM-DD') as date, l.number, l.timetable_entry_id, l.state,
                (exists(select 1 from mark m where m.lesson_id = l.id) or exists(select 1 from attendance a where a.lesson_id = l.id)
                 or exists(select 1 from lesson_record r where r.lesson_id = l.id)) as journal
           from lesson l join class_group c on c.id = l.class_group_id
          where c.year_id = ? and l.date between ? and ? and (?::uuid is null or l.class_group_id = ?::uuid)`,
        [year.id, from, to, classFilter, classFilter],
      );
      const slotKey = (classId: string, subgroupId: string | null, date: string, number: number) => `${classId}|${subgroupId ?? ''}|${date}|${number}`;
      const bySlot = new Map(existing.map((l) => [slotKey(l.class_group_id, l.subgroup_id, l.date, l.number), l]));
      const wanted = new Set<string>();
      const adopt: { lessonId: string; entryId: string }[] = [];
      const create: Record<string, unknown>[] = [];
      let kept = 0;
      for (let date = from; date <= to; date = addDays(date, 1)) {
        const dayEntries = schemes.flatMap((scheme) => {
          const weekday = timetableWeekday(date, scheme.calendar);
          return weekday === null ? [] : byWeekday.get(`${scheme.from}|${weekday}`) ?? [];
        });
        for (const e of dayEntries) {
          if (date < e.validFrom || (e.validTo && date > e.validTo)) continue;
          const key = slotKey(e.classGroup.id, e.subgroup?.id ?? null, date, e.bellNumber);
          wanted.add(key);
          const lesson = bySlot.get(key);
          if (lesson) {
            kept += 1;
            if (lesson.timetable_entry_id !== e.id) adopt.push({ lessonId: lesson.id, entryId: e.id });
            continue;
          }
          create.push({
            id: randomUUID(), school: year.school.id, classGroup: e.classGroup.id, subgroup: e.subgroup?.id ?? null,
            subject: e.subject.id, teacher: e.teacher.id, room: e.room?.id ?? null, date, number: e.bellNumber,
            state: LessonState.SCHEDULED, timetableEntry: e.id,
          });
        }
      }
      const stale = existing.filter((l) => l.timetable_entry_id && !wanted.has(slotKey(l.class_group_id, l.subgroup_id, l.date, l.number)));
      const removable = stale.filter((l) => l.state === LessonState.SCHEDULED && !l.journal);
      const conflictIds = stale.filter((l) => !removable.includes(l)).map((l) => l.id);

      for (let i = 0; i < create.length; i += 1000) await em.insertMany(Lesson, create.slice(i, i + 1000) as never[]);
      if (adopt.length > 0) {
        await em.execute(
          `update lesson l set timetable_entry_id = v.entry_id, version = l.version + 1
             from unnest(?::uuid[], ?::uuid[]) as v(lesson_id, entry_id) where l.id = v.lesson_id`,
          [uuidArray(adopt.map((a) => a.lessonId)), uuidArray(adopt.map((a) => a.entryId))],
        );
      }
      if (removable.length > 0) await em.execute('delete from lesson where id = any(?::uuid[])', [uuidArray(removable.map((l) => l.id))]);
      // Lessons still to come follow their entry, unless the journal already has something of them.
      const updated = await em.execute<{ id: string }[]>(
        `update lesson l set subject_id = e.subject_id, teacher_id = e.teacher_id, room_id = e.room_id, version = l.version + 1
           from timetable_entry e
          where l.timetable_entry_id = e.id and e.year_id = ? and l.date between ? and ? and l.state = 'SCHEDULED'
            and (?::uuid is null or l.class_group_id = ?::uuid)
            and (l.subject_id, l.teacher_id, l.room_id) is distinct from (e.subject_id, e.teacher_id, e.room_id)
            and not exists(select 1 from mark m where m.lesson_id = l.id) and not exists(select 1 from attendance a where a.lesson_id = l.id)
            and not exists(select 1 from lesson_record r where r.lesson_id = l.id)
          returning l.id`,
        [year.id, from, to, classFilter, classFilter],
      );
      const conflicts = conflictIds.length > 0 ? await em.find(Lesson, { id: { $in: conflictIds } }, { orderBy: { date: 'asc', number: 'asc' } }) : [];
      const result = { created: create.length, kept, updated: updated.length, removed: removable.length, conflicts };
      this.audit(em, now, year.school.id, 'timetable.generate', 'AcademicYear', year.id, null, {
        from, to, classGroupId: classFilter, created: result.created, kept, updated: result.updated, removed: result.removed,
        conflicts: conflictIds,
      });
      return result;
    });
  }

  /** A substitute teacher for one lesson (null: none); they then write its journal. */
  async substitute(cmd: SubstituteCommand): Promise<Lesson> {
    return this.write(async (em, now) => {
      const lesson = await this.writableLesson(em, cmd.lessonId);
      await this.checkVersion(em, lesson, cmd.expectedVersion);
      if (lesson.state === LessonState.CANCELLED) throw badInput('lessonId', 'The lesson was cancelled.');
      const before = { substituteTeacherId: lesson.substituteTeacher?.id ?? null };
      if (cmd.substituteTeacherId) {
        const teacher = await em.findOne(Employee, { id: cmd.substituteTeacherId, school: lesson.school, dismissedOn: null });
        if (!teacher) throw badInput('substituteTeacherId', 'Not an employee of this school.');
        if (teacher.id === lesson.teacher.id) throw badInput('substituteTeacherId', 'The lesson\'s own teacher does not stand in for themself.');
        const [busy] = await em.execute<{ name: string }[]>(
          `select c.grade || c.letter as name from lesson l join class_group c on c.id = l.class_group_id
            where l.date = ? and l.number = ? and c.shift = ? and l.id <> ? and l.state <> 'CANCELLED'
              and (l.substitute_teacher_id = ? or (l.teacher_id = ? and l.substitute_teacher_id is null)) limit 1`,
          [lesson.date, lesson.number, lesson.classGroup.shift, lesson.id, teacher.id, teacher.id],
        );
        if (busy) throw clash('TEACHER', `The teacher already has a lesson in ${busy.name} at that bell.`);
        lesson.substituteTeacher = teacher;
      } else {
        lesson.substituteTeacher = undefined;
      }
      this.audit(em, now, lesson.school.id, 'lesson.substitute', 'Lesson', lesson.id, before, { substituteTeacherId: cmd.substituteTeacherId });
      return lesson;
    });
  }

  /** Cancels a lesson that has not been held (it then takes no marks), with the reason. */
  async cancel(cmd: CancelCommand): Promise<Lesson> {
    const reason = requiredText(cmd.reason, 'reason', 500);
    return this.write(async (em, now) => {
      const lesson = await this.writableLesson(em, cmd.lessonId);
      await this.checkVersion(em, lesson, cmd.expectedVersion);
      if (lesson.state !== LessonState.SCHEDULED) throw badInput('lessonId', `Only a scheduled lesson is cancelled; this one is ${lesson.state}.`);
      const [{ journal }] = await em.execute<{ journal: boolean }[]>(
        `select exists(select 1 from mark where lesson_id = ?) or exists(select 1 from attendance where lesson_id = ?)
                or exists(select 1 from lesson_record where lesson_id = ?) as journal`, [lesson.id, lesson.id, lesson.id],
      );
      if (journal) throw badInput('lessonId', 'The lesson already has journal entries.');
      lesson.state = LessonState.CANCELLED;
      lesson.cancelReason = reason;
      this.audit(em, now, lesson.school.id, 'lesson.cancel', 'Lesson', lesson.id, { state: LessonState.SCHEDULED }, { state: LessonState.CANCELLED, reason });
      return lesson;
    });
  }

  // ----------------------------------------------------------------- checks

  private async writableClass(em: EntityManager, classGroupId: string, what = 'ClassGroup'): Promise<ClassGroup> {
    const classGroup = await em.findOne(ClassGroup, classGroupId);
    if (!classGroup) throw notFound(what);
    await this.requireRoleIn(classGroup.school.id, 'schedule.write', what);
    await assertYearWritable(em, classGroup.year.id);
    return classGroup;
  }

  private async writableLesson(em: EntityManager, lessonId: string): Promise<Lesson> {
    const lesson = await em.findOne(Lesson, lessonId, { populate: ['classGroup'] });
    if (!lesson) throw notFound('Lesson');
    await this.requireRoleIn(lesson.school.id, 'schedule.write', 'Lesson');
    await assertYearWritable(em, lesson.classGroup.year.id);
    return lesson;
  }

  /** The teacher is an employee of the school assigned to the subject in the class (or subgroup). */
  private async teacherFor(em: EntityManager, classGroup: ClassGroup, subject: Subject, subgroup: Subgroup | null, teacherId: string): Promise<Employee> {
    const teacher = await em.findOne(Employee, { id: teacherId, school: classGroup.school, dismissedOn: null });
    if (!teacher) throw badInput('teacherId', 'Not an employee of this school.');
    const assigned = await em.findOne(TeachingAssignment, { teacher, classGroup, subject, ...(subgroup ? { subgroup } : {}) });
    if (!assigned) throw badInput('teacherId', 'The teacher is not assigned to this subject in this class (teachingAssignments).');
    return teacher;
  }

  private async roomOf(em: EntityManager, classGroup: ClassGroup, roomId: string): Promise<Room> {
    const room = await em.findOne(Room, { id: roomId, school: classGroup.school });
    if (!room) throw badInput('roomId', 'Not a room of this school.');
    return room;
  }

  private async checkBells(em: EntityManager, schoolId: string, bell: Bell): Promise<void> {
    if (bell.endsAt <= bell.startsAt) throw badInput('endsAt', 'A bell ends after it starts.');
    const others = await em.find(Bell, { school: schoolId, shift: bell.shift, id: { $ne: bell.id } });
    if (others.some((b) => b.number === bell.number)) throw badInput('number', `Shift ${bell.shift} already has bell ${bell.number}.`);
    for (const b of others) {
      const inOrder = b.number < bell.number ? b.endsAt <= bell.startsAt : bell.endsAt <= b.startsAt;
      if (!inOrder) throw badInput('startsAt', `The bell overlaps or is out of order with bell ${b.number}.`);
    }
  }

  /** The entry lies in its year, its bell exists, and nobody is booked twice at that bell. */
  private async checkEntry(em: EntityManager, year: AcademicYear, entry: TimetableEntry): Promise<void> {
    if (entry.validFrom < year.startsOn || entry.validFrom > year.endsOn) throw badInput('validFrom', '"validFrom" lies inside the year.');
    if (entry.validTo && (entry.validTo < entry.validFrom || entry.validTo > year.endsOn)) {
      throw badInput('validTo', '"validTo" lies inside the year, not before "validFrom".');
    }
    if (!(await em.findOne(Bell, { school: year.school, shift: entry.shift, number: entry.bellNumber }))) {
      throw badInput('bellNumber', `Shift ${entry.shift} has no bell ${entry.bellNumber}.`);
    }
    // Serializes timetable edits of a school: two clashing entries saved at once cannot both pass.
    await em.execute('select id from school where id = ? for update', [year.school.id]);
    const [row] = await em.execute<{ kind: 'TEACHER' | 'CLASS' | 'ROOM'; name: string }[]>(
      `select case when t.teacher_id = ?::uuid then 'TEACHER'
                   when t.class_group_id = ?::uuid and (t.subgroup_id is null or ?::uuid is null or t.subgroup_id = ?::uuid) then 'CLASS'
                   else 'ROOM' end as kind,
              c.grade || c.letter as name
         from timetable_entry t join class_group c on c.id = t.class_group_id
        where t.year_id = ? and t.id <> ? and t.weekday = ? and t.bell_number = ? and t.shift = ?
          and t.valid_from <= coalesce(?::date, 'infinity') and ?::date <= coalesce(t.valid_to, 'infinity')
          and (t.teacher_id = ?::uuid
               or (t.class_group_id = ?::uuid and (t.subgroup_id is null or ?::uuid is null or t.subgroup_id = ?::uuid))
               or (?::uuid is not null and t.room_id = ?::uuid))
        order by 1 desc limit 1`,
      [entry.teacher.id, entry.classGroup.id, entry.subgroup?.id ?? null, entry.subgroup?.id ?? null, year.id, entry.id, entry.weekday, entry.bellNumber, entry.shift,
        entry.validTo ?? null, entry.validFrom, entry.teacher.id, entry.classGroup.id, entry.subgroup?.id ?? null,
        entry.subgroup?.id ?? null, entry.room?.id ?? null, entry.room?.id ?? null],
    );
    if (row) {
      const what = row.kind === 'TEACHER' ? 'The teacher' : row.kind === 'CLASS' ? 'The class' : 'The room';
      throw clash(row.kind, `${what} is already booked at that bell (${row.name}, weekday ${entry.weekday}, bell ${entry.bellNumber}).`);
    }
  }
}

function entrySnapshot(e: TimetableEntry) {
  return {
    classGroupId: e.classGroup.id, subgroupId: e.subgroup?.id ?? null, subjectId: e.subject.id, teacherId: e.teacher.id,
    roomId: e.room?.id ?? null, weekday: e.weekday, bellNumber: e.bellNumber, validFrom: e.validFrom, validTo: e.validTo ?? null,
  };
}
