import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { PeriodMarkKind } from '../../entities';
import { ConstructorDimension, ConstructorMeasure, ResultsGrouping } from '../../lib/report-enums';
import { periodResults } from '../../domain/reports/period-results.queries';
import {
  classPeriodResultsReport, classTeacherPeriodReport, classTeachersSummaryReport, knowledgeQualityReport, preliminaryClassReport,
  schoolPerformanceReport, studentProgressReport, subjectTeacherReport,
} from '../../domain/reports/regulation-reports.queries';
import { classMarkSheetReport, yearReportCard } from '../../domain/reports/year-card.queries';
import { yearTransitionReport } from '../../domain/reports/year-transition.queries';
import { reportConstructor } from '../../domain/reports/report-constructor.queries';
import type { RequestContext } from '../context';
import { fromGlobalId } from '../../schema/global-id';
import {
  ClassMarkSheetType, ClassTeacherPeriodReportType, ClassTeachersSummaryType, ConstructorReportType, PeriodResultsType, PreliminaryReportType,
  RESULTS_FORMULA, StudentProgressReportType, SubjectTeacherReportType, YearCardSetType, YearTransitionRowType,
} from '../../schema/period-results.types';
import { DateScalar } from '../../schema/scalars';

const id = (value: string | null | undefined, type: Parameters<typeof fromGlobalId>[1], field: string) =>
  (value ? fromGlobalId(value, type, field) : null);

const KIND = 'PERIOD (needs studyPeriodId), YEAR, EXAM or FINAL marks; academicYearId left out: the current year.';

/** Period results and the regulation's §11 reports. Reach and rules: domain/reports/period-results.queries.ts. */
@Resolver()
export class PeriodResultsResolver {
  @Query(() => PeriodResultsType, {
    description: `Period results from the period marks, grouped as asked (school, parallel, class, subject, class × subject, teacher). ${RESULTS_FORMULA} ${KIND} `
      + 'The academic administration the whole school; a teacher their own subjects and a class teacher their class; coordinators per school, no TEACHER grouping.',
  })
  periodResults(
    @Arg('groupBy', () => ResultsGrouping) groupBy: ResultsGrouping,
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => PeriodMarkKind, { defaultValue: PeriodMarkKind.PERIOD }) kind: PeriodMarkKind,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string | null,
    @Arg('studyPeriodId', () => ID, { nullable: true }) studyPeriodId?: string | null,
    @Arg('academicYearId', () => ID, { nullable: true }) academicYearId?: string | null,
    @Arg('classGroupId', () => ID, { nullable: true }) classGroupId?: string | null,
    @Arg('subjectId', () => ID, { nullable: true }) subjectId?: string | null,
  ) {
    return periodResults(ctx.scope, {
      groupBy, kind, schoolId: id(schoolId, 'School', 'schoolId'), studyPeriodId: id(studyPeriodId, 'StudyPeriod', 'studyPeriodId'),
      academicYearId: id(academicYearId, 'AcademicYear', 'academicYearId'), classGroupId: id(classGroupId, 'ClassGroup', 'classGroupId'),
      subjectId: id(subjectId, 'Subject', 'subjectId'),
    });
  }

  @Query(() => ClassTeachersSummaryType, {
    description: `«Сводный отчёт классного руководителя» (по школе, 004 §11.3): per class, the results from the period marks and the absences. ${RESULTS_FORMULA} ${KIND}`,
  })
  classTeachersSummaryReport(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => PeriodMarkKind, { defaultValue: PeriodMarkKind.PERIOD }) kind: PeriodMarkKind,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string | null,
    @Arg('studyPeriodId', () => ID, { nullable: true }) studyPeriodId?: string | null,
    @Arg('academicYearId', () => ID, { nullable: true }) academicYearId?: string | null,
  ) {
    return classTeachersSummaryReport(ctx.scope, {
      kind, schoolId: id(schoolId, 'School', 'schoolId'), studyPeriodId: id(studyPeriodId, 'StudyPeriod', 'studyPeriodId'),
      academicYearId: id(academicYearId, 'AcademicYear', 'academicYearId'),
    });
  }

  @Query(() => PeriodResultsType, {
    description: `«Сводный отчёт об успеваемости по школе» (004 §11.3): the results per parallel and the school's total. ${RESULTS_FORMULA} ${KIND}`,
  })
  schoolPerformanceReport(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => PeriodMarkKind, { defaultValue: PeriodMarkKind.PERIOD }) kind: PeriodMarkKind,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string | null,
    @Arg('studyPeriodId', () => ID, { nullable: true }) studyPeriodId?: string | null,
    @Arg('academicYearId', () => ID, { nullable: true }) academicYearId?: string | null,
  ) {
    return schoolPerformanceReport(ctx.scope, {
      kind, schoolId: id(schoolId, 'School', 'schoolId'), studyPeriodId: id(studyPeriodId, 'StudyPeriod', 'studyPeriodId'),
      academicYearId: id(academicYearId, 'AcademicYear', 'academicYearId'),
    });
  }

  @Query(() => PeriodResultsType, {
    description: `«Итоги успеваемости и качества знаний» (004 §11.5): quality and success per class × subject, of one class or the school. ${RESULTS_FORMULA} ${KIND}`,
  })
  knowledgeQualityReport(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => PeriodMarkKind, { defaultValue: PeriodMarkKind.PERIOD }) kind: PeriodMarkKind,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string | null,
    @Arg('classGroupId', () => ID, { nullable: true }) classGroupId?: string | null,
    @Arg('studyPeriodId', () => ID, { nullable: true }) studyPeriodId?: string | null,
    @Arg('academicYearId', () => ID, { nullable: true }) academicYearId?: string | null,
  ) {
    return knowledgeQualityReport(ctx.scope, {
      kind, schoolId: id(schoolId, 'School', 'schoolId'), classGroupId: id(classGroupId, 'ClassGroup', 'classGroupId'),
      studyPeriodId: id(studyPeriodId, 'StudyPeriod', 'studyPeriodId'), academicYearId: id(academicYearId, 'AcademicYear', 'academicYearId'),
    });
  }

  @Query(() => PeriodResultsType, {
    description: `«Итоги успеваемости класса за учебный период» (004 §11.4–11.5): per subject, and each pupil's category with their marks. ${RESULTS_FORMULA} ${KIND} `
      + 'Its class teacher and the academic administration.',
  })
  classPeriodResultsReport(
    @Arg('classGroupId', () => ID) classGroupId: string,
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => PeriodMarkKind, { defaultValue: PeriodMarkKind.PERIOD }) kind: PeriodMarkKind,
    @Arg('studyPeriodId', () => ID, { nullable: true }) studyPeriodId?: string | null,
  ) {
    return classPeriodResultsReport(ctx.scope, {
      kind, classGroupId: fromGlobalId(classGroupId, 'ClassGroup', 'classGroupId'), studyPeriodId: id(studyPeriodId, 'StudyPeriod', 'studyPeriodId'),
      academicYearId: null,
    });
  }

  @Query(() => ClassTeacherPeriodReportType, {
    description: `«Отчёт классного руководителя за учебный период» (004 §11.4): the class's results per subject and pupil, and its absences. ${RESULTS_FORMULA} ${KIND}`,
  })
  classTeacherPeriodReport(
    @Arg('classGroupId', () => ID) classGroupId: string,
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => PeriodMarkKind, { defaultValue: PeriodMarkKind.PERIOD }) kind: PeriodMarkKind,
    @Arg('studyPeriodId', () => ID, { nullable: true }) studyPeriodId?: string | null,
  ) {
    return classTeacherPeriodReport(ctx.scope, {
      kind, classGroupId: fromGlobalId(classGroupId, 'ClassGroup', 'classGroupId'), studyPeriodId: id(studyPeriodId, 'StudyPeriod', 'studyPeriodId'),
      academicYearId: null,
    });
  }

  @Query(() => PreliminaryReportType, {
    description: '«Предварительный отчёт классного руководителя за учебный период» (004 §11.4): per pupil and subject the weighted average of the period\'s '
      + 'marks so far and the period mark it heads for (rounded half up), and the class\'s categories by them.',
  })
  preliminaryClassReport(
    @Arg('classGroupId', () => ID) classGroupId: string,
    @Arg('studyPeriodId', () => ID) studyPeriodId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return preliminaryClassReport(ctx.scope, {
      classGroupId: fromGlobalId(classGroupId, 'ClassGroup', 'classGroupId'), studyPeriodId: fromGlobalId(studyPeriodId, 'StudyPeriod', 'studyPeriodId'),
    });
  }

  @Query(() => SubjectTeacherReportType, {
    description: `«Отчёт учителя-предметника» (004 §11.4): a teacher's results per class × subject and the program coverage (lessons held against the thematic plan's hours). `
      + `teacherId left out: the viewer's own; another teacher's: the academic administration. ${KIND}`,
  })
  subjectTeacherReport(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => PeriodMarkKind, { defaultValue: PeriodMarkKind.PERIOD }) kind: PeriodMarkKind,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string | null,
    @Arg('teacherId', () => ID, { nullable: true }) teacherId?: string | null,
    @Arg('studyPeriodId', () => ID, { nullable: true }) studyPeriodId?: string | null,
    @Arg('academicYearId', () => ID, { nullable: true }) academicYearId?: string | null,
  ) {
    return subjectTeacherReport(ctx.scope, {
      kind, schoolId: id(schoolId, 'School', 'schoolId'), teacherId: id(teacherId, 'Employee', 'teacherId'),
      studyPeriodId: id(studyPeriodId, 'StudyPeriod', 'studyPeriodId'), academicYearId: id(academicYearId, 'AcademicYear', 'academicYearId'),
    });
  }

  @Query(() => StudentProgressReportType, {
    description: '«Отчёт об успеваемости и посещаемости ученика» (004 §11.5): the report card of the period with every current mark. Like reportCardReport: '
      + 'the pupil, their parents, the staff who reach the pupil (a subject teacher their subjects).',
  })
  studentProgressReport(
    @Arg('studentId', () => ID) studentId: string,
    @Arg('studyPeriodId', () => ID) studyPeriodId: string,
    @Ctx() ctx: RequestContext,
  ) {
    return studentProgressReport(ctx.scope, {
      studentId: fromGlobalId(studentId, 'Student', 'studentId'), studyPeriodId: fromGlobalId(studyPeriodId, 'StudyPeriod', 'studyPeriodId'),
    });
  }

  @Query(() => YearCardSetType, {
    description: '«Табель успеваемости учащегося» for a whole year (004 §11.5): each study period\'s mark, the year, exam and final marks, per subject. '
      + 'The pupil, their parents, the staff who reach the pupil (a subject teacher their subjects). academicYearId left out: the current year.',
  })
  yearReportCard(
    @Arg('studentId', () => ID) studentId: string,
    @Ctx() ctx: RequestContext,
    @Arg('academicYearId', () => ID, { nullable: true }) academicYearId?: string | null,
  ) {
    return yearReportCard(ctx.scope, {
      studentId: fromGlobalId(studentId, 'Student', 'studentId'), academicYearId: id(academicYearId, 'AcademicYear', 'academicYearId'),
    });
  }

  @Query(() => ClassMarkSheetType, {
    description: '«Сводная ведомость учёта успеваемости» (004 §11.4): the year cards of every pupil of the class. Its class teacher and the academic administration.',
  })
  classMarkSheetReport(@Arg('classGroupId', () => ID) classGroupId: string, @Ctx() ctx: RequestContext) {
    return classMarkSheetReport(ctx.scope, { classGroupId: fromGlobalId(classGroupId, 'ClassGroup', 'classGroupId') });
  }

  @Query(() => [YearTransitionRowType], {
    description: '«Состояние перехода на следующий учебный год» (004 §4.2): per school, how far the next year is formed. schoolId left out: every school '
      + 'of the viewer (the administration\'s own, the coordinator\'s under them).',
  })
  yearTransitionReport(@Ctx() ctx: RequestContext, @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string | null) {
    return yearTransitionReport(ctx.scope, { schoolId: id(schoolId, 'School', 'schoolId') });
  }

  @Query(() => ConstructorReportType, {
    description: '«Конструктор отчетов» (004 §11.6): the school\'s journal in a span (at most 366 days) grouped by 1–3 dimensions with the chosen measures; '
      + 'at most `first` (1–100) rows. ADMIN, DEPUTY_ACADEMIC, SECRETARY and HR of the school.',
  })
  reportConstructor(
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('dimensions', () => [ConstructorDimension]) dimensions: ConstructorDimension[],
    @Arg('measures', () => [ConstructorMeasure]) measures: ConstructorMeasure[],
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string | null,
  ) {
    return reportConstructor(ctx.scope, { schoolId: id(schoolId, 'School', 'schoolId'), from, to, dimensions, measures, first });
  }
}
