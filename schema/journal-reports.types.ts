import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AbsenceReason, AttendanceKind, PeriodMarkKind } from './enums';
import { DateScalar } from './scalars';

// The journal reports (004 §11) and the period-mark sheet: typed rows, never HTML or JSON
// blobs. Who reads what: domain/reports/report-span.ts. The aggregate type for coordinators
// has no field that could carry a name.

@ObjectType('IncompleteLesson', { description: 'A lesson that took place but lacks a topic, a homework or attendance.' })
export class IncompleteLessonType {
  @Field(() => ID) lessonId!: string;
  @Field(() => DateScalar) date!: string;
  @Field(() => Int) number!: number;
  @Field() missingTopic!: boolean;
  @Field() missingHomework!: boolean;
  @Field({ description: 'Neither the register marked called (markAttendanceTaken) nor any absence or late arrival recorded.' })
  missingAttendance!: boolean;
}

@ObjectType('JournalCompletenessRow', { description: 'One class × subject × teacher (the one standing in, when someone did).' })
export class JournalCompletenessRowType {
  @Field(() => ID) classGroupId!: string;
  @Field() classGroupName!: string;
  @Field(() => ID) subjectId!: string;
  @Field() subjectName!: string;
  @Field(() => ID) teacherId!: string;
  @Field() teacherName!: string;
  @Field(() => Int, { description: 'Lessons that took place: not cancelled, held or dated before today.' }) lessons!: number;
  @Field(() => Int) missingTopic!: number;
  @Field(() => Int) missingHomework!: number;
  @Field(() => Int) missingAttendance!: number;
  @Field(() => Int, { description: 'Lessons with a topic, a homework and attendance.' }) complete!: number;
  @Field(() => [IncompleteLessonType]) incompleteLessons!: IncompleteLessonType[];
}

@ObjectType('JournalCompletenessReport')
export class JournalCompletenessReportType {
  @Field(() => ID) schoolId!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => [JournalCompletenessRowType]) rows!: JournalCompletenessRowType[];
}

@ObjectType('MarkTimelinessRow', { description: 'Marks of one teacher × subject; late = created after the lesson\'s day.' })
export class MarkTimelinessRowType {
  @Field(() => ID) teacherId!: string;
  @Field() teacherName!: string;
  @Field(() => ID) subjectId!: string;
  @Field() subjectName!: string;
  @Field(() => Int) marks!: number;
  @Field(() => Int) lateMarks!: number;
  @Field(() => Float, { nullable: true, description: 'lateMarks / marks, 0–1; null without marks.' }) lateShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean days between the lesson and the entry, of the late marks.' })
  averageDelayDays!: number | null;
  @Field(() => Int, { description: 'Marks entered after the entry window under a deputy head\'s late-entry permit: counted apart, not in lateMarks.' })
  underPermit!: number;
}

@ObjectType('MarkTimelinessReport')
export class MarkTimelinessReportType {
  @Field(() => ID) schoolId!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => Int) marks!: number;
  @Field(() => Int) lateMarks!: number;
  @Field(() => Float, { nullable: true }) lateShare!: number | null;
  @Field(() => Int, { description: 'Marks entered under a late-entry permit (not in lateMarks).' }) underPermit!: number;
  @Field(() => [MarkTimelinessRowType]) rows!: MarkTimelinessRowType[];
}

@ObjectType('AveragePoint', { description: 'Averages over one study period or one week (Monday to Sunday).' })
export class AveragePointType {
  @Field({ description: 'The study period\'s name, or the week\'s Monday.' }) label!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
  @Field(() => Int, { description: 'Five-point marks counted.' }) marks!: number;
  @Field(() => Float, { nullable: true }) average!: number | null;
  @Field(() => Float, { nullable: true, description: 'Σ(value × weight) / Σ(weight) over the five-point marks.' }) weightedAverage!: number | null;
}

@ObjectType('StudentAverageReport', { description: 'A student\'s average over the current year, per study period and per week.' })
export class StudentAverageReportType {
  @Field(() => ID) studentId!: string;
  @Field() studentName!: string;
  @Field(() => ID, { nullable: true, description: 'Set when the report is about one subject.' }) subjectId!: string | null;
  @Field(() => Int) marks!: number;
  @Field(() => Float, { nullable: true }) average!: number | null;
  @Field(() => Float, { nullable: true }) weightedAverage!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Weighted average of the last four weeks with marks minus that of the four weeks with marks before them; null without both.',
  })
  trend!: number | null;
  @Field(() => [AveragePointType]) periods!: AveragePointType[];
  @Field(() => [AveragePointType], { description: 'Weeks with marks, oldest first.' }) weeks!: AveragePointType[];
}

@ObjectType('WeightedAverageRow')
export class WeightedAverageRowType {
  @Field(() => ID) studentId!: string;
  @Field() studentName!: string;
  @Field(() => ID) subjectId!: string;
  @Field() subjectName!: string;
  @Field(() => Int, { description: 'Five-point marks counted.' }) marks!: number;
  @Field(() => Float, { nullable: true, description: 'Σ(value) / count.' }) average!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Σ(value × weight) / Σ(weight) over the student\'s five-point marks ("1"–"5") in the subject and period, each weighted by its work type\'s weight (WorkType.weight); pass/fail marks take no part. Rounded to 2 places.',
  })
  weightedAverage!: number | null;
}

@ObjectType('WeightedAverageReport', {
  description: 'Weighted average per student and subject of a class in a study period: Σ(value × weight) / Σ(weight) over the five-point marks, weight = the work type\'s weight.',
})
export class WeightedAverageReportType {
  @Field(() => ID) classGroupId!: string;
  @Field() classGroupName!: string;
  @Field(() => ID) studyPeriodId!: string;
  @Field() studyPeriodName!: string;
  @Field({ description: 'The formula, in words.' }) formula!: string;
  @Field(() => [WeightedAverageRowType]) rows!: WeightedAverageRowType[];
}

@ObjectType('ReportCardSubject')
export class ReportCardSubjectType {
  @Field(() => ID) subjectId!: string;
  @Field() subjectName!: string;
  @Field(() => String, { nullable: true, description: 'The period mark ("1"–"5", "зач"/"незач", "н/а"), once set.' }) periodMark!: string | null;
  @Field(() => String, { nullable: true }) yearMark!: string | null;
  @Field(() => Int, { description: 'Current marks of any scale in the period.' }) marks!: number;
  @Field(() => Float, { nullable: true }) average!: number | null;
  @Field(() => Float, { nullable: true, description: 'Σ(value × weight) / Σ(weight) over the five-point marks.' }) weightedAverage!: number | null;
}

@ObjectType('ReportCardAbsences', { description: 'Absences and late arrivals in the period, counted per lesson.' })
export class ReportCardAbsencesType {
  @Field(() => Int) absentLessons!: number;
  @Field(() => Int) lateLessons!: number;
  @Field(() => Int) illness!: number;
  @Field(() => Int) excused!: number;
  @Field(() => Int) unexcused!: number;
  @Field(() => Int) unknown!: number;
}

@ObjectType('ReportCard', { description: 'The report card (табель) of a student for a study period.' })
export class ReportCardType {
  @Field(() => ID) studentId!: string;
  @Field() studentName!: string;
  @Field(() => String, { nullable: true }) classGroupName!: string | null;
  @Field(() => ID) studyPeriodId!: string;
  @Field() studyPeriodName!: string;
  @Field(() => [ReportCardSubjectType]) subjects!: ReportCardSubjectType[];
  @Field(() => ReportCardAbsencesType) absences!: ReportCardAbsencesType;
}

@ObjectType('ReasonCount')
export class ReasonCountType {
  @Field(() => AttendanceKind) kind!: AttendanceKind;
  @Field(() => AbsenceReason) reason!: AbsenceReason;
  @Field(() => Int) count!: number;
}

@ObjectType('StudentAttendanceRow')
export class StudentAttendanceRowType {
  @Field(() => ID) studentId!: string;
  @Field() studentName!: string;
  @Field(() => Int) absent!: number;
  @Field(() => Int) late!: number;
  @Field(() => Int) unexcused!: number;
}

@ObjectType('ClassAttendanceRow')
export class ClassAttendanceRowType {
  @Field(() => ID) classGroupId!: string;
  @Field() classGroupName!: string;
  @Field(() => Int, { description: 'Lessons missed.' }) absences!: number;
  @Field(() => Int, { description: 'Late arrivals.' }) lates!: number;
  @Field(() => [ReasonCountType]) byReason!: ReasonCountType[];
  @Field(() => [StudentAttendanceRowType], { description: 'Students who missed or were late at least once.' }) students!: StudentAttendanceRowType[];
}

@ObjectType('AttendanceSummaryReport')
export class AttendanceSummaryReportType {
  @Field(() => ID) schoolId!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => [ClassAttendanceRowType], { description: 'Classes with at least one absence or late arrival.' }) rows!: ClassAttendanceRowType[];
}

@ObjectType('AtRiskSubject', { description: 'A subject a student is short of marks in (rule 7).' })
export class AtRiskSubjectType {
  @Field(() => ID) subjectId!: string;
  @Field() subjectName!: string;
  @Field(() => Float, { description: 'From the class\'s curriculum item.' }) hoursPerWeek!: number;
  @Field(() => Int, { description: 'The student\'s current marks in the subject and period.' }) marks!: number;
  @Field(() => Int, { description: '3 for under 2 hours a week, 5 for 2 or more.' }) required!: number;
}

@ObjectType('AtRiskStudent', { description: 'A student short of marks for attestation in at least one subject.' })
export class AtRiskStudentType {
  @Field(() => ID) studentId!: string;
  @Field() studentName!: string;
  @Field(() => ID) classGroupId!: string;
  @Field() classGroupName!: string;
  @Field(() => [AtRiskSubjectType]) subjects!: AtRiskSubjectType[];
}

@ObjectType('AtRiskReport')
export class AtRiskReportType {
  @Field(() => ID) schoolId!: string;
  @Field(() => ID) studyPeriodId!: string;
  @Field() studyPeriodName!: string;
  @Field(() => [AtRiskStudentType], { description: 'By class, then name.' }) students!: AtRiskStudentType[];
}

@ObjectType('SchoolJournalAggregate', { description: 'One school\'s journal figures: counts and averages, no names or personal data.' })
export class SchoolJournalAggregateType {
  @Field(() => ID) schoolId!: string;
  @Field() schoolName!: string;
  @Field(() => Int) lessons!: number;
  @Field(() => Int) lessonsMissingTopic!: number;
  @Field(() => Int) lessonsMissingHomework!: number;
  @Field(() => Int) lessonsMissingAttendance!: number;
  @Field(() => Int) marks!: number;
  @Field(() => Int) lateMarks!: number;
  @Field(() => Float, { nullable: true }) lateShare!: number | null;
  @Field(() => Float, { nullable: true }) averageMark!: number | null;
  @Field(() => Float, { nullable: true, description: 'Σ(value × weight) / Σ(weight) over the five-point marks.' }) weightedAverageMark!: number | null;
  @Field(() => Int) absences!: number;
  @Field(() => Int) lates!: number;
  @Field(() => Int) illness!: number;
  @Field(() => Int) excused!: number;
  @Field(() => Int) unexcused!: number;
  @Field(() => Int) unknownReason!: number;
  @Field(() => String, { nullable: true, description: 'The study period the at-risk figures are for: the one holding `to`, or the last before it.' })
  atRiskStudyPeriodName!: string | null;
  @Field(() => Int, { description: 'Student × subject pairs short of marks (rule 7).' }) atRiskPairs!: number;
  @Field(() => Int) atRiskStudents!: number;
}

@ObjectType('PeriodMarkSheetStudent')
export class PeriodMarkSheetStudentType {
  @Field(() => ID) studentId!: string;
  @Field() fullName!: string;
}

@ObjectType('PeriodMarkSheetSubject')
export class PeriodMarkSheetSubjectType {
  @Field(() => ID) subjectId!: string;
  @Field() name!: string;
}

@ObjectType('PeriodMarkCell', { description: 'One period, year, exam or final mark of the sheet; `node(id: periodMarkId)` is the PeriodMark.' })
export class PeriodMarkCellType {
  @Field(() => ID) periodMarkId!: string;
  @Field(() => ID) studentId!: string;
  @Field(() => ID) subjectId!: string;
  @Field(() => PeriodMarkKind) kind!: PeriodMarkKind;
  @Field(() => ID, { nullable: true, description: 'Set for a PERIOD mark.' }) studyPeriodId!: string | null;
  @Field({ description: '"1"–"5", "зач"/"незач" or "н/а" (not attested).' }) value!: string;
  @Field(() => Int, { description: 'Pass it as expectedRevision to setPeriodMark when changing the mark.' }) revision!: number;
  @Field() corrected!: boolean;
}

@ObjectType('PeriodMarkSheet', { description: 'A class × subject × period sheet of period, year, exam and final marks.' })
export class PeriodMarkSheetType {
  @Field(() => ID) classGroupId!: string;
  @Field() classGroupName!: string;
  @Field(() => ID, { nullable: true, description: 'When asked for one period: its PERIOD marks and the yearly ones.' }) studyPeriodId!: string | null;
  @Field(() => String, { nullable: true }) studyPeriodName!: string | null;
  @Field(() => [PeriodMarkSheetStudentType], { description: 'Who was in the class during the year, or the period.' })
  students!: PeriodMarkSheetStudentType[];
  @Field(() => [PeriodMarkSheetSubjectType], { description: 'The subjects the viewer may read.' }) subjects!: PeriodMarkSheetSubjectType[];
  @Field(() => [PeriodMarkCellType]) marks!: PeriodMarkCellType[];
}

@InputType()
export class MarkAttendanceTakenInput {
  @Field(() => ID) lessonId!: string;
}
