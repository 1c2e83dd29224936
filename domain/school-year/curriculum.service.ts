import { LockMode, helper } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ClassGroup, CurriculumComponent, CurriculumItem, Employee, GradingScale, School, Student, Subgroup, SubgroupMember, Subject, TeachingAssignment, ThematicPlanItem
} from '../../entities';
import { localDate } from '../../lib/clock';
import { AdminWriter, bumpVersion, checkDate, checkInt } from './admin-write';
import { uuidArray, type ClassReach } from '../../permissions/scope';
import { badInput, forbidden, notFound } from '../../lib/errors';
import { optionalText, requiredText } from '../../lib/text';
import type { RequestScope } from '../request-scope';
import { assertYearWritable } from './school-year.service';

/** May read the class's curriculum, assignments and subgroups at all (else NOT_FOUND): `curriculum.read`. */
export function readsClassCurriculum(scope: RequestScope, reach: ClassReach | null): reach is ClassReach {
  return Boolean(reach && scope.access.allows('curriculum.read', reach));
}

const HOURS = /^\d{1,2}(\.\d)?$/;

function checkHours(value: string, field: string): string {
  const text = (value ?? '').trim();
  if (!HOURS.test(text) || Number(text) <= 0) throw badInput(field, `"${field}" is a positive number of hours with at most one decimal ("2", "0.5").`);
  return Number(text).toFixed(1);
}

export interface CurriculumItemCommand { classGroupId: string; subjectId: string; hoursPerWeek: string; component: CurriculumComponent }
export interface UpdateCurriculumItemCommand { itemId: string; expectedVersion: number; hoursPerWeek?: string | null; component?: CurriculumComponent | null }
export interface SubgroupCommand { classGroupId: string; subjectId: string; name: string; studentIds: string[] }
export interface UpdateSubgroupCommand { subgroupId: string; expectedVersion: number; name?: string | null; studentIds?: string[] | null }
export interface AssignmentCommand { teacherId: string; classGroupId: string; subjectId: string; subgroupId?: string | null }
export interface UpdateAssignmentCommand { assignmentId: string; expectedVersion: number; teacherId: string }
export interface IdVersion { id: string; expectedVersion: number }
export interface PlanItemCommand {
  classGroupId: string; subjectId: string; subgroupId?: string | null; position?: number | null;
  topic: string; hours: number; plannedOn?: string | null;
}
export interface UpdatePlanItemCommand {
  itemId: string; expectedVersion: number; position?: number | null; topic?: string | null; hours?: number | null; plannedOn?: string | null;
}

/**
 * Curriculum (004 §5.2): subjects, curriculum items, subgroups with their members and teaching
 * assignments, written by DEPUTY_ACADEMIC of the class's school; the thematic plan (КТП, 004
 * §5.7), written by the teacher assigned to the subject in the class. A class of a CLOSED year
 * is read-only.
 */
export class CurriculumService extends AdminWriter {
  async createSubject(cmd: { schoolId?: string | null; name: string; gradingScale?: GradingScale | null }): Promise<Subject> {
    const name = requiredText(cmd.name, 'name', 120);
    const schools = [await this.schoolFor(cmd.schoolId, 'curriculum.write')];
    return this.write(async (em, now) => {
      if (await em.findOne(Subject, { school: schools[0], name })) throw badInput('name', `The school already has the subject "${name}".`);
      const subject = em.create(Subject, { school: em.getReference(School, schools[0]), name, gradingScale: cmd.gradingScale ?? GradingScale.FIVE_POINT });
      this.audit(em, now, schools[0], 'subject.create', 'Subject', subject.id, null, { name, gradingScale: subject.gradingScale });
      return subject;
    });
  }

  async updateSubject(cmd: { subjectId: string; expectedVersion: number; name?: string | null; gradingScale?: GradingScale | null }): Promise<Subject> {
    return this.write(async (em, now) => {
      const subject = await em.findOne(Subject, cmd.subjectId);
      if (!subject) throw notFound('Subject');
      await this.requireRoleIn(subject.school.id, 'curriculum.write', 'Subject');
      await this.checkVersion(em, subject, cmd.expectedVersion);
      const name = cmd.name == null ? subject.name : requiredText(cmd.name, 'name', 120);
      if (name !== subject.name && (await em.findOne(Subject, { school: subject.school, name }))) {
        throw badInput('name', `The school already has the subject "${name}".`);
      }
      const gradingScale = cmd.gradingScale ?? subject.gradingScale;
      if (gradingScale !== subject.gradingScale) {
        const [{ n }] = await em.execute<{ n: string }[]>(
          'select count(*) as n from mark m join lesson l on l.id = m.lesson_id where l.subject_id = ?', [subject.id],
        );
        if (Number(n) > 0) throw badInput('gradingScale', 'The subject already has marks on its scale.');
      }
      const before = { name: subject.name, gradingScale: subject.gradingScale };
      Object.assign(subject, { name, gradingScale });
      this.audit(em, now, subject.school.id, 'subject.update', 'Subject', subject.id, before, { name, gradingScale });
      return subject;
    });
  }

  async createCurriculumItem(cmd: CurriculumItemCommand): Promise<CurriculumItem> {
    const hoursPerWeek = checkHours(cmd.hoursPerWeek, 'hoursPerWeek');
    return this.write(async (em, now) => {
      const classGroup = await this.writableClass(em, cmd.classGroupId);
      const subject = await this.subjectOf(em, classGroup, cmd.subjectId);
      if (await em.findOne(CurriculumItem, { classGroup, subject })) throw badInput('subjectId', 'The class already has this subject in its curriculum.');
      const item = em.create(CurriculumItem, { year: classGroup.year, classGroup, subject, hoursPerWeek, component: cmd.component });
      this.audit(em, now, classGroup.school.id, 'curriculum.create', 'CurriculumItem', item.id, null, {
        classGroupId: classGroup.id, subjectId: subject.id, hoursPerWeek, component: cmd.component,
      });
      return item;
    });
  }

  async updateCurriculumItem(cmd: UpdateCurriculumItemCommand): Promise<CurriculumItem> {
    const hoursPerWeek = cmd.hoursPerWeek == null ? null : checkHours(cmd.hoursPerWeek, 'hoursPerWeek');
    return this.write(async (em, now) => {
      const item = await em.findOne(CurriculumItem, cmd.itemId);
      if (!item) throw notFound('CurriculumItem');
      await this.writableClass(em, item.classGroup.id, 'CurriculumItem');
      await this.checkVersion(em, item, cmd.expectedVersion);
      const before = { hoursPerWeek: item.hoursPerWeek, component: item.component };
      if (hoursPerWeek) item.hoursPerWeek = hoursPerWeek;
      if (cmd.component) item.component = cmd.component;
      this.audit(em, now, item.classGroup.school.id, 'curriculum.update', 'CurriculumItem', item.id, before, { hoursPerWeek: item.hoursPerWeek, component: item.component });
      return item;
    });
  }

  async deleteCurriculumItem(cmd: IdVersion): Promise<ClassGroup> {
    return this.write(async (em, now) => {
      const item = await em.findOne(CurriculumItem, cmd.id);
      if (!item) throw notFound('CurriculumItem');
      const classGroup = await this.writableClass(em, item.classGroup.id, 'CurriculumItem');
      await this.checkVersion(em, item, cmd.expectedVersion);
      em.remove(item);
      this.audit(em, now, classGroup.school.id, 'curriculum.delete', 'CurriculumItem', item.id, { subjectId: item.subject.id, hoursPerWeek: item.hoursPerWeek }, null);
      return classGroup;
    });
  }

  async createSubgroup(cmd: SubgroupCommand): Promise<Subgroup> {
    const name = requiredText(cmd.name, 'name', 60);
    return this.write(async (em, now) => {
      const classGroup = await this.writableClass(em, cmd.classGroupId);
      const subject = await this.subjectOf(em, classGroup, cmd.subjectId);
      const members = await this.classMembers(em, classGroup, cmd.studentIds);
      const subgroup = em.create(Subgroup, { classGroup, subject, name });
      for (const student of members) em.create(SubgroupMember, { subgroup, student });
      this.audit(em, now, classGroup.school.id, 'subgroup.create', 'Subgroup', subgroup.id, null, {
        classGroupId: classGroup.id, subjectId: subject.id, name, studentIds: members.map((s) => s.id),
      });
      return subgroup;
    });
  }

  /** Renames a subgroup and/or sets its members (the whole list); the subgroup's version guards both. */
  async updateSubgroup(cmd: UpdateSubgroupCommand): Promise<Subgroup> {
    return this.write(async (em, now) => {
      const subgroup = await em.findOne(Subgroup, cmd.subgroupId);
      if (!subgroup) throw notFound('Subgroup');
      const classGroup = await this.writableClass(em, subgroup.classGroup.id, 'Subgroup');
      await this.checkVersion(em, subgroup, cmd.expectedVersion);
      const current = await em.find(SubgroupMember, { subgroup });
      const before = { name: subgroup.name, studentIds: current.map((m) => m.student.id).sort() };
      if (cmd.name != null) subgroup.name = requiredText(cmd.name, 'name', 60);
      let studentIds = before.studentIds;
      if (cmd.studentIds) {
        const members = await this.classMembers(em, classGroup, cmd.studentIds);
        studentIds = members.map((s) => s.id).sort();
        const wanted = new Set(studentIds);
        for (const m of current) if (!wanted.has(m.student.id)) em.remove(m);
        const kept = new Set(current.map((m) => m.student.id));
        for (const s of members) if (!kept.has(s.id)) em.create(SubgroupMember, { subgroup, student: s });
        if (cmd.name == null || cmd.name.trim() === before.name) await bumpVersion(em, 'subgroup', subgroup);
      }
      this.audit(em, now, classGroup.school.id, 'subgroup.update', 'Subgroup', subgroup.id, before, { name: subgroup.name, studentIds });
      return subgroup;
    });
  }

  async deleteSubgroup(cmd: IdVersion): Promise<ClassGroup> {
    return this.write(async (em, now) => {
      const subgroup = await em.findOne(Subgroup, cmd.id);
      if (!subgroup) throw notFound('Subgroup');
      const classGroup = await this.writableClass(em, subgroup.classGroup.id, 'Subgroup');
      await this.checkVersion(em, subgroup, cmd.expectedVersion);
      const [{ used }] = await em.execute<{ used: boolean }[]>(
        `select exists(select 1 from lesson where subgroup_id = ?) or exists(select 1 from teaching_assignment where subgroup_id = ?)
             or exists(select 1 from timetable_entry where subgroup_id = ?) or exists(select 1 from thematic_plan_item where subgroup_id = ?) as used`,
        [subgroup.id, subgroup.id, subgroup.id, subgroup.id],
      );
      if (used) throw badInput('id', 'The subgroup has lessons, assignments, timetable entries or a thematic plan: remove those first.');
      const members = await em.find(SubgroupMember, { subgroup });
      for (const m of members) em.remove(m);
      em.remove(subgroup);
      this.audit(em, now, classGroup.school.id, 'subgroup.delete', 'Subgroup', subgroup.id, { name: subgroup.name, studentIds: members.map((m) => m.student.id) }, null);
      return classGroup;
    });
  }

  async createAssignment(cmd: AssignmentCommand): Promise<TeachingAssignment> {
    return this.write(async (em, now) => {
      const classGroup = await this.writableClass(em, cmd.classGroupId);
      const subject = await this.subjectOf(em, classGroup, cmd.subjectId);
      const teacher = await this.teacherOf(em, classGroup, cmd.teacherId);
      let subgroup: Subgroup | undefined;
      if (cmd.subgroupId) {
        const found = await em.findOne(Subgroup, { id: cmd.subgroupId, classGroup, subject });
        if (!found) throw badInput('subgroupId', 'Not a subgroup of this class for this subject.');
        subgroup = found;
      }
      if (await em.findOne(TeachingAssignment, { teacher, classGroup, subject, subgroup: subgroup ?? null })) {
        throw badInput('teacherId', 'The teacher already has this assignment.');
      }
      const assignment = em.create(TeachingAssignment, { teacher, year: classGroup.year, classGroup, subject, subgroup });
      this.audit(em, now, classGroup.school.id, 'assignment.create', 'TeachingAssignment', assignment.id, null, {
        teacherId: teacher.id, classGroupId: classGroup.id, subjectId: subject.id, subgroupId: subgroup?.id ?? null,
      });
      return assignment;
    });
  }

  /** Hands an assignment over to another teacher. */
  async updateAssignment(cmd: UpdateAssignmentCommand): Promise<TeachingAssignment> {
    return this.write(async (em, now) => {
      const assignment = await em.findOne(TeachingAssignment, cmd.assignmentId);
      if (!assignment) throw notFound('TeachingAssignment');
      const classGroup = await this.writableClass(em, assignment.classGroup.id, 'TeachingAssignment');
      await this.checkVersion(em, assignment, cmd.expectedVersion);
      const teacher = await this.teacherOf(em, classGroup, cmd.teacherId);
      const before = { teacherId: assignment.teacher.id };
      assignment.teacher = teacher;
      this.audit(em, now, classGroup.school.id, 'assignment.update', 'TeachingAssignment', assignment.id, before, { teacherId: teacher.id });
      return assignment;
    });
  }

  async deleteAssignment(cmd: IdVersion): Promise<ClassGroup> {
    return this.write(async (em, now) => {
      const assignment = await em.findOne(TeachingAssignment, cmd.id);
      if (!assignment) throw notFound('TeachingAssignment');
      const classGroup = await this.writableClass(em, assignment.classGroup.id, 'TeachingAssignment');
      await this.checkVersion(em, assignment, cmd.expectedVersion);
      em.remove(assignment);
      this.audit(em, now, classGroup.school.id, 'assignment.delete', 'TeachingAssignment', assignment.id, {
        teacherId: assignment.teacher.id, subjectId: assignment.subject.id,
      }, null);
      return classGroup;
    });
  }

  // ----------------------------------------------------------------- the thematic plan

  async addPlanItem(cmd: PlanItemCommand): Promise<ThematicPlanItem> {
    const topic = requiredText(cmd.topic, 'topic', 500);
    const hours = checkInt(cmd.hours, 'hours', 1, 200);
    const plannedOn = cmd.plannedOn == null ? null : checkDate(cmd.plannedOn, 'plannedOn');
    return this.write(async (em, now) => {
      const { classGroup, subject, subgroup, teacher } = await this.ownPlan(em, cmd.classGroupId, cmd.subjectId, cmd.subgroupId ?? null);
      const items = await this.planItems(em, teacher, classGroup, subject, subgroup);
      const position = cmd.position == null ? items.length + 1 : checkInt(cmd.position, 'position', 1, items.length + 1);
      const item = em.create(ThematicPlanItem, {
        teacher, classGroup, subject, subgroup: subgroup ?? undefined, ordinal: position, topic, hours, plannedOn: plannedOn ?? undefined,
      });
      items.splice(position - 1, 0, item);
      await renumber(em, items);
      this.audit(em, now, classGroup.school.id, 'thematic_plan.add', 'ThematicPlanItem', item.id, null, { position, topic, hours, plannedOn });
      return item;
    });
  }

  async updatePlanItem(cmd: UpdatePlanItemCommand): Promise<ThematicPlanItem> {
    const topic = cmd.topic == null ? null : requiredText(cmd.topic, 'topic', 500);
    const hours = cmd.hours == null ? null : checkInt(cmd.hours, 'hours', 1, 200);
    const plannedOn = cmd.plannedOn === undefined ? undefined : cmd.plannedOn === null ? null : optionalText(cmd.plannedOn, 'plannedOn', 10);
    if (plannedOn) checkDate(plannedOn, 'plannedOn');
    return this.write(async (em, now) => {
      const item = await this.ownPlanItem(em, cmd.itemId);
      await this.checkVersion(em, item, cmd.expectedVersion);
      const before = { ordinal: item.ordinal, topic: item.topic, hours: item.hours, plannedOn: item.plannedOn ?? null };
      if (topic) item.topic = topic;
      if (hours) item.hours = hours;
      if (plannedOn !== undefined) item.plannedOn = plannedOn ?? undefined;
      if (cmd.position != null) {
        const items = await this.planItems(em, item.teacher, item.classGroup, item.subject, item.subgroup ?? null);
        const position = checkInt(cmd.position, 'position', 1, items.length);
        const rest = items.filter((i) => i !== item);
        rest.splice(position - 1, 0, item);
        await renumber(em, rest);
      }
      this.audit(em, now, item.classGroup.school.id, 'thematic_plan.update', 'ThematicPlanItem', item.id, before, {
        ordinal: item.ordinal, topic: item.topic, hours: item.hours, plannedOn: item.plannedOn ?? null,
      });
      return item;
    });
  }

  /** Deletes an item and closes the gap; answers the rest of the plan. */
  async deletePlanItem(cmd: IdVersion): Promise<ThematicPlanItem[]> {
    return this.write(async (em, now) => {
      const item = await this.ownPlanItem(em, cmd.id);
      await this.checkVersion(em, item, cmd.expectedVersion);
      const items = (await this.planItems(em, item.teacher, item.classGroup, item.subject, item.subgroup ?? null)).filter((i) => i !== item);
      em.remove(item);
      await em.flush();
      await renumber(em, items);
      this.audit(em, now, item.classGroup.school.id, 'thematic_plan.delete', 'ThematicPlanItem', item.id, { ordinal: item.ordinal, topic: item.topic }, null);
      return items;
    });
  }

  // ----------------------------------------------------------------- checks

  /** The class, if the viewer is deputy head of its school (else NOT_FOUND / FORBIDDEN) and its year is not closed. */
  private async writableClass(em: EntityManager, classGroupId: string, what = 'ClassGroup'): Promise<ClassGroup> {
    const classGroup = await em.findOne(ClassGroup, classGroupId);
    if (!classGroup) throw notFound(what);
    await this.requireRoleIn(classGroup.school.id, 'curriculum.write', what);
    await assertYearWritable(em, classGroup.year.id);
    return classGroup;
  }

  private async subjectOf(em: EntityManager, classGroup: ClassGroup, subjectId: string): Promise<Subject> {
    const subject = await em.findOne(Subject, { id: subjectId, school: classGroup.school });
    if (!subject) throw badInput('subjectId', 'Not a subject of this school.');
    return subject;
  }

  /** Rule of 004 §4.6: the teacher is an employee of the class's school who has not been dismissed. */
  private async teacherOf(em: EntityManager, classGroup: ClassGroup, employeeId: string): Promise<Employee> {
    const teacher = await em.findOne(Employee, { id: employeeId, school: classGroup.school, dismissedOn: null });
    if (!teacher) throw badInput('teacherId', 'Not an employee of this school.');
    return teacher;
  }

  /** Subgroup members must be enrolled in the class (an enrollment there that has not ended). */
  private async classMembers(em: EntityManager, classGroup: ClassGroup, studentIds: string[]): Promise<Student[]> {
    const unique = [...new Set(studentIds)];
    const school = await em.findOneOrFail(School, classGroup.school.id);
    const today = localDate(this.scope.clock.now(), school.timezone);
    const rows = await em.execute<{ student_id: string }[]>(
      `select distinct e.student_id from enrollment e
        where e.class_group_id = ? and e.student_id = any(?::uuid[]) and (e.ends_on is null or e.ends_on >= ?)`,
      [classGroup.id, uuidArray(unique), today],
    );
    const enrolled = new Set(rows.map((r) => r.student_id));
    const index = studentIds.findIndex((id) => !enrolled.has(id));
    if (index >= 0) throw badInput(`studentIds.${index}`, 'Subgroup members must be enrolled in the class.');
    return unique.map((id) => em.getReference(Student, id));
  }

  /** The viewer's own plan for a class × subject (× subgroup): they must be assigned to teach it. */
  private async ownPlan(em: EntityManager, classGroupId: string, subjectId: string, subgroupId: string | null) {
    const classGroup = await em.findOne(ClassGroup, classGroupId);
    if (!classGroup || !(await this.scope.access.isMemberOf(classGroup.school.id))) throw notFound('ClassGroup');
    // `thematicPlan.write`: the viewer's teacher card, while a TEACHER of the school (permissions/ties.ts), assigned below.
    const employeeId = this.scope.access.ties.teacherCard;
    if (!employeeId || classGroup.school.id !== this.scope.viewer.employeeSchoolId) throw forbidden('The thematic plan is the teacher\'s own.');
    const subject = await this.subjectOf(em, classGroup, subjectId);
    let subgroup: Subgroup | null = null;
    if (subgroupId) {
      subgroup = await em.findOne(Subgroup, { id: subgroupId, classGroup, subject });
      if (!subgroup) throw badInput('subgroupId', 'Not a subgroup of this class for this subject.');
    }
    const assigned = await em.findOne(TeachingAssignment, {
      teacher: employeeId, classGroup, subject, ...(subgroup ? { subgroup: { $in: [subgroup.id] } } : {}),
    });
    if (!assigned) throw forbidden('Only the teacher assigned to the subject in this class writes its thematic plan.');
    await assertYearWritable(em, classGroup.year.id);
    return { classGroup, subject, subgroup, teacher: em.getReference(Employee, employeeId) };
  }

  private async ownPlanItem(em: EntityManager, itemId: string): Promise<ThematicPlanItem> {
    const item = await em.findOne(ThematicPlanItem, itemId, { populate: ['classGroup'] });
    if (!item || !(await this.scope.access.isMemberOf(item.classGroup.school.id))) throw notFound('ThematicPlanItem');
    const readsAll = this.scope.access.holdsIn('thematicPlan.read', item.classGroup.school.id);
    if (item.teacher.id !== this.scope.access.ties.teacherCard) {
      if (readsAll) throw forbidden('The thematic plan is the teacher\'s own.');
      throw notFound('ThematicPlanItem');
    }
    await this.ownPlan(em, item.classGroup.id, item.subject.id, item.subgroup?.id ?? null);
    return item;
  }

  /** The plan's items in order, locked: concurrent inserts and moves of one plan are serialized. */
  private planItems(em: EntityManager, teacher: Employee, classGroup: ClassGroup, subject: Subject, subgroup: Subgroup | null) {
    return em.find(ThematicPlanItem, { teacher, classGroup, subject, subgroup }, {
      orderBy: { ordinal: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE,
    });
  }
}

/**
 * Gives the items ordinals 1…n in the given order. The unique (plan, ordinal) index is checked
 * row by row, so the stored rows first step aside (ordinal + 100000, one statement that leaves
 * the versions alone) and the flush then writes each final ordinal.
 */
async function renumber(em: EntityManager, items: ThematicPlanItem[]): Promise<void> {
  const stored = items.filter((i) => helper(i).__originalEntityData);
  if (stored.length > 0) {
    await em.execute('update thematic_plan_item set ordinal = ordinal + 100000 where id = any(?::uuid[])', [uuidArray(stored.map((i) => i.id))]);
    for (const i of stored) helper(i).__originalEntityData!.ordinal = (helper(i).__originalEntityData!.ordinal as number) + 100000;
  }
  items.forEach((item, index) => { item.ordinal = index + 1; });
}
