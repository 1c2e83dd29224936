import { Ctx, FieldResolver, Float, ID, Resolver, Root } from 'type-graphql';
import { Attendance, Lesson, Mark, MarkVersion, PeriodMark, Student, StudyPeriod, Subject, User, WorkType } from '../../entities';
import { forbidden } from '../../lib/errors';
import type { RequestContext } from '../context';
import { toGlobalId } from '../../schema/global-id';
import {
  AttendanceType, LessonType, MarkType, MarkVersionType, PeriodMarkType, StudentType, StudyPeriodType, SubjectType,
  UserType, WorkTypeType,
} from '../../schema/types';

/** Shield lets staff through; the history is for the staff who reach this student, not staff of another school. */
async function mayReadHistory(ctx: RequestContext, mark: Mark): Promise<void> {
  if (!(await ctx.access.mayForStudent('mark.readVersions', mark.student.id))) throw forbidden('The correction history is for the student\'s school staff.');
}

@Resolver(() => MarkType)
export class MarkResolver {
  @FieldResolver(() => ID)
  id(@Root() mark: Mark): string {
    return toGlobalId('Mark', mark.id);
  }

  @FieldResolver(() => WorkTypeType)
  workType(@Root() mark: Mark, @Ctx() ctx: RequestContext) {
    return ctx.loaders.one(WorkType, mark.workType.id);
  }

  @FieldResolver(() => LessonType)
  lesson(@Root() mark: Mark, @Ctx() ctx: RequestContext) {
    return ctx.loaders.one(Lesson, mark.lesson.id);
  }

  @FieldResolver(() => StudentType)
  student(@Root() mark: Mark, @Ctx() ctx: RequestContext) {
    return ctx.loaders.one(Student, mark.student.id);
  }

  @FieldResolver()
  corrected(@Root() mark: Mark): boolean {
    // A retraction writes the last version: the ones before it are the value and its corrections.
    return mark.revision > (mark.retractedAt ? 2 : 1);
  }

  @FieldResolver()
  retracted(@Root() mark: Mark): boolean {
    return Boolean(mark.retractedAt);
  }

  @FieldResolver(() => Date, { nullable: true })
  async retractedAt(@Root() mark: Mark, @Ctx() ctx: RequestContext): Promise<Date | null> {
    await mayReadHistory(ctx, mark);
    return mark.retractedAt ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async retractionReason(@Root() mark: Mark, @Ctx() ctx: RequestContext): Promise<string | null> {
    await mayReadHistory(ctx, mark);
    return mark.retractionReason ?? null;
  }

  @FieldResolver(() => UserType, { nullable: true })
  async retractedBy(@Root() mark: Mark, @Ctx() ctx: RequestContext) {
    await mayReadHistory(ctx, mark);
    return mark.retractedBy ? ctx.loaders.one(User, mark.retractedBy.id) : null;
  }

  @FieldResolver(() => [MarkVersionType])
  async versions(@Root() mark: Mark, @Ctx() ctx: RequestContext): Promise<MarkVersion[]> {
    await mayReadHistory(ctx, mark);
    return ctx.loaders.markVersions.load(mark.id);
  }
}

@Resolver(() => MarkVersionType)
export class MarkVersionResolver {
  @FieldResolver(() => UserType)
  author(@Root() version: MarkVersion, @Ctx() ctx: RequestContext) {
    return ctx.loaders.one(User, version.createdBy.id);
  }
}

@Resolver(() => WorkTypeType)
export class WorkTypeResolver {
  @FieldResolver(() => Float)
  weight(@Root() workType: WorkType): number {
    return Number(workType.weight);
  }
}

@Resolver(() => AttendanceType)
export class AttendanceResolver {
  @FieldResolver(() => ID)
  id(@Root() row: Attendance): string {
    return toGlobalId('Attendance', row.id);
  }

  @FieldResolver(() => LessonType)
  lesson(@Root() row: Attendance, @Ctx() ctx: RequestContext) {
    return ctx.loaders.one(Lesson, row.lesson.id);
  }

  @FieldResolver(() => StudentType)
  student(@Root() row: Attendance, @Ctx() ctx: RequestContext) {
    return ctx.loaders.one(Student, row.student.id);
  }

  @FieldResolver()
  cleared(@Root() row: Attendance): boolean {
    return Boolean(row.clearedAt);
  }

  @FieldResolver(() => Date, { nullable: true })
  async clearedAt(@Root() row: Attendance, @Ctx() ctx: RequestContext): Promise<Date | null> {
    await mayReadClearing(ctx, row);
    return row.clearedAt ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async clearReason(@Root() row: Attendance, @Ctx() ctx: RequestContext): Promise<string | null> {
    await mayReadClearing(ctx, row);
    return row.clearReason ?? null;
  }

  @FieldResolver(() => UserType, { nullable: true })
  async clearedBy(@Root() row: Attendance, @Ctx() ctx: RequestContext) {
    await mayReadClearing(ctx, row);
    return row.clearedBy ? ctx.loaders.one(User, row.clearedBy.id) : null;
  }
}

async function mayReadClearing(ctx: RequestContext, row: Attendance): Promise<void> {
  if (!(await ctx.access.mayForStudent('attendance.readClearing', row.student.id))) throw forbidden('Who cleared an absence and why is for the student\'s school staff.');
}

@Resolver(() => PeriodMarkType)
export class PeriodMarkResolver {
  @FieldResolver(() => ID)
  id(@Root() mark: PeriodMark): string {
    return toGlobalId('PeriodMark', mark.id);
  }

  @FieldResolver(() => StudyPeriodType, { nullable: true })
  async studyPeriod(@Root() mark: PeriodMark, @Ctx() ctx: RequestContext) {
    return mark.studyPeriod ? ctx.loaders.one(StudyPeriod, mark.studyPeriod.id) : null;
  }

  @FieldResolver(() => SubjectType)
  subject(@Root() mark: PeriodMark, @Ctx() ctx: RequestContext) {
    return ctx.loaders.one(Subject, mark.subject.id);
  }

  @FieldResolver(() => StudentType)
  student(@Root() mark: PeriodMark, @Ctx() ctx: RequestContext) {
    return ctx.loaders.one(Student, mark.student.id);
  }

  @FieldResolver()
  corrected(@Root() mark: PeriodMark): boolean {
    return mark.revision > 1;
  }
}
