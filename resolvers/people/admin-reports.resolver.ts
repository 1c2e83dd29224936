import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { ClassGroup, School } from '../../entities';
import {
  CLASS_SIZE_NORM, classFill, coordinatedSchools, movementSummary, userActivity,
} from '../../domain/people/admin-reports.queries';
import { localDate } from '../../lib/clock';
import type { RequestContext } from '../context';
import {
  ClassFillReportType, MovementSummaryReportType, SchoolClassFillType, SchoolMovementSummaryType, SchoolUserActivityType,
  UserActivityReportType,
} from '../../schema/people.types';
import { DateScalar } from '../../schema/scalars';
import { schoolArg } from './people-support';

// Reports row of the access matrix: the administration reads all of its school; the secretary
// reads movement and class fill; HR the staff's activity; coordinators the same figures per
// school under them, in separate types without names.

async function primeClasses(ctx: RequestContext, ids: string[]): Promise<Map<string, ClassGroup>> {
  const classes = ids.length ? await ctx.em.find(ClassGroup, { id: { $in: ids } }) : [];
  ctx.loaders.prime(ClassGroup, classes);
  return new Map(classes.map((c) => [c.id, c]));
}

@Resolver()
export class AdminReportsResolver {
  @Query(() => ClassFillReportType, { description: 'Students per class on `date` (default today) against the norm (default 25).' })
  async classFillReport(
    @Ctx() ctx: RequestContext,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string,
    @Arg('date', () => DateScalar, { nullable: true }) date?: string,
    @Arg('norm', () => Int, { nullable: true }) norm?: number,
  ) {
    const id = schoolArg(ctx, schoolId, 'report.fillAndMovement');
    const school = await ctx.em.findOneOrFail(School, id);
    const fill = (await classFill(ctx.reportsEm, [id], date ?? localDate(ctx.clock.now(), school.timezone), norm ?? CLASS_SIZE_NORM)).get(id)!;
    const classes = await primeClasses(ctx, fill.classes.map((c) => c.classGroupId));
    return {
      ...fill,
      classes: fill.classes.map((c) => ({
        classGroup: classes.get(c.classGroupId)!, students: c.students, norm: c.norm,
        vacancies: c.norm - c.students, fillPercent: Math.round((c.students / c.norm) * 1000) / 10,
      })),
    };
  }

  @Query(() => MovementSummaryReportType, { description: 'Orders taking effect in [from, to]: by type, arrivals and departures per class.' })
  async movementSummaryReport(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string,
  ) {
    const id = schoolArg(ctx, schoolId, 'report.fillAndMovement');
    const summary = (await movementSummary(ctx.reportsEm, [id], from, to)).get(id)!;
    const classes = await primeClasses(ctx, summary.classes.map((c) => c.classGroupId));
    return {
      ...summary,
      classes: summary.classes.map((c) => ({ classGroup: classes.get(c.classGroupId)!, arrivals: c.arrivals, departures: c.departures })),
    };
  }

  @Query(() => UserActivityReportType, { description: 'Logins and writes per account, role and week in [from, to]; HR sees staff accounts only.' })
  async userActivityReport(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string,
  ) {
    const id = schoolArg(ctx, schoolId, 'report.activity');
    const staffOnly = !ctx.access.holdsIn('report.activityOfFamilies', id);
    const report = (await userActivity(ctx.reportsEm, [id], from, to, { staffOnly })).get(id)!;
    return {
      ...report,
      // The account as UserType shows it (id and login), without loading the rows again.
      users: report.users.map(({ userId, login, ...u }) => ({ ...u, user: { id: userId, login } })),
    };
  }

  @Query(() => [SchoolClassFillType], { description: 'Coordinators: class fill by grade for each school under them.' })
  async classFillBySchoolReport(
    @Ctx() ctx: RequestContext,
    @Arg('date', () => DateScalar, { nullable: true }) date?: string,
    @Arg('norm', () => Int, { nullable: true }) norm?: number,
  ) {
    const schools = await coordinatedSchools(ctx.em, ctx.access);
    const day = date ?? localDate(ctx.clock.now(), schools[0]?.timezone ?? 'Europe/Moscow');
    const fills = await classFill(ctx.reportsEm, schools.map((s) => s.id), day, norm ?? CLASS_SIZE_NORM);
    return schools.map((school) => {
      const { classes: _classes, ...fill } = fills.get(school.id)!;
      return { school, ...fill };
    });
  }

  @Query(() => [SchoolMovementSummaryType], { description: 'Coordinators: movement counts for each school under them.' })
  async movementSummaryBySchoolReport(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
  ) {
    const schools = await coordinatedSchools(ctx.em, ctx.access);
    const summaries = await movementSummary(ctx.reportsEm, schools.map((s) => s.id), from, to);
    return schools.map((school) => {
      const { classes: _classes, ...summary } = summaries.get(school.id)!;
      return { school, ...summary };
    });
  }

  @Query(() => [SchoolUserActivityType], { description: 'Coordinators: activity by role and week for each school under them.' })
  async userActivityBySchoolReport(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
  ) {
    const schools = await coordinatedSchools(ctx.em, ctx.access);
    const reports = await userActivity(ctx.reportsEm, schools.map((s) => s.id), from, to);
    return schools.map((school) => {
      const { users: _users, ...report } = reports.get(school.id)!;
      return { school, ...report };
    });
  }
}
