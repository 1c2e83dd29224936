import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConstructorDimension, ConstructorMeasure, PupilCategory, ResultsGrouping } from '../lib/report-enums';
import { PeriodMarkKind } from './enums';
import { DateScalar } from './scalars';
import { ReportCardType } from './journal-reports.types';

// Period results from the period marks and the regulation's §11 reports (004 §11.3–11.6):
// typed rows, never HTML. The rules of the categories: domain/reports/period-results.queries.ts.

registerEnumType(ResultsGrouping, { name: 'ResultsGrouping', description: 'How period results are grouped: the school, each parallel (grade), class, subject, class × subject, or teacher.' });
registerEnumType(PupilCategory, {
  name: 'PupilCategory',
  description: 'A pupil\'s category by their marks of the group, exclusive: EXCELLENT (отличники: all 5), GOOD (хорошисты: only 4 and 5, at least one 4), '
    + 'SATISFACTORY (at least one 3, no 2 and no «н/а»), FAILING (неуспевающие: any 1 or 2, «незач» or «н/а»), NOT_ATTESTED (не аттестованы: no mark at all yet).',
});
registerEnumType(ConstructorDimension, { name: 'ConstructorDimension', description: 'A dimension of the report constructor (004 §11.6). WEEK: the Monday of the lesson\'s week.' });
registerEnumType(ConstructorMeasure, {
  name: 'ConstructorMeasure',
  description: 'A measure of the report constructor: COUNT of current marks, AVERAGE and WEIGHTED_AVERAGE of the five-point marks, '
    + 'QUALITY and SUCCESS (shares of the five-point marks that are 4–5 and 3–5), ABSENCES by kind and reason.',
});

export const RESULTS_FORMULA = 'attested = pupils − notAttested; quality % = (excellent + good) / attested × 100; '
  + 'success % = (attested − failing) / attested × 100 (rounded to 0.1; null with nobody attested).';

@ObjectType('ResultCounts', { description: `Pupils by category. ${RESULTS_FORMULA}` })
export class ResultCountsType {
  @Field(() => Int) pupils!: number;
  @Field(() => Int, { description: 'Pupils with at least one mark in the group.' }) attested!: number;
  @Field(() => Int, { description: 'Отличники: every mark 5.' }) excellent!: number;
  @Field(() => Int, { description: 'Хорошисты: only 4 and 5, at least one 4 (those with one 4 included).' }) good!: number;
  @Field(() => Int, { description: 'С одной «4»: of the хорошисты, those with exactly one 4.' }) oneFour!: number;
  @Field(() => Int, { description: 'At least one 3, no 2 and no «н/а» (those with one 3 included).' }) satisfactory!: number;
  @Field(() => Int, { description: 'С одной «3»: of the satisfactory, those with exactly one 3.' }) oneThree!: number;
  @Field(() => Int, { description: 'Неуспевающие: any 1 or 2, «незач» or «н/а».' }) failing!: number;
  @Field(() => Int, { description: 'Of the failing, those with at least one «н/а».' }) notAttestedMark!: number;
  @Field(() => Int, { description: 'Не аттестованы: no period mark at all in the group yet.' }) notAttested!: number;
  @Field(() => Int, { description: 'Pupil × subject cells with no mark yet.' }) missingMarks!: number;
  @Field(() => Float, { nullable: true, description: 'Качество: (excellent + good) / attested × 100.' }) qualityPercent!: number | null;
  @Field(() => Float, { nullable: true, description: 'Успеваемость: (attested − failing) / attested × 100.' }) successPercent!: number | null;
}

@ObjectType('ResultGroup', { description: 'One group of period results; the key fields of the grouping are set, the others null.' })
export class ResultGroupType extends ResultCountsType {
  @Field(() => Int, { nullable: true }) grade!: number | null;
  @Field(() => ID, { nullable: true }) classGroupId!: string | null;
  @Field(() => String, { nullable: true }) classGroupName!: string | null;
  @Field(() => String, { nullable: true, description: 'CLASS grouping: the class teacher (null for coordinators: no names).' }) classTeacherName!: string | null;
  @Field(() => ID, { nullable: true }) subjectId!: string | null;
  @Field(() => String, { nullable: true }) subjectName!: string | null;
  @Field(() => ID, { nullable: true }) teacherId!: string | null;
  @Field(() => String, { nullable: true }) teacherName!: string | null;
}

@ObjectType('PupilSubjectMark')
export class PupilSubjectMarkType {
  @Field(() => ID) subjectId!: string;
  @Field() subjectName!: string;
  @Field(() => String, { nullable: true, description: 'null: not entered yet.' }) value!: string | null;
}

@ObjectType('PupilResult', { description: 'A pupil\'s category over all their subjects of the report, with the marks.' })
export class PupilResultType {
  @Field(() => ID) studentId!: string;
  @Field() studentName!: string;
  @Field(() => ID) classGroupId!: string;
  @Field() classGroupName!: string;
  @Field(() => PupilCategory) category!: PupilCategory;
  @Field(() => [PupilSubjectMarkType]) marks!: PupilSubjectMarkType[];
}

@ObjectType('PeriodResults', { description: `Period results from the period marks (004 §11.3–11.5). ${RESULTS_FORMULA}` })
export class PeriodResultsType {
  @Field(() => ID) schoolId!: string;
  @Field() schoolName!: string;
  @Field(() => ID) academicYearId!: string;
  @Field() academicYearName!: string;
  @Field(() => ID, { nullable: true }) studyPeriodId!: string | null;
  @Field(() => String, { nullable: true }) studyPeriodName!: string | null;
  @Field(() => PeriodMarkKind) kind!: PeriodMarkKind;
  @Field(() => ResultsGrouping) groupBy!: ResultsGrouping;
  @Field(() => DateScalar, { description: 'The day the class lists are taken on: the period\'s last day, or today while it runs.' }) onDay!: string;
  @Field() qualityFormula!: string;
  @Field() successFormula!: string;
  @Field(() => ResultCountsType, { description: 'Every pupil of the rows once, over all their subjects in them.' }) total!: ResultCountsType;
  @Field(() => [ResultGroupType]) groups!: ResultGroupType[];
  @Field(() => [PupilResultType], { description: 'Per pupil: class reports only (empty otherwise).' }) pupils!: PupilResultType[];
}

@ObjectType('AbsenceCounts', { description: 'Absences and late arrivals at lessons of the period (cleared ones left out), by reason.' })
export class AbsenceCountsType {
  @Field(() => Int) absentLessons!: number;
  @Field(() => Int) lateLessons!: number;
  @Field(() => Int) illness!: number;
  @Field(() => Int) excused!: number;
  @Field(() => Int) unexcused!: number;
  @Field(() => Int) unknown!: number;
}

@ObjectType('ClassAbsences')
export class ClassAbsencesType extends AbsenceCountsType {
  @Field(() => ID) classGroupId!: string;
}

@ObjectType('PupilAbsences')
export class PupilAbsencesType extends AbsenceCountsType {
  @Field(() => ID) studentId!: string;
}

@ObjectType('ClassTeachersSummary', { description: '«Сводный отчёт классного руководителя» (по школе, 004 §11.3): each class\'s results and absences.' })
export class ClassTeachersSummaryType {
  @Field(() => PeriodResultsType) results!: PeriodResultsType;
  @Field(() => [ClassAbsencesType]) absences!: ClassAbsencesType[];
}

@ObjectType('ClassTeacherPeriodReport', { description: '«Отчёт классного руководителя за учебный период» (004 §11.4).' })
export class ClassTeacherPeriodReportType {
  @Field(() => PeriodResultsType) results!: PeriodResultsType;
  @Field(() => AbsenceCountsType) absences!: AbsenceCountsType;
  @Field(() => [PupilAbsencesType]) pupilAbsences!: PupilAbsencesType[];
}

@ObjectType('HeadingForMark')
export class HeadingForMarkType {
  @Field(() => ID) subjectId!: string;
  @Field() subjectName!: string;
  @Field(() => Int) marks!: number;
  @Field(() => Float, { nullable: true }) weightedAverage!: number | null;
  @Field(() => String, { nullable: true, description: 'The period mark the pupil is heading for: the weighted average rounded half up (4.5 → 5).' })
  headingFor!: string | null;
}

@ObjectType('PreliminaryPupil')
export class PreliminaryPupilType {
  @Field(() => ID) studentId!: string;
  @Field() studentName!: string;
  @Field(() => PupilCategory, { description: 'By the marks heading for.' }) category!: PupilCategory;
  @Field(() => [HeadingForMarkType]) subjects!: HeadingForMarkType[];
}

@ObjectType('PreliminaryReport', { description: '«Предварительный отчёт классного руководителя за учебный период» (004 §11.4).' })
export class PreliminaryReportType {
  @Field(() => ID) classGroupId!: string;
  @Field() classGroupName!: string;
  @Field(() => ID) studyPeriodId!: string;
  @Field() studyPeriodName!: string;
  @Field(() => DateScalar) onDay!: string;
  @Field() formula!: string;
  @Field(() => [PreliminaryPupilType]) pupils!: PreliminaryPupilType[];
  @Field(() => Int) excellent!: number;
  @Field(() => Int) good!: number;
  @Field(() => Int) satisfactory!: number;
  @Field(() => Int) failing!: number;
  @Field(() => Int) notAttested!: number;
}

@ObjectType('CoverageRow', { description: 'Program coverage of one class × subject: lessons held against the thematic plan\'s hours.' })
export class CoverageRowType {
  @Field(() => ID) classGroupId!: string;
  @Field() classGroupName!: string;
  @Field(() => ID) subjectId!: string;
  @Field() subjectName!: string;
  @Field(() => Int, { description: 'Hours of the thematic plan\'s topics planned inside the period.' }) plannedHours!: number;
  @Field(() => Int, { description: 'Of those, planned up to the report\'s day.' }) plannedHoursToDate!: number;
  @Field(() => Int, { description: 'Lessons held in the period up to the report\'s day.' }) lessonsHeld!: number;
  @Field(() => Float, { nullable: true, description: 'lessonsHeld / plannedHoursToDate × 100; null without a plan.' }) coveragePercent!: number | null;
}

@ObjectType('SubjectTeacherReport', { description: '«Отчёт учителя-предметника» (004 §11.4): results per class × subject and the program coverage.' })
export class SubjectTeacherReportType {
  @Field(() => ID) teacherId!: string;
  @Field() teacherName!: string;
  @Field(() => PeriodResultsType) results!: PeriodResultsType;
  @Field(() => [CoverageRowType]) coverage!: CoverageRowType[];
}

@ObjectType('ProgressMark')
export class ProgressMarkType {
  @Field(() => ID) subjectId!: string;
  @Field(() => DateScalar) date!: string;
  @Field() value!: string;
  @Field() workTypeName!: string;
  @Field(() => Float) weight!: number;
}

@ObjectType('StudentProgressReport', { description: '«Отчёт об успеваемости и посещаемости ученика» (004 §11.5).' })
export class StudentProgressReportType {
  @Field(() => ReportCardType) card!: ReportCardType;
  @Field(() => [ProgressMarkType]) marks!: ProgressMarkType[];
}

@ObjectType('YearCardPeriod')
export class YearCardPeriodType {
  @Field(() => ID) studyPeriodId!: string;
  @Field() name!: string;
  @Field(() => Int) ordinal!: number;
}

@ObjectType('YearCardPeriodMark')
export class YearCardPeriodMarkType {
  @Field(() => ID) studyPeriodId!: string;
  @Field(() => String, { nullable: true }) value!: string | null;
}

@ObjectType('YearCardSubject')
export class YearCardSubjectType {
  @Field(() => ID) subjectId!: string;
  @Field() subjectName!: string;
  @Field(() => [YearCardPeriodMarkType], { description: 'One per study period of the pupil\'s parallel, in order.' }) periods!: YearCardPeriodMarkType[];
  @Field(() => String, { nullable: true }) yearMark!: string | null;
  @Field(() => String, { nullable: true }) examMark!: string | null;
  @Field(() => String, { nullable: true }) finalMark!: string | null;
}

@ObjectType('YearCard')
export class YearCardType {
  @Field(() => ID) studentId!: string;
  @Field() studentName!: string;
  @Field(() => String, { nullable: true }) classGroupName!: string | null;
  @Field(() => [YearCardSubjectType]) subjects!: YearCardSubjectType[];
}

@ObjectType('YearCardSet', { description: 'Report cards (табель) for a whole year: every period\'s mark, the year, exam and final marks.' })
export class YearCardSetType {
  @Field(() => ID) academicYearId!: string;
  @Field() academicYearName!: string;
  @Field(() => [YearCardPeriodType]) periods!: YearCardPeriodType[];
  @Field(() => [YearCardType]) cards!: YearCardType[];
}

@ObjectType('ClassMarkSheet', { description: '«Сводная ведомость учёта успеваемости» (004 §11.4): the year cards of every pupil of the class.' })
export class ClassMarkSheetType extends YearCardSetType {
  @Field() classGroupName!: string;
}

@ObjectType('YearTransitionRow', { description: '«Состояние перехода на следующий учебный год» (004 §4.2) of one school: counts, no names.' })
export class YearTransitionRowType {
  @Field(() => ID) schoolId!: string;
  @Field() schoolName!: string;
  @Field(() => String, { nullable: true }) currentYearName!: string | null;
  @Field(() => String, { nullable: true }) currentYearState!: string | null;
  @Field(() => String, { nullable: true }) nextYearName!: string | null;
  @Field(() => String, { nullable: true }) nextYearState!: string | null;
  @Field(() => Int) nextYearStudyPeriods!: number;
  @Field(() => Int) nextYearClasses!: number;
  @Field(() => Int, { description: 'Next year\'s classes continuing one of this year\'s.' }) nextYearClassesContinued!: number;
  @Field(() => Int) nextYearClassesWithoutClassTeacher!: number;
  @Field(() => Int) nextYearCurriculumItems!: number;
  @Field(() => Int) nextYearTeachingAssignments!: number;
  @Field(() => Int, { description: 'Pupils in this year\'s classes on its last day (today while it runs).' }) pupils!: number;
  @Field(() => Int) promoted!: number;
  @Field(() => Int) promotedConditionally!: number;
  @Field(() => Int) repeating!: number;
  @Field(() => Int) graduated!: number;
  @Field(() => Int) withdrawn!: number;
  @Field(() => Int, { description: 'Pupils with no movement order out of this year\'s class yet.' }) undecided!: number;
  @Field({ description: 'The next year is ACTIVE or CLOSED: the school has moved.' }) completed!: boolean;
}

@ObjectType('ConstructorKey')
export class ConstructorKeyType {
  @Field(() => ConstructorDimension) dimension!: ConstructorDimension;
  @Field(() => ID, { nullable: true, description: 'A global id (class, subject, teacher, period, work type), the grade, or the week\'s Monday.' }) id!: string | null;
  @Field(() => String, { nullable: true }) label!: string | null;
}

@ObjectType('ConstructorAbsences')
export class ConstructorAbsencesType {
  @Field(() => Int) absent!: number;
  @Field(() => Int) late!: number;
  @Field(() => Int) illness!: number;
  @Field(() => Int) excused!: number;
  @Field(() => Int) unexcused!: number;
  @Field(() => Int) unknown!: number;
}

@ObjectType('ConstructorRow', { description: 'One group: its keys, in the order of the dimensions, and the measures asked for (the others null).' })
export class ConstructorRowType {
  @Field(() => [ConstructorKeyType]) keys!: ConstructorKeyType[];
  @Field(() => Int, { nullable: true }) count!: number | null;
  @Field(() => Float, { nullable: true }) average!: number | null;
  @Field(() => Float, { nullable: true, description: 'Σ(value × weight) / Σ(weight) over the five-point marks.' }) weightedAverage!: number | null;
  @Field(() => Float, { nullable: true }) qualityPercent!: number | null;
  @Field(() => Float, { nullable: true }) successPercent!: number | null;
  @Field(() => ConstructorAbsencesType, { nullable: true }) absences!: ConstructorAbsencesType | null;
}

@ObjectType('ConstructorReport', { description: 'The report constructor\'s answer («Конструктор отчетов», 004 §11.6).' })
export class ConstructorReportType {
  @Field(() => ID) schoolId!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => [ConstructorDimension]) dimensions!: ConstructorDimension[];
  @Field(() => [ConstructorMeasure]) measures!: ConstructorMeasure[];
  @Field(() => [ConstructorRowType]) rows!: ConstructorRowType[];
  @Field(() => Int, { description: 'Groups in all; more than `first` means `truncated`.' }) groupCount!: number;
  @Field() truncated!: boolean;
}
