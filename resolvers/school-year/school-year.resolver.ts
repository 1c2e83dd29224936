import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AcademicYear, ClassGroup, Employee, Holiday, MovedWorkingDay, StudyPeriod, StudyPeriodKind } from '../../entities';
import { RolloverService, summarize, type RolloverCommand, type RolloverDecision } from '../../domain/school-year/rollover.service';
import { SchoolYearService } from '../../domain/school-year/school-year.service';
import { classesOfYears } from '../../domain/school-year/classes.queries';
import type { RequestContext } from '../context';
import { fromGlobalId, toGlobalId } from '../../schema/global-id';
import { AcademicYearType, ClassGroupType, HolidayType, StudyPeriodType } from '../../schema/types';
import {
  ApplyRolloverInput, CreateAcademicYearInput, DeleteInput, RolloverInput, SaveHolidayInput, SaveMovedWorkingDayInput,
  SetAcademicYearStateInput, SetStudyPeriodsInput, UpdateAcademicYearInput,
} from '../../schema/year.inputs';
import { MovedWorkingDayType, RolloverPreviewType } from '../../schema/year.types';

const years = (ctx: RequestContext) => new SchoolYearService(ctx.scope);
export const schoolIdOf = (id: string | null | undefined) => (id ? fromGlobalId(id, 'School', 'schoolId') : null);

function rolloverCommand(input: RolloverInput, token?: string): RolloverCommand {
  return {
    yearId: fromGlobalId(input.yearId, 'AcademicYear', 'yearId'),
    name: input.name, startsOn: input.startsOn, endsOn: input.endsOn,
    decisions: input.decisions.map((d, i) => ({
      studentId: fromGlobalId(d.studentId, 'Student', `decisions.${i}.studentId`), decision: d.decision as unknown as RolloverDecision,
    })),
    defaultDecision: (input.defaultDecision ?? null) as RolloverDecision | null,
    token,
  };
}

/** The school year (ADMIN writes; the calendar is read by every member of the school). */
@Resolver(() => AcademicYearType)
export class SchoolYearResolver {
  @FieldResolver(() => Int, { description: 'Moves with every change of the year or its calendar; send it back as expectedVersion.' })
  version(@Root() year: AcademicYear): number {
    return year.version;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the year was CLOSED: from then on it is read-only.' })
  closedAt(@Root() year: AcademicYear): Date | null {
    return year.closedAt ?? null;
  }

  @FieldResolver(() => AcademicYearType, { nullable: true, description: 'The year this one was rolled over from.' })
  async previousYear(@Root() year: AcademicYear, @Ctx() ctx: RequestContext) {
    return year.previousYear ? ctx.loaders.one(AcademicYear, year.previousYear.id) : null;
  }

  @FieldResolver(() => [MovedWorkingDayType])
  movedWorkingDays(@Root() year: AcademicYear, @Ctx() ctx: RequestContext): Promise<MovedWorkingDay[]> {
    return ctx.loaders.byYear('movedWorkingDays', (ids) => ctx.em.find(MovedWorkingDay, { year: { $in: ids } }, { orderBy: { workDate: 'asc' } }))
      .load(year.id);
  }

  @FieldResolver(() => [ClassGroupType], { description: 'The year\'s classes you may read (as `classGroups(yearId:)`, closed ones included), by grade and letter.' })
  classGroups(@Root() year: AcademicYear, @Ctx() ctx: RequestContext): Promise<ClassGroup[]> {
    return ctx.loaders.byYear('classGroups', async (ids) => [...(await classesOfYears(ctx.scope, ids, true)).values()].flat())
      .load(year.id);
  }

  @Query(() => RolloverPreviewType, { description: 'What the year rollover (rule 9) would do; nothing changes. ADMIN, DIRECTOR, DEPUTY_ACADEMIC.' })
  async rolloverPreview(@Arg('input') input: RolloverInput, @Ctx() ctx: RequestContext): Promise<RolloverPreviewType> {
    const plan = await new RolloverService(ctx.scope).preview(rolloverCommand(input));
    const counts = summarize(plan);
    const teachers = await ctx.loaders.entity(Employee).loadMany(plan.classes.flatMap((c) => (c.classTeacherId ? [c.classTeacherId] : [])));
    const teacherById = new Map(teachers.filter((t): t is Employee => t instanceof Employee).map((t) => [t.id, t]));
    return {
      token: plan.token, name: plan.name, startsOn: plan.startsOn, endsOn: plan.endsOn,
      classes: plan.classes.map((c) => ({
        name: c.key, grade: c.grade, fromClass: c.fromClass as never,
        classTeacher: (c.classTeacherId ? teacherById.get(c.classTeacherId) : null) as never,
        students: plan.students.filter((s) => s.toClassKey === c.key).length,
      })),
      students: plan.students.map((s) => ({
        student: s.student as never, fromClass: s.fromClass as never, decision: s.decision as never,
        toClassName: s.toClassKey, orderNumber: s.orderNumber,
      })),
      undecided: plan.students.filter((s) => s.decision === null).map((s) => s.student as never),
      promoted: counts.promoted, promotedConditionally: counts.promotedConditionally, repeating: counts.repeating,
      graduating: counts.graduating, curriculumItems: counts.curriculumItems, teachingAssignments: counts.teachingAssignments,
      subgroups: counts.subgroups, canApply: counts.undecided === 0,
    };
  }

  @Mutation(() => AcademicYearType, { description: 'Applies the previewed rollover in one transaction: the new PLANNING year with its classes, copies and movement-book orders.' })
  applyRollover(@Arg('input') input: ApplyRolloverInput, @Ctx() ctx: RequestContext): Promise<AcademicYear> {
    return new RolloverService(ctx.scope).apply(rolloverCommand(input, input.token));
  }

  @Mutation(() => AcademicYearType, { description: 'A new year (PLANNING) in the school you administer.' })
  createAcademicYear(@Arg('input') input: CreateAcademicYearInput, @Ctx() ctx: RequestContext): Promise<AcademicYear> {
    return years(ctx).createYear({ ...input, schoolId: schoolIdOf(input.schoolId) });
  }

  @Mutation(() => AcademicYearType)
  updateAcademicYear(@Arg('input') input: UpdateAcademicYearInput, @Ctx() ctx: RequestContext): Promise<AcademicYear> {
    return years(ctx).updateYear({ ...input, yearId: fromGlobalId(input.yearId, 'AcademicYear', 'yearId') });
  }

  @Mutation(() => AcademicYearType, { description: 'PLANNING → ACTIVE (one ACTIVE year per school) → CLOSED (read-only from then on).' })
  setAcademicYearState(@Arg('input') input: SetAcademicYearStateInput, @Ctx() ctx: RequestContext): Promise<AcademicYear> {
    return years(ctx).setState({ ...input, yearId: fromGlobalId(input.yearId, 'AcademicYear', 'yearId') });
  }

  @Mutation(() => AcademicYearType)
  setStudyPeriods(@Arg('input') input: SetStudyPeriodsInput, @Ctx() ctx: RequestContext): Promise<AcademicYear> {
    return years(ctx).setStudyPeriods({ ...input, yearId: fromGlobalId(input.yearId, 'AcademicYear', 'yearId') });
  }

  @Mutation(() => HolidayType, { description: 'Adds a holiday (yearId) or changes one (holidayId + expectedVersion).' })
  saveHoliday(@Arg('input') input: SaveHolidayInput, @Ctx() ctx: RequestContext): Promise<Holiday> {
    return years(ctx).saveHoliday({
      ...input,
      yearId: input.yearId ? fromGlobalId(input.yearId, 'AcademicYear', 'yearId') : null,
      holidayId: input.holidayId ? fromGlobalId(input.holidayId, 'Holiday', 'holidayId') : null,
    });
  }

  @Mutation(() => AcademicYearType)
  deleteHoliday(@Arg('input') input: DeleteInput, @Ctx() ctx: RequestContext): Promise<AcademicYear> {
    return years(ctx).deleteHoliday({ id: fromGlobalId(input.id, 'Holiday', 'id'), expectedVersion: input.expectedVersion });
  }

  @Mutation(() => MovedWorkingDayType, { description: 'Adds a moved working day (yearId) or changes one (movedWorkingDayId + expectedVersion).' })
  saveMovedWorkingDay(@Arg('input') input: SaveMovedWorkingDayInput, @Ctx() ctx: RequestContext): Promise<MovedWorkingDay> {
    return years(ctx).saveMovedDay({
      ...input,
      yearId: input.yearId ? fromGlobalId(input.yearId, 'AcademicYear', 'yearId') : null,
      movedDayId: input.movedWorkingDayId ? fromGlobalId(input.movedWorkingDayId, 'MovedWorkingDay', 'movedWorkingDayId') : null,
    });
  }

  @Mutation(() => AcademicYearType)
  deleteMovedWorkingDay(@Arg('input') input: DeleteInput, @Ctx() ctx: RequestContext): Promise<AcademicYear> {
    return years(ctx).deleteMovedDay({ id: fromGlobalId(input.id, 'MovedWorkingDay', 'id'), expectedVersion: input.expectedVersion });
  }
}

@Resolver(() => StudyPeriodType)
export class StudyPeriodYearResolver {
  @FieldResolver(() => StudyPeriodKind)
  kind(@Root() period: StudyPeriod): StudyPeriodKind {
    return period.kind;
  }
}

@Resolver(() => HolidayType)
export class HolidayResolver {
  @FieldResolver(() => ID)
  id(@Root() holiday: Holiday): string {
    return toGlobalId('Holiday', holiday.id);
  }

  @FieldResolver(() => Int)
  version(@Root() holiday: Holiday): number {
    return holiday.version;
  }
}

@Resolver(() => MovedWorkingDayType)
export class MovedWorkingDayResolver {
  @FieldResolver(() => ID)
  id(@Root() row: MovedWorkingDay): string {
    return toGlobalId('MovedWorkingDay', row.id);
  }
}
