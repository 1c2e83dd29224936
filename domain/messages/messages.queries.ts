import { badInput } from '../../lib/errors';
import { sql, uuidArray, type Sql } from '../../lib/sql';
import { mayTakePartSql, partiesOfStudent, staffOfSchool } from '../../permissions/messaging';
import { schoolsWhere } from '../../permissions/registry';
import type { RequestScope } from '../request-scope';
import type { Page, PageRequest } from '../journal/journal.queries';
import { MESSAGE_LIMITS } from './messages.service';

/** A conversation as its participant sees it. */
export interface ConversationRow {
  id: string;
  schoolId: string;
  studentId: string | null;
  subject: string;
  createdAt: Date;
  lastMessageAt: Date;
  messageCount: number;
  /** Messages by others after the viewer's read mark. */
  unreadCount: number;
  lastReadNumber: number;
}

export interface MessageRow {
  id: string;
  conversationId: string;
  number: number;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  revision: number;
}

export interface ParticipantRow { conversationId: string; userId: string; name: string; lastReadNumber: number; lastReadAt: Date | null }
export interface RecipientRow { userId: string; name: string; side: 'family' | 'staff'; ties: string[] }

/** A person's name from whichever card of theirs exists (staff, guardian, student), else their login. */
export function nameOf(user: Sql): Sql {
  return sql`coalesce(
      (select concat_ws(' ', ne.last_name, ne.first_name, ne.middle_name) from employee ne where ne.user_id = ${user} limit 1),
      (select concat_ws(' ', ng.last_name, ng.first_name, ng.middle_name) from guardian ng where ng.user_id = ${user} limit 1),
      (select concat_ws(' ', ns.last_name, ns.first_name, ns.middle_name) from student ns where ns.user_id = ${user} limit 1),
      (select nu.login from app_user nu where nu.id = ${user}))`;
}

function toConversation(r: Record<string, any>): ConversationRow {
  return {
    id: r.id, schoolId: r.school_id, studentId: r.student_id, subject: r.subject, createdAt: new Date(r.created_at),
    lastMessageAt: new Date(r.last_message_at), messageCount: Number(r.message_count), unreadCount: Number(r.unread_count),
    lastReadNumber: Number(r.last_read_number),
  };
}

function toMessage(r: Record<string, any>): MessageRow {
  return {
    id: r.id, conversationId: r.conversation_id, number: Number(r.number), authorId: r.author_id, authorName: r.author_name,
    body: r.body, createdAt: new Date(r.created_at), editedAt: r.edited_at ? new Date(r.edited_at) : null, revision: Number(r.revision),
  };
}

/**
 * Reads of one's own conversations. Every read is one statement with the tie check inside it
 * (permissions/messaging.ts): a conversation the viewer left the ties of is gone from every list
 * and answers like a missing one.
 */
export class MessagesQueries {
  constructor(private readonly scope: RequestScope) {}

  private get me(): Sql {
    return sql`${this.scope.viewer.userId}::uuid`;
  }

  private conversationsStatement(where: Sql, page: PageRequest | null): Sql {
    const now = this.scope.clock.now();
    const paging = page ? sql` limit ${page.first} offset ${page.offset}` : sql``;
    return sql`select conv.id, conv.school_id, conv.student_id, conv.subject, conv.created_at, conv.last_message_at, conv.message_count,
          part.last_read_number,
          (select count(*) from message um where um.conversation_id = conv.id and um.number > part.last_read_number and um.author_id <> ${this.me}) as unread_count,
          count(*) over () as total
        from conversation_participant part join conversation conv on conv.id = part.conversation_id
       where part.user_id = ${this.me} and ${where} and ${mayTakePartSql(this.me, 'conv', now)}
       order by conv.last_message_at desc, conv.id${paging}`;
  }

  /** The viewer's conversations, the latest first, with their unread counts (one statement). */
  async conversations(page: PageRequest): Promise<Page<ConversationRow>> {
    const statement = this.conversationsStatement(sql`true`, page);
    const rows = await this.scope.em.execute(statement.text, [...statement.values]);
    const total = rows.length > 0 ? Number(rows[0].total) : page.offset > 0 ? await this.countConversations() : 0;
    return { items: rows.map(toConversation), total };
  }

  private async countConversations(): Promise<number> {
    const statement = this.conversationsStatement(sql`true`, null);
    return (await this.scope.em.execute(statement.text, [...statement.values])).length;
  }

  /** Conversations by id, the viewer's only (others are simply absent). */
  async conversationsByIds(ids: readonly string[]): Promise<Map<string, ConversationRow>> {
    const statement = this.conversationsStatement(sql`conv.id = any(${uuidArray(ids)}::uuid[])`, null);
    const rows = await this.scope.em.execute(statement.text, [...statement.values]);
    return new Map(rows.map((r) => [r.id as string, toConversation(r)]));
  }

  /** The viewer's unread messages in all their conversations. */
  async unreadTotal(): Promise<number> {
    const all = this.conversationsStatement(sql`true`, null);
    const statement = sql`select coalesce(sum(x.unread_count), 0)::int as n from (${all}) x`;
    const [row] = await this.scope.em.execute<{ n: number }[]>(statement.text, [...statement.values]);
    return Number(row?.n ?? 0);
  }

  /**
   * Messages of the conversations matching `conversations` that the viewer may take part in: the
   * tie check runs once per conversation (a materialized set), not once per message.
   */
  private messagesStatement(conversations: Sql, where: Sql, order: Sql, page: PageRequest): Sql {
    const now = this.scope.clock.now();
    return sql`with allowed as materialized (
          select conv.id from conversation_participant part join conversation conv on conv.id = part.conversation_id
           where part.user_id = ${this.me} and ${conversations} and ${mayTakePartSql(this.me, 'conv', now)})
        select msg.id, msg.conversation_id, msg.number, msg.author_id, ${nameOf(sql`msg.author_id`)} as author_name,
          msg.body, msg.created_at, msg.edited_at, msg.revision, count(*) over () as total
        from message msg join allowed on allowed.id = msg.conversation_id
       where ${where}
       order by ${order} limit ${page.first} offset ${page.offset}`;
  }

  private async page(statement: Sql, page: PageRequest): Promise<Page<MessageRow>> {
    const rows = await this.scope.em.execute(statement.text, [...statement.values]);
    // A page past the end has no row to carry the total: such a cursor is the client's own past the end.
    return { items: rows.map(toMessage), total: rows.length > 0 ? Number(rows[0].total) : page.offset };
  }

  /** A conversation's messages, the newest first (the caller checked the conversation is the viewer's; checked again here). */
  async messages(conversationId: string, page: PageRequest): Promise<Page<MessageRow>> {
    return this.page(this.messagesStatement(sql`conv.id = ${conversationId}::uuid`, sql`true`, sql`msg.number desc`, page), page);
  }

  /**
   * Full-text search (PostgreSQL's `russian` configuration: stemmed, so «урока» finds «урок»;
   * `websearch_to_tsquery` takes what people type, quotes and minus included) over the messages
   * of the viewer's own conversations, through the GIN index on `to_tsvector('russian', body)`.
   */
  async search(query: string, page: PageRequest): Promise<Page<MessageRow>> {
    const text = query.trim();
    if (!text) throw badInput('query', '"query" must not be empty.');
    if (text.length > MESSAGE_LIMITS.search) throw badInput('query', `"query" is longer than ${MESSAGE_LIMITS.search} characters.`);
    const where = sql`to_tsvector('russian', msg.body) @@ websearch_to_tsquery('russian', ${text})`;
    return this.page(this.messagesStatement(sql`true`, where, sql`msg.created_at desc, msg.number desc`, page), page);
  }

  /** Messages by id, if the viewer may read their conversations. */
  async messagesByIds(ids: readonly string[]): Promise<Map<string, MessageRow>> {
    const wanted = sql`${uuidArray(ids)}::uuid[]`;
    const request = { first: Math.max(ids.length, 1), offset: 0 };
    const rows = await this.page(this.messagesStatement(
      sql`conv.id in (select wm.conversation_id from message wm where wm.id = any(${wanted}))`, sql`msg.id = any(${wanted})`, sql`msg.id`, request), request);
    return new Map(rows.items.map((m) => [m.id, m]));
  }

  /**
   * A message an inbox event points at, for its recipient: the live hub has just judged the tie
   * (domain/diary/receivers.ts), so this reads by id with the participant check only — one light
   * statement per delivery instead of the tie check again.
   */
  async messageForDelivery(id: string): Promise<MessageRow | null> {
    const statement = sql`select msg.id, msg.conversation_id, msg.number, msg.author_id, ${nameOf(sql`msg.author_id`)} as author_name,
          msg.body, msg.created_at, msg.edited_at, msg.revision
        from message msg where msg.id = ${id}::uuid
         and exists(select 1 from conversation_participant dp where dp.conversation_id = msg.conversation_id and dp.user_id = ${this.me})`;
    const [row] = await this.scope.em.execute(statement.text, [...statement.values]);
    return row ? toMessage(row) : null;
  }

  /** The earlier texts of messages (one statement for a page of messages). */
  async versions(messageIds: readonly string[]): Promise<Map<string, { revision: number; body: string; writtenAt: Date }[]>> {
    const rows = await this.scope.em.execute<{ message_id: string; revision: number; body: string; written_at: string }[]>(
      `select message_id, revision, body, written_at from message_version where message_id = any(?::uuid[]) order by message_id, revision`,
      [uuidArray(messageIds)]);
    const byMessage = new Map<string, { revision: number; body: string; writtenAt: Date }[]>();
    for (const r of rows) {
      const list = byMessage.get(r.message_id) ?? [];
      list.push({ revision: Number(r.revision), body: r.body, writtenAt: new Date(r.written_at) });
      byMessage.set(r.message_id, list);
    }
    return byMessage;
  }

  /** The participants of conversations (the caller read the conversations through the tie check). */
  async participants(conversationIds: readonly string[]): Promise<Map<string, ParticipantRow[]>> {
    const statement = sql`select part.conversation_id, part.user_id, ${nameOf(sql`part.user_id`)} as name, part.last_read_number, part.last_read_at
        from conversation_participant part where part.conversation_id = any(${uuidArray(conversationIds)}::uuid[]) order by part.joined_at, part.id`;
    const rows = await this.scope.em.execute(statement.text, [...statement.values]);
    const result = new Map<string, ParticipantRow[]>();
    for (const r of rows) {
      const list = result.get(r.conversation_id) ?? [];
      list.push({ conversationId: r.conversation_id, userId: r.user_id, name: r.name, lastReadNumber: Number(r.last_read_number), lastReadAt: r.last_read_at ? new Date(r.last_read_at) : null });
      result.set(r.conversation_id, list);
    }
    return result;
  }

  /**
   * Whom the viewer may write to. About a student: its parties (permissions/messaging.ts) but the
   * viewer; a family member (the student, a parent) sees only the staff side — never a directory
   * of other families. Without a student: the staff of the viewer's school, for staff.
   */
  async recipients(studentId: string | null, schoolId: string | null): Promise<RecipientRow[]> {
    const now = this.scope.clock.now();
    let statement: Sql;
    if (studentId) {
      const parties = partiesOfStudent(sql`${studentId}::uuid`, now);
      statement = sql`with parties as materialized (${parties})
        select party.user_id, ${nameOf(sql`party.user_id`)} as name, party.side, party.tie from parties party
         where party.user_id <> ${this.me}
           and (party.side = 'staff' or not exists(select 1 from parties mine where mine.user_id = ${this.me} and mine.side = 'family'))
         order by party.side desc, name`;
    } else {
      const schools = schoolsWhere(this.scope.viewer, 'conversation.amongStaff');
      const school = schoolId ?? (schools.length === 1 ? schools[0] : null);
      if (!school || !schools.includes(school)) return [];
      statement = sql`select st.user_id, ${nameOf(sql`st.user_id`)} as name, 'staff' as side, 'staff' as tie from (${staffOfSchool(sql`${school}::uuid`)}) st
         where st.user_id <> ${this.me} order by name`;
    }
    const rows = await this.scope.em.execute(statement.text, [...statement.values]);
    return rows.map((r) => ({ userId: r.user_id, name: r.name, side: r.side, ties: String(r.tie).split('+') }));
  }
}
