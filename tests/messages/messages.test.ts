import { buildParent, buildWorld, type World } from '../support/factories';
import { TestServer } from '../support/server';
import { toGlobalId } from '../../schema/global-id';
import { CONVERSATION, CONVERSATIONS, EDIT, MARK_READ, RECIPIENTS, SEARCH, SEND, START, caller, sid, uid } from './support';

// Messages (issue 15 part 1) through the real API: who may write to whom (every refusal answers
// like a missing person), edits keeping their history, read receipts and unread counts, search in
// one's own conversations, and a revoked guardianship cutting the parent out at once.

let server: TestServer;
let w: World;
let as: ReturnType<typeof caller>;

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
  as = caller(server);
});
afterAll(async () => { await server.stop(); });

const count = async (table: string) => Number((await server.em().getConnection().execute(`select count(*)::int as n from ${table}`))[0].n);

async function start(from: { id: string }, to: { id: string }[], studentId: string | null, body = 'Здравствуйте!') {
  return as(from).ok(START, { i: { studentId, participantIds: to.map(uid), subject: 'Вопрос', body } });
}

describe('whom a family may write to', () => {
  it('a parent sees the child\'s teachers, class teacher and administration, never another family', async () => {
    const list: any[] = await as(w.parent.user).ok(RECIPIENTS, { studentId: sid(w.student.student) });
    const ids = new Set(list.map((r) => r.user.id));
    for (const staff of [w.teacher, w.classTeacher, w.admin, w.director, w.deputy]) expect(ids.has(uid(staff.user))).toBe(true);
    for (const other of [w.otherParent.user, w.student.user!, w.secretary.user, w.primaryTeacher.user, w.otherAdmin.user]) expect(ids.has(uid(other))).toBe(false);
    expect(list.every((r) => r.side === 'staff')).toBe(true);
    expect(list.find((r) => r.user.id === uid(w.classTeacher.user)).ties).toEqual(expect.arrayContaining(['class_teacher', 'teacher']));
  });

  it('another family\'s child answers like a missing student', async () => {
    expect(await as(w.parent.user).code(RECIPIENTS, { studentId: sid(w.otherStudent.student) })).toBe('NOT_FOUND');
    expect(await as(w.parent.user).code(RECIPIENTS, { studentId: toGlobalId('Student', '00000000-0000-4000-8000-000000000000') })).toBe('NOT_FOUND');
  });

  it('a teacher of the student sees its family as well', async () => {
    const list: any[] = await as(w.teacher.user).ok(RECIPIENTS, { studentId: sid(w.student.student) });
    const ids = list.map((r) => r.user.id);
    expect(ids).toEqual(expect.arrayContaining([uid(w.parent.user), uid(w.student.user!)]));
    expect(ids).not.toContain(uid(w.otherParent.user));
  });

  it('every refusal to write answers NOT_FOUND and writes nothing', async () => {
    const before = [await count('conversation'), await count('message'), await count('diary_event')];
    const refusals: [{ id: string }, { id: string }[], string | null][] = [
      [w.parent.user, [w.otherParent.user], sid(w.student.student)], // another family
      [w.parent.user, [w.teacher.user], sid(w.otherStudent.student)], // another family's child
      [w.parent.user, [w.primaryTeacher.user], sid(w.student.student)], // a teacher with no tie to the child
      [w.parent.user, [w.otherAdmin.user], sid(w.student.student)], // another school
      [w.parent.user, [w.secretary.user], sid(w.student.student)], // staff outside the family row of the matrix
      [w.primaryTeacher.user, [w.parent.user], sid(w.student.student)], // a teacher who does not teach the child
      [w.parent.user, [w.teacher.user], null], // a parent is not staff
      [w.secretary.user, [w.otherAdmin.user], null], // staff of another school
    ];
    for (const [from, to, student] of refusals) {
      const r = await as(from).call(START, { i: { studentId: student, participantIds: to.map(uid), subject: 'x', body: 'y' } });
      expect({ from: from.id, code: r.errors?.[0]?.extensions?.code }).toEqual({ from: from.id, code: 'NOT_FOUND' });
    }
    expect([await count('conversation'), await count('message'), await count('diary_event')]).toEqual(before);
  });

  it('a coordinator has no messages at all (FORBIDDEN)', async () => {
    expect(await as(w.coordinator).code(CONVERSATIONS)).toBe('FORBIDDEN');
  });

  it('refuses huge inputs', async () => {
    const huge = 'а'.repeat(4001);
    expect(await as(w.parent.user).code(START, { i: { studentId: sid(w.student.student), participantIds: [uid(w.teacher.user)], subject: 'x', body: huge } })).toBe('BAD_USER_INPUT');
    const many = Array.from({ length: 21 }, (_, i) => toGlobalId('User', `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`));
    expect(await as(w.parent.user).code(START, { i: { studentId: sid(w.student.student), participantIds: many, subject: 'x', body: 'y' } })).toBe('BAD_USER_INPUT');
    expect(await as(w.parent.user).code(SEARCH, { q: 'я'.repeat(201) })).toBe('BAD_USER_INPUT');
  });
});

describe('a conversation', () => {
  it('goes both ways, with unread counts and read receipts', async () => {
    const c = await start(w.parent.user, [w.teacher.user], sid(w.student.student), 'Сын болеет, пропустит контрольную.');
    expect(c.messageCount).toBe(1);
    expect(c.unreadCount).toBe(0);
    const forTeacher = await as(w.teacher.user).ok(CONVERSATION, { id: c.id });
    expect(forTeacher.unreadCount).toBe(1);
    expect(forTeacher.messages.edges[0].node.readBy).toEqual([]);

    await as(w.teacher.user).ok(MARK_READ, { i: { conversationId: c.id } });
    const seen = await as(w.parent.user).ok(CONVERSATION, { id: c.id });
    expect(seen.messages.edges[0].node.readBy).toEqual([{ user: { id: uid(w.teacher.user) } }]);

    const reply = await as(w.teacher.user).ok(SEND, { i: { conversationId: c.id, body: 'Выздоравливайте!' } });
    expect(reply.number).toBe(2);
    expect((await as(w.parent.user).ok(CONVERSATION, { id: c.id })).unreadCount).toBe(1);
    expect((await as(w.teacher.user).ok(CONVERSATION, { id: c.id })).unreadCount).toBe(0);
    // Someone not in it: exactly like a conversation that does not exist.
    expect(await as(w.classTeacher.user).code(CONVERSATION, { id: c.id })).toBe('NOT_FOUND');
    expect(await as(w.otherParent.user).code(SEND, { i: { conversationId: c.id, body: 'чужой' } })).toBe('NOT_FOUND');
  });

  it('a parent of two children chooses which child it is about', async () => {
    const twoChildren = await buildParent(server.em(), w.school, [w.student.student, w.otherStudent.student]);
    const about5b = await start(twoChildren.user, [w.teacher.user], sid(w.otherStudent.student));
    const list = await as(twoChildren.user).ok(CONVERSATIONS);
    expect(list.edges.map((e: any) => e.node.student.id)).toEqual([sid(w.otherStudent.student)]);
    // The class teacher of 5А is no party of a 5Б pupil's conversation.
    expect(await as(twoChildren.user).code(START, { i: { studentId: sid(w.otherStudent.student), participantIds: [uid(w.classTeacher.user)], subject: 'x', body: 'y' } })).toBe('NOT_FOUND');
    expect(about5b.id).toBeTruthy();
  });

  it('an edit keeps the earlier text; only the author edits', async () => {
    const c = await start(w.parent.user, [w.classTeacher.user], sid(w.student.student), 'Первый текст');
    const messageId = c.messages.edges[0].node.id;
    expect(await as(w.classTeacher.user).code(EDIT, { i: { messageId, body: 'подмена' } })).toBe('NOT_FOUND');
    const edited = await as(w.parent.user).ok(EDIT, { i: { messageId, body: 'Исправленный текст', expectedRevision: 1 } });
    expect(edited).toMatchObject({ body: 'Исправленный текст', edited: true, revision: 2, versions: [{ revision: 1, body: 'Первый текст' }] });
    expect(await as(w.parent.user).code(EDIT, { i: { messageId, body: 'ещё', expectedRevision: 1 } })).toBe('CONFLICT');
    const seen = await as(w.classTeacher.user).ok(CONVERSATION, { id: c.id });
    expect(seen.messages.edges[0].node).toMatchObject({ body: 'Исправленный текст', edited: true, versions: [{ revision: 1, body: 'Первый текст' }] });
  });

  it('pages its messages (Relay)', async () => {
    const c = await start(w.teacher.user, [w.otherParent.user], sid(w.otherStudent.student), 'м1');
    for (let i = 2; i <= 5; i += 1) await as(w.teacher.user).ok(SEND, { i: { conversationId: c.id, body: `м${i}` } });
    const first = await as(w.otherParent.user).ok(CONVERSATION, { id: c.id, first: 2 });
    expect(first.messages.totalCount).toBe(5);
    expect(first.messages.edges.map((e: any) => e.node.body)).toEqual(['м5', 'м4']);
    const next = await as(w.otherParent.user).ok(CONVERSATION, { id: c.id, first: 2, after: first.messages.pageInfo.endCursor });
    expect(next.messages.edges.map((e: any) => e.node.body)).toEqual(['м3', 'м2']);
    expect(first.unreadCount).toBe(5);
  });

  it('among staff: staff of the school only', async () => {
    const c = await start(w.secretary.user, [w.hr.user, w.director.user], null, 'Совещание в пятницу');
    expect(c.participants).toHaveLength(3);
    expect((await as(w.hr.user).ok(CONVERSATION, { id: c.id })).unreadCount).toBe(1);
    expect(await as(w.parent.user).code(CONVERSATION, { id: c.id })).toBe('NOT_FOUND');
  });

  it('search finds Russian word forms in one\'s own conversations only', async () => {
    await start(w.parent.user, [w.teacher.user], sid(w.student.student), 'Когда будет контрольная работа по математике?');
    await start(w.teacher.user, [w.otherParent.user], sid(w.otherStudent.student), 'Контрольная перенесена');
    const found = await as(w.parent.user).ok(SEARCH, { q: 'контрольной работы' });
    expect(found.edges.map((e: any) => e.node.body)).toEqual(['Когда будет контрольная работа по математике?']);
    const teacherFinds = await as(w.teacher.user).ok(SEARCH, { q: 'контрольная' });
    expect(teacherFinds.totalCount).toBeGreaterThanOrEqual(2);
    expect((await as(w.otherParent.user).ok(SEARCH, { q: 'математике' })).totalCount).toBe(0);
  });

  it('aliases and batches get one answer each, none of them another family\'s', async () => {
    const mine = await start(w.parent.user, [w.teacher.user], sid(w.student.student), 'моё');
    const theirs = await start(w.otherParent.user, [w.teacher.user], sid(w.otherStudent.student), 'чужое');
    const r = await as(w.parent.user).call(`query($a: ID!, $b: ID!) { a: conversation(id: $a) { subject } b: conversation(id: $b) { subject } }`, { a: mine.id, b: theirs.id });
    // The other family's conversation is refused by itself (a non-null field: the answer holds no data of either).
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.map((e: any) => [e.path, e.extensions.code])).toEqual([[['b'], 'NOT_FOUND']]);
    expect(JSON.stringify(r)).not.toContain('чужое');
    const own = await as(w.parent.user).call(`query($a: ID!) { a: conversation(id: $a) { subject } b: conversation(id: $a) { id } }`, { a: mine.id });
    expect(own.data).toEqual({ a: { subject: 'Вопрос' }, b: { id: mine.id } });
  });
});

describe('a revoked guardianship', () => {
  it('cuts the parent out at once: reads, writes, lists and events', async () => {
    const family = await buildParent(server.em(), w.school, [w.classmate.student]);
    const c = await start(family.user, [w.teacher.user], sid(w.classmate.student), 'До отзыва');
    await server.em().getConnection().execute(`update guardianship set revoked_at = now() where guardian_id = ?`, [family.guardian.id]);
    expect(await as(family.user).code(CONVERSATION, { id: c.id })).toBe('NOT_FOUND');
    expect(await as(family.user).code(SEND, { i: { conversationId: c.id, body: 'после' } })).toBe('NOT_FOUND');
    expect((await as(family.user).ok(CONVERSATIONS)).totalCount).toBe(0);
    const events = await count('diary_event');
    await as(w.teacher.user).ok(SEND, { i: { conversationId: c.id, body: 'Ответ' } });
    // The teacher's reply reaches nobody: the only other participant has lost the tie.
    expect(await count('diary_event')).toBe(events);
    expect((await server.em().getConnection().execute(`select count(*)::int as n from message m join conversation c on c.id = m.conversation_id where c.id = ?`,
      [Buffer.from(c.id, 'base64url').toString().split(':')[1]]))[0].n).toBe(2);
  });
});

describe('cost', () => {
  it('sending costs the same number of statements whatever the conversation\'s size', async () => {
    const c = await start(w.teacher.user, [w.parent.user], sid(w.student.student), 'first');
    await as(w.teacher.user).ok(SEND, { i: { conversationId: c.id, body: 'warm' } });
    const one = await server.countStatements(() => as(w.teacher.user).ok(SEND, { i: { conversationId: c.id, body: 'x' } }));
    for (let i = 0; i < 5; i += 1) await as(w.teacher.user).ok(SEND, { i: { conversationId: c.id, body: `y${i}` } });
    const later = await server.countStatements(() => as(w.teacher.user).ok(SEND, { i: { conversationId: c.id, body: 'z' } }));
    expect(later.statements).toBe(one.statements);
    expect(one.statements).toBeLessThanOrEqual(14);
  });
});
