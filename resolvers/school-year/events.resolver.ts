import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ClassGroup, EducationForm, SchoolEvent, type Student } from '../../entities';
import { notFound } from '../../lib/errors';
import { EventsService } from '../../domain/school-year/events.service';
import { checkEventRange, eventsOfClass, eventsOfSchool, eventsOfStudentByDay } from '../../domain/school-year/events.queries';
import { schoolsWhere } from '../../permissions/registry';
import { uuidArray } from '../../permissions/scope';
import type { RequestContext } from '../context';
import type { Loaders } from '../loaders';
import { fromGlobalId, toGlobalId } from '../../schema/global-id';
import { DateScalar } from '../../schema/scalars';
import { ClassGroupType, DiaryDayType, StudentType } from '../../schema/types';
import { CancelSchoolEventInput, CreateSchoolEventInput, SchoolEventType, UpdateSchoolEventInput } from '../../schema/events.types';
import { schoolIdOf } from './school-year.resolver';

const events = (ctx: RequestContext) => new EventsService(ctx.scope);

@Resolver()
export class EventsResolver {
  @Query(() => [SchoolEventType], {
    description: 'Events shown beside the timetable, overlapping [from, to] (at most 366 days), cancelled ones included. '
      + 'With classGroupId: the school\'s events and that class\'s (its school\'s staff; its students and their parents). '
      + 'Without: every event of the school (its staff; schoolId needed only for several schools).',
  })
  async schoolEvents(
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('classGroupId', () => ID, { nullable: true }) classGroupId: string | null,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SchoolEvent[]> {
    checkEventRange(from, to);
    if (classGroupId) {
      const reach = await ctx.access.classReach(fromGlobalId(classGroupId, 'ClassGroup', 'classGroupId'));
      if (!reach || !ctx.access.allows('event.read', reach)) throw notFound('ClassGroup');
      return eventsOfClass(ctx.em, reach, from, to);
    }
    const school = schoolIdOf(schoolId) ?? (schoolsWhere(ctx.requireViewer(), 'event.read').length === 1 ? schoolsWhere(ctx.requireViewer(), 'event.read')[0] : null);
    if (!school || !ctx.access.holdsIn('event.read', school)) throw notFound('School');
    return eventsOfSchool(ctx.em, school, from, to);
  }

  @Mutation(() => SchoolEventType, { description: 'A school event (the deputy heads) or, with classGroupId, a class event (its class teacher, the deputy heads).' })
  createSchoolEvent(@Arg('input') input: CreateSchoolEventInput, @Ctx() ctx: RequestContext) {
    return events(ctx).create({
      ...input,
      schoolId: schoolIdOf(input.schoolId),
      classGroupId: input.classGroupId ? fromGlobalId(input.classGroupId, 'ClassGroup', 'classGroupId') : null,
    });
  }

  @Mutation(() => SchoolEventType, { description: 'Changes an event that is not cancelled; omitted fields stay.' })
  updateSchoolEvent(@Arg('input') input: UpdateSchoolEventInput, @Ctx() ctx: RequestContext) {
    return events(ctx).update({ ...input, eventId: fromGlobalId(input.eventId, 'SchoolEvent', 'eventId') });
  }

  @Mutation(() => SchoolEventType, { description: 'Cancels an event, with the reason; it stays listed as cancelled.' })
  cancelSchoolEvent(@Arg('input') input: CancelSchoolEventInput, @Ctx() ctx: RequestContext) {
    return events(ctx).cancel({ ...input, eventId: fromGlobalId(input.eventId, 'SchoolEvent', 'eventId') });
  }
}

@Resolver(() => SchoolEventType)
export class SchoolEventResolver {
  @FieldResolver(() => ID) id(@Root() e: SchoolEvent) { return toGlobalId('SchoolEvent', e.id); }
  @FieldResolver(() => ClassGroupType, { nullable: true }) classGroup(@Root() e: SchoolEvent, @Ctx() ctx: RequestContext) {
    return e.classGroup ? ctx.loaders.one(ClassGroup, e.classGroup.id) : null;
  }
  @FieldResolver(() => Boolean) cancelled(@Root() e: SchoolEvent): boolean { return Boolean(e.cancelledAt); }
  @FieldResolver(() => Int) version(@Root() e: SchoolEvent): number { return e.version; }
}

/** What the diary query puts on each day, so its events come in one statement per request. */
interface DiaryDayRoot { date: string; studentId?: string; range?: { from: string; to: string } }

// Keyed by the request's Loaders, which a subscription renews for every event (RequestContext.renew):
// a cache never outlives its unit of work.
const diaryEventLoaders = new WeakMap<Loaders, DataLoader<string, Map<string, SchoolEvent[]>>>();

function diaryEvents(ctx: RequestContext): DataLoader<string, Map<string, SchoolEvent[]>> {
  let loader = diaryEventLoaders.get(ctx.loaders);
  if (!loader) {
    // Keyed by student and span: a diary of any length is one statement (usually one key per request).
    loader = new DataLoader(async (keys) => Promise.all(keys.map((key) => {
      const [studentId, from, to] = key.split('|');
      return eventsOfStudentByDay(ctx.em, studentId, from, to);
    })));
    diaryEventLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

/** The diary's days get their events beside the lessons, never inside the diary's own statement. */
@Resolver(() => DiaryDayType)
export class DiaryDayEventsResolver {
  @FieldResolver(() => [SchoolEventType], { description: 'The school\'s events and the student\'s class\'s on this day (cancelled ones marked).' })
  async events(@Root() day: DiaryDayRoot, @Ctx() ctx: RequestContext): Promise<SchoolEvent[]> {
    if (!day.studentId || !day.range) return [];
    const byDay = await diaryEvents(ctx).load(`${day.studentId}|${day.range.from}|${day.range.to}`);
    return byDay.get(day.date) ?? [];
  }
}

const formLoaders = new WeakMap<Loaders, DataLoader<string, EducationForm | null>>();

/** Family education shows in the school's lists (004 §10): how each student is educated today, one statement per list. */
@Resolver(() => StudentType)
export class StudentEducationFormResolver {
  @FieldResolver(() => EducationForm, { nullable: true, description: 'How the student is educated today (in the school\'s time); null when not enrolled.' })
  educationForm(@Root() student: Student, @Ctx() ctx: RequestContext): Promise<EducationForm | null> {
    let loader = formLoaders.get(ctx.loaders);
    if (!loader) {
      loader = new DataLoader<string, EducationForm | null>(async (ids) => {
        const now = ctx.scope.clock.now();
        const rows = await ctx.em.getConnection().execute<{ student_id: string; form: EducationForm }[]>(
          `select distinct on (e.student_id) e.student_id, e.form
             from enrollment e join student s on s.id = e.student_id join school sc on sc.id = s.school_id
            where e.student_id = any(?::uuid[])
              and e.starts_on <= (?::timestamptz at time zone sc.timezone)::date
              and (e.ends_on is null or e.ends_on >= (?::timestamptz at time zone sc.timezone)::date)
            order by e.student_id, e.starts_on desc`,
          [uuidArray(ids), now, now],
        );
        const byId = new Map(rows.map((r) => [r.student_id, r.form]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      formLoaders.set(ctx.loaders, loader);
    }
    return loader.load(student.id);
  }
}

export const EVENT_RESOLVERS = [EventsResolver, SchoolEventResolver, DiaryDayEventsResolver, StudentEducationFormResolver] as const;
