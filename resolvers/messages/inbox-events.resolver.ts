import { Arg, Ctx, FieldResolver, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { Student } from '../../entities';
import type { OutboxEvent } from '../../domain/diary/diary-outbox';
import { MessagesQueries } from '../../domain/messages/messages.queries';
import { announcementsFor } from '../../domain/messages/announcements.service';
import { absenceNotesFor } from '../../domain/messages/absence-notes.service';
import { sql } from '../../lib/sql';
import type { RequestContext } from '../context';
import { diaryStream, encodeDiaryCursor } from '../diary/diary-events.resolver';
import { AbsenceNoteGqlType, AnnouncementGqlType, InboxEventGqlType, MessageGqlType } from '../../schema/messages.types';
import { StudentType } from '../../schema/types';

/**
 * The viewer's inbox, live (issue 15 part 5): the outbox events addressed to them, from the same
 * outbox and hub as the diary, resumable by the same cursor. The hub re-checks every event before
 * delivery (domain/diary/receivers.ts), so a message or announcement is then read by id (the
 * participant check stays for a message; a note goes through `absenceNote.read` again).
 */
@Resolver(() => InboxEventGqlType)
export class InboxEventsResolver {
  @Subscription(() => InboxEventGqlType, {
    description: 'Messages, announcements and absence notes addressed to you, as they are committed, in commit order. '
      + '`after` (an event\'s cursor) first replays what was missed, each event once.',
    subscribe: (data) => diaryStream(data as SubscribeResolverData<unknown, { after?: string | null }, RequestContext>, true),
  })
  inboxEvents(
    @Root() event: OutboxEvent,
    @Ctx() ctx: RequestContext,
    @Arg('after', () => String, { nullable: true }) _after?: string,
  ): OutboxEvent {
    // A fresh unit of work per event: a subscription outlives its request.
    ctx.renew();
    return event;
  }

  @FieldResolver() cursor(@Root() event: OutboxEvent): string { return encodeDiaryCursor(event.position); }

  @FieldResolver(() => StudentType, { nullable: true })
  student(@Root() event: OutboxEvent, @Ctx() ctx: RequestContext) {
    return event.studentId ? ctx.loaders.one(Student, event.studentId) : null;
  }

  @FieldResolver(() => MessageGqlType, { nullable: true })
  async message(@Root() event: OutboxEvent, @Ctx() ctx: RequestContext) {
    if (!event.messageId) return null;
    return new MessagesQueries(ctx.scope).messageForDelivery(event.messageId);
  }

  @FieldResolver(() => AnnouncementGqlType, { nullable: true })
  async announcement(@Root() event: OutboxEvent, @Ctx() ctx: RequestContext) {
    if (!event.announcementId) return null;
    return (await announcementsFor(ctx.scope, null, sql`ann.id = ${event.announcementId}::uuid`, true)).items[0] ?? null;
  }

  @FieldResolver(() => AbsenceNoteGqlType, { nullable: true })
  async absenceNote(@Root() event: OutboxEvent, @Ctx() ctx: RequestContext) {
    if (!event.absenceNoteId) return null;
    return (await absenceNotesFor(ctx.scope, { noteId: event.absenceNoteId }, { first: 1, offset: 0 })).items[0] ?? null;
  }
}
