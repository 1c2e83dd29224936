import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { classTermReport, schoolTermReport, type TermReport, type TermReportRow } from '../../domain/reports/term-reports.queries';
import type { RequestContext } from '../context';
import { fromGlobalId, toGlobalId } from '../../schema/global-id';
import { TermReportRowType, TermReportType } from '../../schema/report.types';

@Resolver(() => TermReportType)
export class TermReportResolver {
  @Query(() => TermReportType, { description: 'Marks per subject and study period of one class: its class teacher and the school administration.' })
  classTermReport(@Arg('classGroupId', () => ID) classGroupId: string, @Ctx() ctx: RequestContext): Promise<TermReport> {
    return classTermReport(ctx.scope, fromGlobalId(classGroupId, 'ClassGroup', 'classGroupId'));
  }

  @Query(() => TermReportType, {
    description: 'Marks per subject and study period of a whole school: its administration (schoolId may be left out) and the coordinators over it.',
  })
  schoolTermReport(@Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null, @Ctx() ctx: RequestContext): Promise<TermReport> {
    return schoolTermReport(ctx.scope, schoolId ? fromGlobalId(schoolId, 'School', 'schoolId') : null);
  }

  @FieldResolver(() => ID)
  schoolId(@Root() report: TermReport): string {
    return toGlobalId('School', report.schoolId);
  }
}

@Resolver(() => TermReportRowType)
export class TermReportRowResolver {
  @FieldResolver(() => ID)
  subjectId(@Root() row: TermReportRow): string {
    return toGlobalId('Subject', row.subjectId);
  }

  @FieldResolver(() => ID)
  studyPeriodId(@Root() row: TermReportRow): string {
    return toGlobalId('StudyPeriod', row.studyPeriodId);
  }
}
