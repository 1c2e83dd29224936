import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('TermReportRow', { description: 'One subject in one study period: aggregates of the current marks, no names.' })
export class TermReportRowType {
  @Field(() => ID) subjectId!: string;
  @Field() subjectName!: string;
  @Field(() => ID) studyPeriodId!: string;
  @Field() studyPeriodName!: string;
  @Field(() => Int) studyPeriodOrdinal!: number;
  @Field() academicYearName!: string;
  @Field(() => Int, { description: 'Every current mark, whatever its scale.' }) marksCount!: number;
  @Field(() => Int, { description: 'Marks on the five-point scale: the averages and percentages are over these.' }) gradedCount!: number;
  @Field(() => Float, { nullable: true }) average!: number | null;
  @Field(() => Float, { nullable: true, description: 'Weighted by the work types\' weights (004 §2.2).' }) weightedAverage!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of the marks that are 4 or 5 ("качество"), in percent.' }) qualityPercent!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of the marks that are 3, 4 or 5 ("успеваемость"), in percent.' }) successPercent!: number | null;
}

@ObjectType('TermReport')
export class TermReportType {
  @Field(() => ID) schoolId!: string;
  @Field() schoolName!: string;
  @Field(() => String, { nullable: true, description: 'The class, for a class report.' }) classGroupName!: string | null;
  @Field(() => [TermReportRowType]) rows!: TermReportRowType[];
}
