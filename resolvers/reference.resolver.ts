import { Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { AcademicYear, ClassGroup, Employee, Holiday, StudyPeriod, Subject, User, WorkType } from '../entities';
import { uuidArray } from '../permissions/scope';
import type { RequestContext } from './context';
import { toGlobalId } from '../schema/global-id';
import {
  AcademicYearType, ClassGroupType, EmployeeType, HolidayType, StudyPeriodType, SubjectType, UserType, WorkTypeType,
} from '../schema/types';

@Resolver(() => UserType)
export class UserResolver {
  @FieldResolver(() => ID)
  id(@Root() user: User): string {
    return toGlobalId('User', user.id);
  }
}

@Resolver(() => EmployeeType)
export class EmployeeResolver {
  @FieldResolver(() => ID)
  id(@Root() employee: Employee): string {
    return toGlobalId('Employee', employee.id);
  }

  @FieldResolver()
  fullName(@Root() employee: Employee): string {
    return employee.fullName;
  }
}

@Resolver(() => SubjectType)
export class SubjectResolver {
  @FieldResolver(() => ID)
  id(@Root() subject: Subject): string {
    return toGlobalId('Subject', subject.id);
  }
}

@Resolver(() => ClassGroupType)
export class ClassGroupResolver {
  @FieldResolver(() => ID)
  id(@Root() classGroup: ClassGroup): string {
    return toGlobalId('ClassGroup', classGroup.id);
  }

  @FieldResolver()
  name(@Root() classGroup: ClassGroup): string {
    return classGroup.name;
  }

  @FieldResolver(() => EmployeeType, { nullable: true })
  async classTeacher(@Root() classGroup: ClassGroup, @Ctx() ctx: RequestContext) {
    // Coordinators reach classes through the calendar; a name is personal data they never read.
    if (!classGroup.classTeacher || !ctx.access.holdsIn('employeeCard.readNames', classGroup.school.id)) return null;
    return ctx.loaders.one(Employee, classGroup.classTeacher.id);
  }
}

@Resolver(() => AcademicYearType)
export class CalendarResolver {
  @Query(() => [AcademicYearType], { description: 'The academic years of the viewer\'s schools, newest first.' })
  async academicYears(@Ctx() ctx: RequestContext): Promise<AcademicYear[]> {
    const schools = await ctx.access.calendarSchools();
    if (schools.length === 0) return [];
    return ctx.em.find(AcademicYear, { school: { $in: schools } }, { orderBy: { startsOn: 'desc' } });
  }

  @Query(() => [WorkTypeType], { description: 'The work types of the viewer\'s schools, with their weights (retired ones too: their marks keep them).' })
  async workTypes(@Ctx() ctx: RequestContext): Promise<WorkType[]> {
    const schools = [...(await ctx.access.memberSchools())].filter((school) => ctx.access.holdsIn('workTypes.read', school));
    if (schools.length === 0) return [];
    const rows = await ctx.em.getConnection().execute(
      `select * from work_type where school_id = any(?::uuid[]) order by weight, code`, [uuidArray(schools)],
    );
    return rows.map((r) => ctx.em.map(WorkType, r));
  }

  @FieldResolver(() => ID)
  id(@Root() year: AcademicYear): string {
    return toGlobalId('AcademicYear', year.id);
  }

  @FieldResolver(() => [StudyPeriodType])
  studyPeriods(@Root() year: AcademicYear, @Ctx() ctx: RequestContext): Promise<StudyPeriod[]> {
    return ctx.loaders.byYear('studyPeriods', (ids) => ctx.em.find(StudyPeriod, { year: { $in: ids } }, { orderBy: { gradeFrom: 'asc', ordinal: 'asc' } }))
      .load(year.id);
  }

  @FieldResolver(() => [HolidayType])
  holidays(@Root() year: AcademicYear, @Ctx() ctx: RequestContext): Promise<Holiday[]> {
    return ctx.loaders.byYear('holidays', (ids) => ctx.em.find(Holiday, { year: { $in: ids } }, { orderBy: { startsOn: 'asc' } }))
      .load(year.id);
  }
}

@Resolver(() => StudyPeriodType)
export class StudyPeriodResolver {
  @FieldResolver(() => ID)
  id(@Root() period: StudyPeriod): string {
    return toGlobalId('StudyPeriod', period.id);
  }
}
