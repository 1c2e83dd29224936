import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ClassGroup, Student, User } from '../../entities';
import { AnnouncementsService, announcementsFor, type AnnouncementRow } from '../../domain/messages/announcements.service';
import { sql } from '../../lib/sql';
import { AcknowledgementsService, type ClassWeekRow } from '../../domain/messages/acknowledgements.service';
import { DateScalar } from '../../schema/scalars';
import {
  AbsenceNotesService, absenceNoteDocument, absenceNotesFor, type AbsenceNoteRow,
} from '../../domain/messages/absence-notes.service';
import { AbsenceNoteState } from '../../entities';
import { InboxEventsResolver } from './inbox-events.resolver';
import { notFound } from '../../lib/errors';
import { MessagesService } from '../../domain/messages/messages.service';
import { MessagesQueries, type ConversationRow, type MessageRow, type ParticipantRow } from '../../domain/messages/messages.queries';
import type { RequestContext } from '../context';
import type { Loaders } from '../loaders';
import { pageRequest, toConnection } from '../pagination';
import { fromGlobalId, toGlobalId } from '../../schema/global-id';
import {
  AbsenceNoteConnection, AbsenceNoteDocumentType, AbsenceNoteGqlType, DecideAbsenceNoteInput, SubmitAbsenceNoteInput,
  AnnouncementConnection, AnnouncementGqlType, ClassWeekAcknowledgementType, WeekAcknowledgementType, CreateAnnouncementInput, ConversationConnection, ConversationGqlType, ConversationParticipantType, EditMessageInput, MarkConversationReadInput,
  MessageConnection, MessageGqlType, MessageRecipientType, MessageVersionType, SendMessageInput, StartConversationInput,
} from '../../schema/messages.types';
import { ClassGroupType, StudentType, UserType } from '../../schema/types';

const queries = (ctx: RequestContext) => new MessagesQueries(ctx.scope);
const service = (ctx: RequestContext) => new MessagesService(ctx.scope);

interface MessageLoaders {
  conversations: DataLoader<string, ConversationRow | undefined>;
  participants: DataLoader<string, ParticipantRow[]>;
  versions: DataLoader<string, { revision: number; body: string; writtenAt: Date }[]>;
}

// Keyed by the request's Loaders (renewed per subscription event): a page of messages costs one statement per relation.
const loadersOf = new WeakMap<Loaders, MessageLoaders>();

function loaders(ctx: RequestContext): MessageLoaders {
  let found = loadersOf.get(ctx.loaders);
  if (!found) {
    found = {
      conversations: new DataLoader(async (ids) => {
        const rows = await queries(ctx).conversationsByIds(ids);
        return ids.map((id) => rows.get(id));
      }),
      participants: new DataLoader(async (ids) => {
        const rows = await queries(ctx).participants(ids);
        return ids.map((id) => rows.get(id) ?? []);
      }),
      versions: new DataLoader(async (ids) => {
        const rows = await queries(ctx).versions(ids);
        return ids.map((id) => rows.get(id) ?? []);
      }),
    };
    loadersOf.set(ctx.loaders, found);
  }
  return found;
}

async function ownConversation(ctx: RequestContext, id: string): Promise<ConversationRow> {
  const row = await loaders(ctx).conversations.load(fromGlobalId(id, 'Conversation', 'conversationId'));
  if (!row) throw notFound('Conversation');
  return row;
}

async function messageRow(ctx: RequestContext, id: string): Promise<MessageRow> {
  const row = (await queries(ctx).messagesByIds([id])).get(id);
  if (!row) throw notFound('Message');
  return row;
}


@Resolver()
export class MessagesResolver {
  @Query(() => ConversationConnection, { description: 'Your conversations, the latest first, each with its unread count.' })
  async conversations(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const request = pageRequest(first, after);
    const page = await queries(ctx).conversations(request);
    for (const c of page.items) loaders(ctx).conversations.prime(c.id, c);
    return toConnection(page, request);
  }

  @Query(() => ConversationGqlType, { description: 'One of your conversations; any other id answers NOT_FOUND.' })
  conversation(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return ownConversation(ctx, id);
  }

  @Query(() => Int, { description: 'Unread messages in all your conversations.' })
  unreadMessageCount(@Ctx() ctx: RequestContext) {
    return queries(ctx).unreadTotal();
  }

  @Query(() => MessageConnection, { description: 'Full-text search (Russian stemming) in your own conversations, the newest first.' })
  async searchMessages(
    @Arg('query') query: string,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const request = pageRequest(first, after);
    return toConnection(await queries(ctx).search(query, request), request);
  }

  @Query(() => [MessageRecipientType], {
    description: 'Whom you may write to. About a student (studentId): a family sees the student\'s teachers, class teacher and administration; '
      + 'staff tied to the student see its family too. Without: the staff of your school (staff only).',
  })
  async messageRecipients(
    @Arg('studentId', () => ID, { nullable: true }) studentId: string | null,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const student = studentId ? fromGlobalId(studentId, 'Student', 'studentId') : null;
    if (student && !(await ctx.access.mayForStudent('conversation.aboutStudent', student))) throw notFound('Student');
    const rows = await queries(ctx).recipients(student, schoolId ? fromGlobalId(schoolId, 'School', 'schoolId') : null);
    return rows.map((r) => ({ ...r, user: ctx.loaders.one(User, r.userId) }));
  }

  @Mutation(() => ConversationGqlType, { description: 'Starts a conversation with its first message. Anyone you may not write to answers NOT_FOUND, like a missing person.' })
  async startConversation(@Arg('input') input: StartConversationInput, @Ctx() ctx: RequestContext) {
    const conversation = await service(ctx).startConversation({
      studentId: input.studentId ? fromGlobalId(input.studentId, 'Student', 'studentId') : null,
      schoolId: input.schoolId ? fromGlobalId(input.schoolId, 'School', 'schoolId') : null,
      participantIds: input.participantIds.slice(0, 1000).map((id) => fromGlobalId(id, 'User', 'participantIds')),
      subject: input.subject, body: input.body,
    });
    return ownConversation(ctx, toGlobalId('Conversation', conversation.id));
  }

  @Mutation(() => MessageGqlType)
  async sendMessage(@Arg('input') input: SendMessageInput, @Ctx() ctx: RequestContext) {
    const message = await service(ctx).sendMessage({ conversationId: fromGlobalId(input.conversationId, 'Conversation', 'conversationId'), body: input.body });
    return messageRow(ctx, message.id);
  }

  @Mutation(() => MessageGqlType, { description: 'Your own message; the earlier text is kept in `versions`.' })
  async editMessage(@Arg('input') input: EditMessageInput, @Ctx() ctx: RequestContext) {
    const message = await service(ctx).editMessage({ ...input, messageId: fromGlobalId(input.messageId, 'Message', 'messageId') });
    return messageRow(ctx, message.id);
  }

  @Mutation(() => ConversationGqlType, { description: 'Read receipt: you have read the conversation (up to a message number).' })
  async markConversationRead(@Arg('input') input: MarkConversationReadInput, @Ctx() ctx: RequestContext) {
    const id = fromGlobalId(input.conversationId, 'Conversation', 'conversationId');
    await service(ctx).markRead({ conversationId: id, upToNumber: input.upToNumber });
    return ownConversation(ctx, input.conversationId);
  }
}

@Resolver(() => ConversationGqlType)
export class ConversationResolver {
  @FieldResolver(() => ID) id(@Root() c: ConversationRow) { return toGlobalId('Conversation', c.id); }

  @FieldResolver(() => StudentType, { nullable: true })
  student(@Root() c: ConversationRow, @Ctx() ctx: RequestContext) {
    return c.studentId ? ctx.loaders.one(Student, c.studentId) : null;
  }

  @FieldResolver(() => [ConversationParticipantType])
  async participants(@Root() c: ConversationRow, @Ctx() ctx: RequestContext) {
    return (await loaders(ctx).participants.load(c.id)).map((p) => ({ ...p, user: ctx.loaders.one(User, p.userId) }));
  }

  @FieldResolver(() => MessageConnection)
  async messages(
    @Root() c: ConversationRow,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const request = pageRequest(first, after);
    return toConnection(await queries(ctx).messages(c.id, request), request);
  }
}

@Resolver(() => MessageGqlType)
export class MessageResolver {
  @FieldResolver(() => ID) id(@Root() m: MessageRow) { return toGlobalId('Message', m.id); }
  @FieldResolver(() => UserType) author(@Root() m: MessageRow, @Ctx() ctx: RequestContext) { return ctx.loaders.one(User, m.authorId); }
  @FieldResolver(() => Boolean) edited(@Root() m: MessageRow) { return m.revision > 1; }

  @FieldResolver(() => [MessageVersionType])
  versions(@Root() m: MessageRow, @Ctx() ctx: RequestContext) {
    return m.revision > 1 ? loaders(ctx).versions.load(m.id) : [];
  }

  @FieldResolver(() => [ConversationParticipantType])
  async readBy(@Root() m: MessageRow, @Ctx() ctx: RequestContext) {
    const participants = await loaders(ctx).participants.load(m.conversationId);
    return participants.filter((p) => p.userId !== m.authorId && p.lastReadNumber >= m.number).map((p) => ({ ...p, user: ctx.loaders.one(User, p.userId) }));
  }

  @FieldResolver(() => ConversationGqlType)
  async conversation(@Root() m: MessageRow, @Ctx() ctx: RequestContext) {
    const row = await loaders(ctx).conversations.load(m.conversationId);
    if (!row) throw notFound('Conversation');
    return row;
  }
}

async function announcement(ctx: RequestContext, id: string): Promise<AnnouncementRow> {
  const page = await announcementsFor(ctx.scope, null, sql`ann.id = ${id}::uuid`);
  if (!page.items[0]) throw notFound('Announcement');
  return page.items[0];
}

@Resolver(() => AnnouncementGqlType)
export class AnnouncementResolver {
  @Query(() => AnnouncementConnection, { description: 'Announcements that reach you (and yours), the newest first.' })
  async announcements(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const request = pageRequest(first, after);
    return toConnection(await announcementsFor(ctx.scope, request), request);
  }

  @Mutation(() => AnnouncementGqlType, { description: 'Announces to the whole school or a parallel (the administration) or to classes (the administration; a class teacher: their own).' })
  async createAnnouncement(@Arg('input') input: CreateAnnouncementInput, @Ctx() ctx: RequestContext) {
    const created = await new AnnouncementsService(ctx.scope).create({
      ...input,
      schoolId: input.schoolId ? fromGlobalId(input.schoolId, 'School', 'schoolId') : null,
      classGroupIds: input.classGroupIds?.slice(0, 1000).map((id) => fromGlobalId(id, 'ClassGroup', 'classGroupIds')) ?? null,
    });
    return announcement(ctx, created.id);
  }

  @Mutation(() => AnnouncementGqlType, { description: 'You have read it (the author\'s read count).' })
  async markAnnouncementRead(@Arg('announcementId', () => ID) announcementId: string, @Ctx() ctx: RequestContext) {
    const id = fromGlobalId(announcementId, 'Announcement', 'announcementId');
    await new AnnouncementsService(ctx.scope).markRead(id);
    return announcement(ctx, id);
  }

  @FieldResolver(() => ID) id(@Root() a: AnnouncementRow) { return toGlobalId('Announcement', a.id); }

  @FieldResolver(() => [ClassGroupType])
  async classes(@Root() a: AnnouncementRow, @Ctx() ctx: RequestContext) {
    return Promise.all(a.classGroupIds.map((id) => ctx.loaders.one(ClassGroup, id)));
  }
}

@Resolver(() => ClassWeekAcknowledgementType)
export class WeekAcknowledgementResolver {
  @Mutation(() => [WeekAcknowledgementType], { description: '«Ознакомлен»: you (a parent) have seen your child\'s diary of the week starting on that Monday. Answers the week\'s acknowledgements.' })
  acknowledgeWeek(
    @Arg('studentId', () => ID) studentId: string,
    @Arg('weekStartsOn', () => DateScalar) weekStartsOn: string,
    @Ctx() ctx: RequestContext,
  ) {
    return new AcknowledgementsService(ctx.scope).acknowledge(fromGlobalId(studentId, 'Student', 'studentId'), weekStartsOn);
  }

  @Query(() => [ClassWeekAcknowledgementType], { description: 'Who of the class has and has not acknowledged the week (its class teacher; the administration).' })
  async classWeekAcknowledgements(
    @Arg('classGroupId', () => ID) classGroupId: string,
    @Arg('weekStartsOn', () => DateScalar) weekStartsOn: string,
    @Ctx() ctx: RequestContext,
  ) {
    const reach = await ctx.access.classReach(fromGlobalId(classGroupId, 'ClassGroup', 'classGroupId'));
    if (!reach || !ctx.access.allows('weekAcknowledgement.report', reach)) throw notFound('ClassGroup');
    return new AcknowledgementsService(ctx.scope).classReport(reach, weekStartsOn);
  }

  @FieldResolver(() => StudentType)
  student(@Root() row: ClassWeekRow, @Ctx() ctx: RequestContext) {
    return ctx.loaders.one(Student, row.studentId);
  }
}

async function absenceNote(ctx: RequestContext, id: string): Promise<AbsenceNoteRow> {
  const page = await absenceNotesFor(ctx.scope, { noteId: id }, { first: 1, offset: 0 });
  if (!page.items[0]) throw notFound('AbsenceNote');
  return page.items[0];
}

@Resolver(() => AbsenceNoteGqlType)
export class AbsenceNoteResolver {
  @Query(() => AbsenceNoteConnection, { description: 'Absence notes you may read (your children\'s; your class\'s; of students you teach; the school\'s for the administration), the newest first.' })
  async absenceNotes(
    @Arg('studentId', () => ID, { nullable: true }) studentId: string | null,
    @Arg('state', () => AbsenceNoteState, { nullable: true }) state: AbsenceNoteState | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    const request = pageRequest(first, after);
    const student = studentId ? fromGlobalId(studentId, 'Student', 'studentId') : null;
    return toConnection(await absenceNotesFor(ctx.scope, { studentId: student, state }, request), request);
  }

  @Mutation(() => AbsenceNoteGqlType, { description: 'A parent reports that their child will be or was absent (days, or lessons of each day), with a reason and an optional scan.' })
  async submitAbsenceNote(@Arg('input') input: SubmitAbsenceNoteInput, @Ctx() ctx: RequestContext) {
    const note = await new AbsenceNotesService(ctx.scope).submit({
      ...input,
      studentId: fromGlobalId(input.studentId, 'Student', 'studentId'),
      documentId: input.documentId ? fromGlobalId(input.documentId, 'StagedFile', 'documentId') : null,
    });
    return absenceNote(ctx, note.id);
  }

  @Mutation(() => AbsenceNoteGqlType, { description: 'The class teacher accepts (the reasons of the absences in its span are set, now and as they are recorded) or declines a note.' })
  async decideAbsenceNote(@Arg('input') input: DecideAbsenceNoteInput, @Ctx() ctx: RequestContext) {
    const { note } = await new AbsenceNotesService(ctx.scope).decide({ ...input, noteId: fromGlobalId(input.noteId, 'AbsenceNote', 'noteId') });
    return absenceNote(ctx, note.id);
  }

  @FieldResolver(() => ID) id(@Root() n: AbsenceNoteRow) { return toGlobalId('AbsenceNote', n.id); }
  @FieldResolver(() => StudentType) student(@Root() n: AbsenceNoteRow, @Ctx() ctx: RequestContext) { return ctx.loaders.one(Student, n.studentId); }
  @FieldResolver(() => AbsenceNoteDocumentType, { nullable: true })
  document(@Root() n: AbsenceNoteRow, @Ctx() ctx: RequestContext) {
    return n.documentType ? absenceNoteDocument(ctx.scope, n.id) : null;
  }
}

export const MESSAGE_RESOLVERS = [
  MessagesResolver, ConversationResolver, MessageResolver, AnnouncementResolver, WeekAcknowledgementResolver, AbsenceNoteResolver,
  InboxEventsResolver,
] as const;
