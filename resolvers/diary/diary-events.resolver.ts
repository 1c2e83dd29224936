import { Arg, Ctx, FieldResolver, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { Attendance, Lesson, Mark, Student } from '../../entities';
import { badInput, cursorExpired, notFound } from '../../lib/errors';
import type { LiveDiaryStream, RequestContext } from '../context';
import type { OutboxEvent } from '../../domain/diary/diary-outbox';
import { fromGlobalId } from '../../schema/global-id';
import { AttendanceType, DiaryEventGqlType, LessonType, MarkType, StudentType } from '../../schema/types';

const CURSOR_PREFIX = 'diary:';

export function encodeDiaryCursor(position: bigint): string {
  return Buffer.from(`${CURSOR_PREFIX}${position}`).toString('base64url');
}

export function decodeDiaryCursor(cursor: string): bigint {
  const match = /^diary:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput('after', '"after" is not a cursor of diaryEvents.');
  return BigInt(match[1]);
}

interface DiaryEventsArgs { studentId?: string | null; after?: string | null }

/**
 * Authorizes at subscribe time (graphql-middleware does not wrap `subscribe`), then
 * streams. The hub re-checks every batch of events, and at once on any access change.
 */
async function* subscribeToDiary(
  { args, context }: SubscribeResolverData<unknown, DiaryEventsArgs, RequestContext>, handle: StreamHandle, inbox: boolean,
) {
  const viewer = context.requireViewer();
  const studentId = !inbox && args.studentId ? fromGlobalId(args.studentId, 'Student', 'studentId') : null;
  const after = args.after ? decodeDiaryCursor(args.after) : null;
  const hub = context.services.hub;
  // An app's viewer watches only the children its grant names (Viewer.delegation): another is NOT_FOUND.
  const only = viewer.delegation?.studentIds ?? null;
  if (studentId && only && !only.includes(studentId)) throw notFound('Student');
  if (studentId && !(await hub.mayWatch(viewer.userId, studentId))) throw notFound('Student');
  // A cursor the outbox no longer reaches is refused here, at subscribe time: never an empty stream.
  if (after !== null && (await hub.cursorExpired(after))) throw cursorExpired();
  const subscription = hub.subscribe({
    userId: viewer.userId, sessionId: viewer.sessionId, studentId, inbox, onlyStudents: only, delegated: !!viewer.delegation,
  }, after);
  handle.subscription = subscription;
  if (handle.cancelled) subscription.end();
  subscription.onFailure = (reason) => {
    if (reason === 'SESSION_ENDED') context.onSessionEnded?.();
  };
  try {
    for await (const event of subscription) yield event;
  } finally {
    subscription.end();
  }
}

interface StreamHandle { subscription?: LiveDiaryStream; cancelled?: boolean }

/**
 * The stream as graphql-ws consumes it. An async generator waiting for its next event
 * only acts on return() once that event arrives, so a closed socket's subscription
 * would stay in the hub until then: return() ends the hub subscription first.
 */
export function diaryStream(data: SubscribeResolverData<unknown, DiaryEventsArgs, RequestContext>, inbox = false): AsyncIterableIterator<OutboxEvent> {
  const handle: StreamHandle = {};
  const generator = subscribeToDiary(data, handle, inbox);
  const cancel = () => {
    handle.cancelled = true;
    handle.subscription?.end();
  };
  return {
    next: () => generator.next(),
    return: (value?: unknown) => {
      cancel();
      return generator.return(value as undefined);
    },
    throw: (error?: unknown) => {
      cancel();
      return generator.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

@Resolver(() => DiaryEventGqlType)
export class DiaryEventsResolver {
  @Subscription(() => DiaryEventGqlType, {
    description: 'New and corrected marks, absences and their reasons, topics and homework of the students the viewer '
      + 'may watch (the student, their parents, their class teacher), as they are committed, in commit order. '
      + 'Leave out `studentId` for all of them. `after` (an event\'s cursor) first replays what was missed, each event once, reaching back no further than the viewer\'s tie to the student (a guardianship\'s start, the class teacher\'s enrollment of the student, the student\'s current school year). '
      + 'A cursor older than the outbox keeps (README, Retention: 30 days by default) answers CURSOR_EXPIRED: re-read the diary, then subscribe without `after`.',
    subscribe: (data) => diaryStream(data as SubscribeResolverData<unknown, DiaryEventsArgs, RequestContext>),
  })
  diaryEvents(
    @Root() event: OutboxEvent,
    @Ctx() ctx: RequestContext,
    @Arg('studentId', () => ID, { nullable: true }) _studentId?: string,
    @Arg('after', () => String, { nullable: true }) _after?: string,
  ): OutboxEvent {
    // Runs once per execution of an event (shared by like subscribers, server/diary-execution.ts),
    // before any field below it: a fresh unit of work, primed with the batch's rows.
    ctx.renew();
    if (event.graph) ctx.loaders.primeEventGraph(event.graph);
    return event;
  }

  @FieldResolver()
  cursor(@Root() event: OutboxEvent): string {
    return encodeDiaryCursor(event.position);
  }

  @FieldResolver(() => StudentType)
  student(@Root() event: OutboxEvent, @Ctx() ctx: RequestContext) {
    return ctx.loaders.one(Student, event.studentId!);
  }

  @FieldResolver(() => MarkType, { nullable: true })
  async mark(@Root() event: OutboxEvent, @Ctx() ctx: RequestContext) {
    return event.markId ? ctx.loaders.one(Mark, event.markId) : null;
  }

  @FieldResolver(() => AttendanceType, { nullable: true })
  async attendance(@Root() event: OutboxEvent, @Ctx() ctx: RequestContext) {
    return event.attendanceId ? ctx.loaders.one(Attendance, event.attendanceId) : null;
  }

  @FieldResolver(() => LessonType, { nullable: true })
  async lesson(@Root() event: OutboxEvent, @Ctx() ctx: RequestContext) {
    return event.lessonId ? ctx.loaders.one(Lesson, event.lessonId) : null;
  }
}
