import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { ClassGroup, Employee, Lesson, Subject } from '../entities';
import type { RequestContext } from '../server/context';
import { toGlobalId } from '../schema/global-id';
import { ClassGroupType, EmployeeType, LessonType, SubjectType } from '../schema/types';

@Resolver(() => LessonType)
export class LessonResolver {
  @FieldResolver(() => ID)
  id(@Root() lesson: Lesson): string {
    return toGlobalId('Lesson', lesson.id);
  }

  @FieldResolver(() => SubjectType)
  subject(@Root() lesson: Lesson, @Ctx() ctx: RequestContext) {
    return ctx.loaders.entity(Subject).load(lesson.subject.id);
  }

  @FieldResolver(() => EmployeeType)
  teacher(@Root() lesson: Lesson, @Ctx() ctx: RequestContext) {
    return ctx.loaders.entity(Employee).load(lesson.teacher.id);
  }

  @FieldResolver(() => EmployeeType, { nullable: true })
  async substituteTeacher(@Root() lesson: Lesson, @Ctx() ctx: RequestContext) {
    return lesson.substituteTeacher ? ctx.loaders.entity(Employee).load(lesson.substituteTeacher.id) : null;
  }

  @FieldResolver(() => ClassGroupType)
  classGroup(@Root() lesson: Lesson, @Ctx() ctx: RequestContext) {
    return ctx.loaders.entity(ClassGroup).load(lesson.classGroup.id);
  }

  @FieldResolver(() => String, { nullable: true })
  async topic(@Root() lesson: Lesson, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await ctx.loaders.lessonRecord.load(lesson.id))?.topic ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async homework(@Root() lesson: Lesson, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await ctx.loaders.lessonRecord.load(lesson.id))?.homework ?? null;
  }
}
