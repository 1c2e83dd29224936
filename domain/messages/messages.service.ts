import { LockMode } from '@mikro-orm/core';
import { Conversation, ConversationParticipant, Message, MessageVersion, School, Student, User } from '../../entities';
import { badInput, conflict, notFound } from '../../lib/errors';
import { requiredText } from '../../lib/text';
import { sql, uuidArray } from '../../lib/sql';
import { isPartyOfStudent, isStaffOfSchool, mayTakePartSql } from '../../permissions/messaging';
import { schoolsWhere } from '../../permissions/registry';
import type { RequestScope } from '../request-scope';
import { writeTransaction, type WriteUnit } from '../write';

/** Sizes a client cannot exceed: a message is a note to a teacher, not a document. */
export const MESSAGE_LIMITS = { body: 4000, subject: 200, participants: 20, search: 200 } as const;

export interface StartConversationCommand {
  /** The student the conversation is about; null: among the school's staff. */
  studentId: string | null;
  /** A staff conversation's school, when the viewer is staff of several. */
  schoolId?: string | null;
  participantIds: string[];
  subject: string;
  body: string;
}

export interface SendMessageCommand { conversationId: string; body: string }
export interface EditMessageCommand { messageId: string; body: string; expectedRevision?: number | null }
export interface MarkReadCommand { conversationId: string; upToNumber?: number | null }

/**
 * Messages (issue 15 part 1). Every check goes through permissions/messaging.ts at the moment of
 * the write, in the writing transaction: a participant whose tie is gone (a revoked guardianship,
 * a lost class) is refused like a missing conversation (NOT_FOUND), and so is anybody naming a
 * person they may not write to. Every write commits with its audit entry (ids only: the text is
 * personal data and stays in the message) and the recipients' live events.
 */
export class MessagesService {
  constructor(private readonly scope: RequestScope) {}

  private get me(): string {
    return this.scope.viewer.userId;
  }

  async startConversation(cmd: StartConversationCommand): Promise<Conversation> {
    const subject = requiredText(cmd.subject, 'subject', MESSAGE_LIMITS.subject);
    const body = requiredText(cmd.body, 'body', MESSAGE_LIMITS.body);
    const others = [...new Set(cmd.participantIds)].filter((id) => id !== this.me);
    if (others.length === 0) throw badInput('participantIds', 'Name at least one person to write to.');
    if (others.length > MESSAGE_LIMITS.participants) throw badInput('participantIds', `At most ${MESSAGE_LIMITS.participants} people in a conversation.`);
    return writeTransaction(this.scope, async (unit) => {
      const { em, now } = unit;
      let schoolId: string;
      if (cmd.studentId) {
        // Not tied to the student: exactly like a student that does not exist.
        if (!(await this.scope.access.mayForStudent('conversation.aboutStudent', cmd.studentId))) throw notFound('Student');
        schoolId = (await this.scope.access.student(cmd.studentId)).schoolId!;
      } else {
        const schools = schoolsWhere(this.scope.viewer, 'conversation.amongStaff');
        const wanted = cmd.schoolId ?? (schools.length === 1 ? schools[0] : null);
        if (!wanted || !schools.includes(wanted)) throw notFound('School');
        schoolId = wanted;
      }
      // Everyone named must be someone the viewer may write to here; any other answers like a missing person.
      const check = cmd.studentId
        ? sql`select cand.id from app_user cand where cand.id = any(${uuidArray(others)}::uuid[]) and ${isPartyOfStudent(sql`cand.id`, sql`${cmd.studentId}::uuid`, now)}`
        : sql`select cand.id from app_user cand where cand.id = any(${uuidArray(others)}::uuid[]) and ${isStaffOfSchool(sql`cand.id`, sql`${schoolId}::uuid`)}`;
      const allowed = new Set((await em.execute<{ id: string }[]>(check.text, [...check.values])).map((r) => r.id));
      if (others.some((id) => !allowed.has(id))) throw notFound('User');

      const conversation = em.create(Conversation, {
        school: em.getReference(School, schoolId), student: cmd.studentId ? em.getReference(Student, cmd.studentId) : undefined,
        subject, createdBy: em.getReference(User, this.me), createdAt: now, lastMessageAt: now, messageCount: 1,
      });
      for (const userId of [this.me, ...others]) {
        em.create(ConversationParticipant, {
          conversation, user: em.getReference(User, userId), joinedAt: now, lastReadNumber: userId === this.me ? 1 : 0,
          lastReadAt: userId === this.me ? now : undefined,
        });
      }
      const message = em.create(Message, { conversation, number: 1, author: em.getReference(User, this.me), body, createdAt: now });
      unit.audit({ schoolId, action: 'conversation.start', entityType: 'Conversation', entityId: conversation.id, after: {
        studentId: cmd.studentId, participantIds: [this.me, ...others], messageId: message.id,
      } });
      await em.flush();
      await this.announce(unit, conversation.id, message.id);
      return conversation;
    });
  }

  async sendMessage(cmd: SendMessageCommand): Promise<Message> {
    const body = requiredText(cmd.body, 'body', MESSAGE_LIMITS.body);
    return writeTransaction(this.scope, async (unit) => {
      const { em, now } = unit;
      // Checked and numbered in one statement, the conversation row locked until commit: sends are numbered in order.
      const statement = sql`update conversation conv set message_count = conv.message_count + 1, last_message_at = ${now}
        where conv.id = ${cmd.conversationId}::uuid and ${mayTakePartSql(sql`${this.me}::uuid`, 'conv', now)}
        returning conv.message_count as number, conv.school_id`;
      const [row] = await em.execute<{ number: number; school_id: string }[]>(statement.text, [...statement.values]);
      if (!row) throw notFound('Conversation');
      const conversation = em.getReference(Conversation, cmd.conversationId);
      const message = em.create(Message, { conversation, number: row.number, author: em.getReference(User, this.me), body, createdAt: now });
      unit.audit({ schoolId: row.school_id, action: 'message.send', entityType: 'Message', entityId: message.id, after: { conversationId: cmd.conversationId, number: row.number } });
      await em.flush();
      // The sender has read what they wrote.
      await em.execute(`update conversation_participant set last_read_number = greatest(last_read_number, ?), last_read_at = ?
         where conversation_id = ? and user_id = ?`, [row.number, now, cmd.conversationId, this.me]);
      await this.announce(unit, cmd.conversationId, message.id);
      return message;
    });
  }

  /** An edit keeps the earlier text (a version), like a corrected mark; only the author edits, while still in the conversation. */
  async editMessage(cmd: EditMessageCommand): Promise<Message> {
    const body = requiredText(cmd.body, 'body', MESSAGE_LIMITS.body);
    return writeTransaction(this.scope, async (unit) => {
      const { em, now } = unit;
      const readable = sql`select msg.id from message msg join conversation conv on conv.id = msg.conversation_id
        where msg.id = ${cmd.messageId}::uuid and msg.author_id = ${this.me}::uuid and ${mayTakePartSql(sql`${this.me}::uuid`, 'conv', now)}`;
      const found = await em.execute<{ id: string }[]>(readable.text, [...readable.values]);
      // Someone else's message, or one the viewer may no longer reach: as if it did not exist.
      if (found.length === 0) throw notFound('Message');
      const message = await em.findOneOrFail(Message, cmd.messageId, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['conversation'] });
      if (cmd.expectedRevision != null && cmd.expectedRevision !== message.revision) {
        throw conflict(`The message was edited meanwhile (now at revision ${message.revision}); reload it and try again.`);
      }
      if (message.body === body) throw badInput('body', 'The message already reads so.');
      em.create(MessageVersion, { message, revision: message.revision, body: message.body, writtenAt: message.editedAt ?? message.createdAt });
      const before = { revision: message.revision };
      message.body = body;
      message.revision += 1;
      message.editedAt = now;
      unit.audit({ schoolId: message.conversation.school.id, action: 'message.edit', entityType: 'Message', entityId: message.id, before, after: { revision: message.revision } });
      return message;
    });
  }

  /** Read receipt: the viewer has read the conversation up to message `upToNumber` (default: all of it). */
  async markRead(cmd: MarkReadCommand): Promise<Conversation> {
    if (cmd.upToNumber != null && (!Number.isInteger(cmd.upToNumber) || cmd.upToNumber < 0)) throw badInput('upToNumber', '"upToNumber" is a message number.');
    return writeTransaction(this.scope, async ({ em, now }) => {
      const statement = sql`update conversation_participant part
           set last_read_number = greatest(part.last_read_number, least(conv.message_count, coalesce(${cmd.upToNumber ?? null}::int, conv.message_count))),
               last_read_at = ${now}
          from conversation conv
         where conv.id = part.conversation_id and conv.id = ${cmd.conversationId}::uuid and part.user_id = ${this.me}::uuid
           and ${mayTakePartSql(sql`${this.me}::uuid`, 'conv', now)}
         returning conv.id`;
      const rows = await em.execute<{ id: string }[]>(statement.text, [...statement.values]);
      if (rows.length === 0) throw notFound('Conversation');
      return em.findOneOrFail(Conversation, cmd.conversationId);
    });
  }

  /**
   * MESSAGE_RECEIVED for every other participant still tied to the conversation, in one
   * statement whatever their number; the hub re-checks each at delivery.
   */
  private async announce(unit: WriteUnit, conversationId: string, messageId: string): Promise<void> {
    const { em, now } = unit;
    const statement = sql`insert into diary_event (type, school_id, student_id, recipient_id, message_id, occurred_at)
      select 'MESSAGE_RECEIVED', conv.school_id, conv.student_id, part.user_id, ${messageId}::uuid, ${now}
        from conversation conv join conversation_participant part on part.conversation_id = conv.id
       where conv.id = ${conversationId}::uuid and part.user_id <> ${this.me}::uuid and ${mayTakePartSql(sql`part.user_id`, 'conv', now)}`;
    await em.execute(statement.text, [...statement.values]);
    unit.addedDiaryEvents();
  }
}

