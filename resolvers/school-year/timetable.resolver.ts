import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Bell, ClassGroup, Employee, Lesson, Room, Subject, TimetableEntry } from '../../entities';
import { notFound } from '../../lib/errors';
import { TimetableService } from '../../domain/school-year/timetable.service';
import type { RequestContext } from '../context';
import { fromGlobalId, toGlobalId } from '../../schema/global-id';
import { ClassGroupType, EmployeeType, LessonType, SubjectType } from '../../schema/types';
import {
  CancelLessonInput, CreateBellInput, CreateRoomInput, CreateTimetableEntryInput, DeleteInput, GenerateLessonsInput,
  SubstituteLessonInput, UpdateBellInput, UpdateRoomInput, UpdateTimetableEntryInput,
} from '../../schema/year.inputs';
import { BellType, GenerateLessonsResultType, RoomType, SubgroupType, TimetableEntryType } from '../../schema/year.types';
import { classOf, subgroupOf, subjectOf } from './curriculum.resolver';
import { schoolIdOf } from './school-year.resolver';
import { timetableReach } from './year-visibility';

const timetable = (ctx: RequestContext) => new TimetableService(ctx.scope);

@Resolver()
export class TimetableResolver {
  @Query(() => [BellType], { description: 'The bell schedules of the viewer\'s schools, by shift and number.' })
  async bells(@Ctx() ctx: RequestContext): Promise<Bell[]> {
    const schools = [...(await ctx.access.memberSchools())];
    return schools.length === 0 ? [] : ctx.em.find(Bell, { school: { $in: schools } }, { orderBy: { shift: 'asc', number: 'asc' } });
  }

  @Query(() => [RoomType], { description: 'The rooms of the viewer\'s schools.' })
  async rooms(@Ctx() ctx: RequestContext): Promise<Room[]> {
    const schools = [...(await ctx.access.memberSchools())];
    return schools.length === 0 ? [] : ctx.em.find(Room, { school: { $in: schools } }, { orderBy: { name: 'asc' } });
  }

  @Query(() => [TimetableEntryType], {
    description: 'The weekly timetable of a class (its school\'s staff; its students and their parents) or of a teacher (the school\'s staff), by weekday and bell.',
  })
  async timetable(
    @Arg('classGroupId', () => ID, { nullable: true }) classGroupId: string | null,
    @Arg('teacherId', () => ID, { nullable: true }) teacherId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<TimetableEntry[]> {
    const order = { orderBy: { weekday: 'asc', bellNumber: 'asc', validFrom: 'asc' } } as const;
    if (classGroupId) {
      const reach = await timetableReach(ctx, fromGlobalId(classGroupId, 'ClassGroup', 'classGroupId'));
      if (!reach) throw notFound('ClassGroup');
      return ctx.em.find(TimetableEntry, { classGroup: reach.classGroup }, order);
    }
    if (!teacherId) return [];
    const teacher = await ctx.em.findOne(Employee, fromGlobalId(teacherId, 'Employee', 'teacherId'));
    if (!teacher || !ctx.access.holdsIn('schedule.read', teacher.school.id)) throw notFound('Employee');
    return ctx.em.find(TimetableEntry, { teacher }, order);
  }

  @Mutation(() => BellType) createBell(@Arg('input') input: CreateBellInput, @Ctx() ctx: RequestContext) {
    return timetable(ctx).createBell({ ...input, schoolId: schoolIdOf(input.schoolId) });
  }

  @Mutation(() => ID, { description: 'Deletes a bell of a shift no timetable entry rings (of a year not CLOSED); answers its id.' })
  async deleteBell(@Arg('input') input: DeleteInput, @Ctx() ctx: RequestContext): Promise<string> {
    await timetable(ctx).deleteBell({ bellId: fromGlobalId(input.id, 'Bell', 'id'), expectedVersion: input.expectedVersion });
    return input.id;
  }

  @Mutation(() => BellType) updateBell(@Arg('input') input: UpdateBellInput, @Ctx() ctx: RequestContext) {
    return timetable(ctx).updateBell({ ...input, bellId: fromGlobalId(input.bellId, 'Bell', 'bellId') });
  }

  @Mutation(() => RoomType) createRoom(@Arg('input') input: CreateRoomInput, @Ctx() ctx: RequestContext) {
    return timetable(ctx).createRoom({ ...input, schoolId: schoolIdOf(input.schoolId) });
  }

  @Mutation(() => RoomType) updateRoom(@Arg('input') input: UpdateRoomInput, @Ctx() ctx: RequestContext) {
    return timetable(ctx).updateRoom({ ...input, roomId: fromGlobalId(input.roomId, 'Room', 'roomId') });
  }

  @Mutation(() => TimetableEntryType, { description: 'A slot of the weekly timetable; CONFLICT (extensions.clash) on a double booking.' })
  createTimetableEntry(@Arg('input') input: CreateTimetableEntryInput, @Ctx() ctx: RequestContext) {
    return timetable(ctx).createEntry({
      ...input,
      classGroupId: fromGlobalId(input.classGroupId, 'ClassGroup', 'classGroupId'),
      subgroupId: input.subgroupId ? fromGlobalId(input.subgroupId, 'Subgroup', 'subgroupId') : null,
      subjectId: fromGlobalId(input.subjectId, 'Subject', 'subjectId'),
      teacherId: fromGlobalId(input.teacherId, 'Employee', 'teacherId'),
      roomId: input.roomId ? fromGlobalId(input.roomId, 'Room', 'roomId') : null,
    });
  }

  @Mutation(() => TimetableEntryType)
  updateTimetableEntry(@Arg('input') input: UpdateTimetableEntryInput, @Ctx() ctx: RequestContext) {
    return timetable(ctx).updateEntry({
      ...input,
      entryId: fromGlobalId(input.entryId, 'TimetableEntry', 'entryId'),
      teacherId: input.teacherId ? fromGlobalId(input.teacherId, 'Employee', 'teacherId') : null,
      roomId: input.roomId ? fromGlobalId(input.roomId, 'Room', 'roomId') : null,
    });
  }

  @Mutation(() => ClassGroupType, { description: 'Removes an entry that never generated lessons (end a used one with validTo).' })
  deleteTimetableEntry(@Arg('input') input: DeleteInput, @Ctx() ctx: RequestContext) {
    return timetable(ctx).deleteEntry({ id: fromGlobalId(input.id, 'TimetableEntry', 'id'), expectedVersion: input.expectedVersion });
  }

  @Mutation(() => GenerateLessonsResultType, { description: 'Makes a span\'s lessons match the weekly timetable (idempotent; lessons with journal data are kept).' })
  generateLessons(@Arg('input') input: GenerateLessonsInput, @Ctx() ctx: RequestContext) {
    return timetable(ctx).generateLessons({
      ...input,
      yearId: fromGlobalId(input.yearId, 'AcademicYear', 'yearId'),
      classGroupId: input.classGroupId ? fromGlobalId(input.classGroupId, 'ClassGroup', 'classGroupId') : null,
    });
  }

  @Mutation(() => LessonType, { description: 'A teacher stands in for one lesson (and then writes its journal); null removes them.' })
  substituteLesson(@Arg('input') input: SubstituteLessonInput, @Ctx() ctx: RequestContext) {
    return timetable(ctx).substitute({
      lessonId: fromGlobalId(input.lessonId, 'Lesson', 'lessonId'), expectedVersion: input.expectedVersion,
      substituteTeacherId: input.substituteTeacherId ? fromGlobalId(input.substituteTeacherId, 'Employee', 'substituteTeacherId') : null,
    });
  }

  @Mutation(() => LessonType, { description: 'Cancels a scheduled lesson, with the reason; it then takes no marks.' })
  cancelLesson(@Arg('input') input: CancelLessonInput, @Ctx() ctx: RequestContext) {
    return timetable(ctx).cancel({ ...input, lessonId: fromGlobalId(input.lessonId, 'Lesson', 'lessonId') });
  }
}

@Resolver(() => BellType)
export class BellResolver {
  @FieldResolver(() => ID) id(@Root() row: Bell) { return toGlobalId('Bell', row.id); }
}

@Resolver(() => RoomType)
export class RoomResolver {
  @FieldResolver(() => ID) id(@Root() row: Room) { return toGlobalId('Room', row.id); }
}

@Resolver(() => TimetableEntryType)
export class TimetableEntryResolver {
  @FieldResolver(() => ID) id(@Root() row: TimetableEntry) { return toGlobalId('TimetableEntry', row.id); }
  @FieldResolver(() => ClassGroupType) classGroup(@Root() row: TimetableEntry, @Ctx() ctx: RequestContext) { return classOf(ctx, row); }
  @FieldResolver(() => SubgroupType, { nullable: true }) subgroup(@Root() row: TimetableEntry, @Ctx() ctx: RequestContext) { return subgroupOf(ctx, row); }
  @FieldResolver(() => SubjectType) subject(@Root() row: TimetableEntry, @Ctx() ctx: RequestContext) { return subjectOf(ctx, row); }
  @FieldResolver(() => EmployeeType) teacher(@Root() row: TimetableEntry, @Ctx() ctx: RequestContext) { return ctx.loaders.one(Employee, row.teacher.id); }
  @FieldResolver(() => RoomType, { nullable: true }) room(@Root() row: TimetableEntry, @Ctx() ctx: RequestContext) {
    return row.room ? ctx.loaders.one(Room, row.room.id) : null;
  }
}

/** What the timetable adds to Lesson, Subject and ClassGroup: plain values, the same for every viewer. */
@Resolver(() => LessonType)
export class LessonTimetableResolver {
  @FieldResolver(() => Int, { description: 'Send it back as expectedVersion (substituteLesson, cancelLesson).' })
  version(@Root() lesson: Lesson): number { return lesson.version; }

  @FieldResolver(() => RoomType, { nullable: true })
  room(@Root() lesson: Lesson, @Ctx() ctx: RequestContext) { return lesson.room ? ctx.loaders.one(Room, lesson.room.id) : null; }

  @FieldResolver(() => String, { nullable: true, description: 'Why a CANCELLED lesson was cancelled.' })
  cancelReason(@Root() lesson: Lesson): string | null { return lesson.cancelReason ?? null; }
}

@Resolver(() => SubjectType)
export class SubjectVersionResolver {
  @FieldResolver(() => Int) version(@Root() subject: Subject): number { return subject.version; }
}

@Resolver(() => ClassGroupType)
export class ClassGroupRolloverResolver {
  @FieldResolver(() => ClassGroupType, { nullable: true, description: 'Last year\'s class this one continues (year rollover).' })
  promotedFrom(@Root() classGroup: ClassGroup, @Ctx() ctx: RequestContext) {
    return classGroup.promotedFrom ? ctx.loaders.one(ClassGroup, classGroup.promotedFrom.id) : null;
  }
}

