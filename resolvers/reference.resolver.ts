import { Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { AcademicYear, ClassGroup, Employee, Holiday, Role, StudyPeriod, Subject, User, WorkType } from '../entities';
import { uuidArray } from '../permissions/scope';
import type { RequestContext } from '../server/context';
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
    return classGroup.classTeacher ? ctx.loaders.one(Employee, classGroup.classTeacher.id) : null;
  }
}

@Resolver(() => AcademicYearType)
export class CalendarResolver {
  @Query(() => [AcademicYearType], { description: 'The academic years of the viewer\'s schools, newest first.' })
  async academicYears(@Ctx() ctx: RequestContext): Promise<AcademicYear[]> {
    const schools = [...(await ctx.access.memberSchools())];
    // Coordinators read the calendar of the schools under them (access matrix: year, periods, holidays — R).
    const v = ctx.requireViewer();
    const municipalities = v.grants.filter((g) => g.role === Role.MUNICIPAL_COORDINATOR && g.municipalityId).map((g) => g.municipalityId!);
    const regions = v.grants.filter((g) => g.role === Role.REGIONAL_COORDINATOR && g.regionId).map((g) => g.regionId!);
    if (municipalities.length > 0 || regions.length > 0) {
      const rows = await ctx.em.getConnection().execute<{ id: string }[]>(
        `select s.id from school s join municipality m on m.id = s.municipality_id
          where m.id = any(?::uuid[]) or m.region_id = any(?::uuid[])`,
        [uuidArray(municipalities), uuidArray(regions)],
      );
      for (const r of rows) if (!schools.includes(r.id)) schools.push(r.id);
    }
    if (schools.length === 0) return [];
    return ctx.em.find(AcademicYear, { school: { $in: schools } }, { orderBy: { startsOn: 'desc' } });
  }

  @Query(() => [WorkTypeType], { description: 'The work types of the viewer\'s schools, with their weights.' })
  async workTypes(@Ctx() ctx: RequestContext): Promise<WorkType[]> {
    const schools = [...(await ctx.access.memberSchools())];
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
    return ctx.loaders.byYear('studyPeriods', (ids) => ctx.em.find(StudyPeriod, { year: { $in: ids } }, { orderBy: { ordinal: 'asc' } }))
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
