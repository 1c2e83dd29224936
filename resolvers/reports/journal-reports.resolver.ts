import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Lesson } from '../../entities';
import { atRiskReport, reportCardReport, studentAverageReport, weightedAverageReport } from '../../domain/reports/achievement.queries';
import { attendanceSummaryReport } from '../../domain/reports/attendance-summary.queries';
import { schoolJournalAggregatesReport } from '../../domain/reports/coordinator.queries';
import { journalCompletenessReport, markTimelinessReport } from '../../domain/reports/journal-quality.queries';
import { periodMarkSheet, type PeriodMarkSheet } from '../../domain/journal/period-mark-sheet.queries';
import type { RequestContext } from '../context';
import { fromGlobalId } from '../../schema/global-id';
import {
  AtRiskReportType, AttendanceSummaryReportType, JournalCompletenessReportType, MarkAttendanceTakenInput, MarkTimelinessReportType,
  PeriodMarkSheetType, ReportCardType, SchoolJournalAggregateType, StudentAverageReportType, WeightedAverageReportType,
} from '../../schema/journal-reports.types';
import { DateScalar } from '../../schema/scalars';
import { LessonType } from '../../schema/types';

const id = (value: string | null | undefined, type: Parameters<typeof fromGlobalId>[1], field: string) =>
  (value ? fromGlobalId(value, type, field) : null);

/** The journal reports and the period-mark sheet. Reach and rules: domain/reports/, domain/journal/period-mark-sheet.queries.ts. */
@Resolver()
export class JournalReportsResolver {
  @Query(() => JournalCompletenessReportType, {
    description: 'Lessons that took place without a topic, a homework or attendance, per class × subject × teacher. schoolId may be left out by who works in one school.',
  })
  journalCompletenessReport(
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: RequestContext,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string | null,
    @Arg('classGroupId', () => ID, { nullable: true }) classGroupId?: string | null,
  ) {
    return journalCompletenessReport(ctx.scope, {
      from, to, schoolId: id(schoolId, 'School', 'schoolId'), classGroupId: id(classGroupId, 'ClassGroup', 'classGroupId'),
    });
  }

  @Query(() => MarkTimelinessReportType, { description: 'Marks entered after the lesson\'s day, per teacher × subject.' })
  markTimelinessReport(
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: RequestContext,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string | null,
    @Arg('classGroupId', () => ID, { nullable: true }) classGroupId?: string | null,
  ) {
    return markTimelinessReport(ctx.scope, {
      from, to, schoolId: id(schoolId, 'School', 'schoolId'), classGroupId: id(classGroupId, 'ClassGroup', 'classGroupId'),
    });
  }

  @Query(() => StudentAverageReportType, { description: 'A student\'s average and weighted average this year, per study period and per week, and its trend.' })
  studentAverageReport(
    @Arg('studentId', () => ID) studentId: string,
    @Ctx() ctx: RequestContext,
    @Arg('subjectId', () => ID, { nullable: true }) subjectId?: string | null,
  ) {
    return studentAverageReport(ctx.scope, {
      studentId: fromGlobalId(studentId, 'Student', 'studentId'), subjectId: id(subjectId, 'Subject', 'subjectId'),
    });
  }

  @Query(() => WeightedAverageReportType, {
    description: 'Weighted average per student and subject of a class in a study period: Σ(value × weight) / Σ(weight) over the five-point marks, weight = the work type\'s weight.',
  })
  weightedAverageReport(
    @Arg('classGroupId', () => ID) classGroupId: string,
    @Arg('studyPeriodId', () => ID) studyPeriodId: string,
    @Ctx() ctx: RequestContext,
    @Arg('subjectId', () => ID, { nullable: true }) subjectId?: string | null,
  ) {
    return weightedAverageReport(ctx.scope, {
      classGroupId: fromGlobalId(classGroupId, 'ClassGroup', 'classGroupId'),
      studyPeriodId: fromGlobalId(studyPeriodId, 'StudyPeriod', 'studyPeriodId'), subjectId: id(subjectId, 'Subject', 'subjectId'),
    });
  }

  @Query(() => ReportCardType, { description: 'The report card (табель) of a student for a study period: period marks, current averages, absences.' })
  reportCardReport(
    @Arg('studentId', () => ID) studentId: string,
    @Arg('studyPeriodId', () => ID) studyPeriodId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return reportCardReport(ctx.scope, {
      studentId: fromGlobalId(studentId, 'Student', 'studentId'), studyPeriodId: fromGlobalId(studyPeriodId, 'StudyPeriod', 'studyPeriodId'),
    });
  }

  @Query(() => AttendanceSummaryReportType, { description: 'Absences and late arrivals per class, by reason, with the students concerned.' })
  attendanceSummaryReport(
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: RequestContext,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string | null,
    @Arg('classGroupId', () => ID, { nullable: true }) classGroupId?: string | null,
  ) {
    return attendanceSummaryReport(ctx.scope, {
      from, to, schoolId: id(schoolId, 'School', 'schoolId'), classGroupId: id(classGroupId, 'ClassGroup', 'classGroupId'),
    });
  }

  @Query(() => AtRiskReportType, { description: 'Students short of marks for attestation in a study period (rule 7: 3 marks for a 1-hour subject, 5 for 2 hours or more).' })
  atRiskReport(
    @Arg('studyPeriodId', () => ID) studyPeriodId: string,
    @Ctx() ctx: RequestContext,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string | null,
    @Arg('classGroupId', () => ID, { nullable: true }) classGroupId?: string | null,
  ) {
    return atRiskReport(ctx.scope, {
      studyPeriodId: fromGlobalId(studyPeriodId, 'StudyPeriod', 'studyPeriodId'),
      schoolId: id(schoolId, 'School', 'schoolId'), classGroupId: id(classGroupId, 'ClassGroup', 'classGroupId'),
    });
  }

  @Query(() => [SchoolJournalAggregateType], {
    description: 'The journal reports as per-school figures with no names: the coordinators\' schools, or the administration\'s own.',
  })
  schoolJournalAggregatesReport(
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() ctx: RequestContext,
  ) {
    return schoolJournalAggregatesReport(ctx.scope, { from, to });
  }

  @Query(() => PeriodMarkSheetType, { description: 'A class\'s period, year, exam and final marks, for the subjects the viewer may read.' })
  periodMarkSheet(
    @Arg('classGroupId', () => ID) classGroupId: string,
    @Ctx() ctx: RequestContext,
    @Arg('studyPeriodId', () => ID, { nullable: true }) studyPeriodId?: string | null,
  ): Promise<PeriodMarkSheet> {
    return periodMarkSheet(ctx.scope, {
      classGroupId: fromGlobalId(classGroupId, 'ClassGroup', 'classGroupId'), studyPeriodId: id(studyPeriodId, 'StudyPeriod', 'studyPeriodId'),
    });
  }

  @Mutation(() => LessonType, { description: 'Marks the lesson\'s register called (everybody present counts), for the journal-completeness report.' })
  markAttendanceTaken(@Arg('input') input: MarkAttendanceTakenInput, @Ctx() ctx: RequestContext): Promise<Lesson> {
    return ctx.journal().markAttendanceTaken(fromGlobalId(input.lessonId, 'Lesson', 'lessonId'));
  }
}
