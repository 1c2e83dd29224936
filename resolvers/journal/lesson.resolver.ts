import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { ClassGroup, Employee, Lesson, Subject } from '../../entities';
import type { RequestContext } from '../context';
import { toGlobalId } from '../../schema/global-id';
import { then } from '../sync';
import { ClassGroupType, EmployeeType, LessonType, SubjectType } from '../../schema/types';

@Resolver(() => LessonType)
export class LessonResolver {
  @FieldResolver(() => ID)
  id(@Root() lesson: Lesson): string {
    return toGlobalId('Lesson', lesson.id);
  }

  @FieldResolver(() => SubjectType)
  subject(@Root() lesson: Lesson, @Ctx() ctx: RequestContext) {
    return ctx.loaders.one(Subject, lesson.subject.id);
  }

  @FieldResolver(() => EmployeeType)
  teacher(@Root() lesson: Lesson, @Ctx() ctx: RequestContext) {
    return ctx.loaders.one(Employee, lesson.teacher.id);
  }

  @FieldResolver(() => EmployeeType, { nullable: true })
  substituteTeacher(@Root() lesson: Lesson, @Ctx() ctx: RequestContext) {
    return lesson.substituteTeacher ? ctx.loaders.one(Employee, lesson.substituteTeacher.id) : null;
  }

  @FieldResolver(() => ClassGroupType)
  classGroup(@Root() lesson: Lesson, @Ctx() ctx: RequestContext) {
    return ctx.loaders.one(ClassGroup, lesson.classGroup.id);
  }

  @FieldResolver(() => String, { nullable: true })
  topic(@Root() lesson: Lesson, @Ctx() ctx: RequestContext): string | null | Promise<string | null> {
    return then(ctx.loaders.record(lesson.id), (r) => r?.topic ?? null);
  }

  @FieldResolver(() => String, { nullable: true })
  homework(@Root() lesson: Lesson, @Ctx() ctx: RequestContext): string | null | Promise<string | null> {
    return then(ctx.loaders.record(lesson.id), (r) => r?.homework ?? null);
  }
}
