import { mayHoldIn } from '../../permissions/registry';
import {
  AcademicYear, Bell, ClassGroup, CurriculumItem, MovedWorkingDay, Room, SchoolEvent, Subgroup, SubgroupMember, TeachingAssignment, ThematicPlanItem, TimetableEntry
} from '../../entities';
import { mayReadEvent } from '../../domain/school-year/events.queries';
import { readsClassCurriculum } from '../../domain/school-year/curriculum.service';
import type { ClassReach } from '../../permissions/scope';
import type { RequestContext } from '../context';

/**
 * Row scoping of the school-year, curriculum and timetable reads (access matrix, DOMAIN.md).
 * Each answers null / nothing for "not yours" exactly like for "missing".
 */


export async function reachOf(ctx: RequestContext, classGroupId: string): Promise<ClassReach | null> {
  return ctx.access.classReach(classGroupId);
}

/** The class, if the viewer may read its curriculum, assignments and subgroups. */
export async function curriculumReach(ctx: RequestContext, classGroupId: string): Promise<ClassReach | null> {
  const reach = await reachOf(ctx, classGroupId);
  return readsClassCurriculum(ctx.scope, reach) ? reach : null;
}

/** The class, if the viewer may read its timetable: the school's staff (HR aside), or its own students and their parents. */
export async function timetableReach(ctx: RequestContext, classGroupId: string): Promise<ClassReach | null> {
  const reach = await reachOf(ctx, classGroupId);
  if (!reach) return null;
  return ctx.access.allows('schedule.read', reach) ? reach : null;
}

/** A teacher who only teaches some subjects in the class sees their own assignments; the others see all. */
export function seesAllAssignments(reach: ClassReach): boolean {
  return reach.readsAll || reach.leads || reach.attends;
}

/** Subgroups of the class the viewer may see (the administration and the class teacher: all). */
export async function visibleSubgroups(ctx: RequestContext, reach: ClassReach): Promise<Subgroup[]> {
  const all = await ctx.em.find(Subgroup, { classGroup: reach.classGroup }, { orderBy: { name: 'asc' } });
  if (reach.readsAll || reach.leads) return all;
  const mine = new Set<string>();
  const teacher = ctx.access.ties.teacherCard;
  if (reach.taughtSubjects.length > 0 && teacher) {
    const assignments = await ctx.em.find(TeachingAssignment, { classGroup: reach.classGroup, teacher });
    for (const sg of all) {
      if (assignments.some((a) => a.subject.id === sg.subject.id && (!a.subgroup || a.subgroup.id === sg.id))) mine.add(sg.id);
    }
  }
  if (reach.attends) {
    const members = await ctx.em.find(SubgroupMember, { subgroup: { $in: all.map((s) => s.id) } });
    const access = await ctx.access.studentsAccess(members.map((m) => m.student.id));
    for (const m of members) if (access.get(m.student.id)?.level === 'FULL') mine.add(m.subgroup.id);
  }
  return all.filter((s) => mine.has(s.id));
}

async function memberOf(ctx: RequestContext, schoolId: string): Promise<boolean> {
  return ctx.access.isMemberOf(schoolId);
}

export async function fetchYearNode(ctx: RequestContext, type: string, uuid: string): Promise<object | null> {
  switch (type) {
    case 'MovedWorkingDay': {
      const row = await ctx.loaders.one(MovedWorkingDay, uuid);
      const year = row && (await ctx.loaders.one(AcademicYear, row.year.id));
      return year && (await memberOf(ctx, year.school.id)) ? row : null;
    }
    case 'Bell': case 'Room': {
      const row = await ctx.loaders.entity<Bell | Room>(type === 'Bell' ? Bell : Room).load(uuid);
      return row && mayHoldIn(ctx.requireViewer(), 'schedule.read', row.school.id) ? row : null;
    }
    case 'CurriculumItem': case 'TeachingAssignment': case 'Subgroup': {
      const cls = { CurriculumItem, TeachingAssignment, Subgroup }[type];
      const row = await ctx.loaders.entity<CurriculumItem | TeachingAssignment | Subgroup>(cls).load(uuid);
      const reach = row && (await curriculumReach(ctx, row.classGroup.id));
      if (!row || !reach) return null;
      if (row instanceof TeachingAssignment && !seesAllAssignments(reach)) return row.teacher.id === ctx.access.ties.teacherCard ? row : null;
      if (row instanceof Subgroup) return (await visibleSubgroups(ctx, reach)).some((s) => s.id === row.id) ? row : null;
      return row;
    }
    case 'ThematicPlanItem': {
      const row = await ctx.loaders.one(ThematicPlanItem, uuid);
      const classGroup = row && (await ctx.loaders.one(ClassGroup, row.classGroup.id));
      if (!row || !classGroup) return null;
      const own = row.teacher.id === ctx.access.ties.teacherCard;
      return own || ctx.access.holdsIn('thematicPlan.read', classGroup.school.id) ? row : null;
    }
    case 'TimetableEntry': {
      const row = await ctx.loaders.one(TimetableEntry, uuid);
      return row && (await timetableReach(ctx, row.classGroup.id)) ? row : null;
    }
    case 'SchoolEvent': {
      const row = await ctx.loaders.one(SchoolEvent, uuid);
      return row && (await mayReadEvent(ctx.access, ctx.requireViewer(), row)) ? row : null;
    }
    default: return null;
  }
}
