import WebSocket from 'ws';
import {
  ClassJournalDocument, DiaryDocument, DiaryEventsDocument, JournalClient, LoginDocument, MeDocument, RecordMarkDocument,
  type DiaryEventsSubscription,
} from '../client';
import { toGlobalId } from '../schema/global-id';
import { PASSWORD, buildWorld, type World } from './support/factories';
import { waitFor } from './support/live-client';
import { TestServer } from './support/server';

// The generated typed client (client/generated/graphql.ts, from client/operations/*.graphql)
// against a running server: HTTP for queries and mutations, graphql-ws for diaryEvents.

let server: TestServer;
let w: World;
let anonymous: JournalClient;
beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
  anonymous = new JournalClient({ url: `${server.url}/graphql`, webSocketImpl: WebSocket });
});
afterAll(async () => { await server.stop(); });

async function signIn(login: string): Promise<JournalClient> {
  const r = await anonymous.request(LoginDocument, { login, password: PASSWORD });
  expect(r.errors).toBeUndefined();
  expect(r.data!.login.user.login).toBe(login);
  return anonymous.withToken(r.data!.login.accessToken);
}

it('signs in, reads me and the diary as a parent, the journal and a new mark as a teacher, and streams the mark to the parent', async () => {
  const parent = await signIn(w.parent.user.login);
  const me = await parent.request(MeDocument, {});
  expect(me.errors).toBeUndefined();
  expect(me.data!.me.roles).toEqual(['PARENT']);
  const child = me.data!.me.children[0];
  expect(child).toEqual({ id: toGlobalId('Student', w.student.student.id), fullName: expect.any(String), classGroup: { id: expect.any(String), name: '5А' } });

  const events: DiaryEventsSubscription['diaryEvents'][] = [];
  const errors: unknown[] = [];
  const stop = parent.subscribe(DiaryEventsDocument, { studentId: child.id }, {
    next: (result) => { if (result.data) events.push(result.data.diaryEvents); if (result.errors) errors.push(...result.errors); },
    error: (error) => errors.push(error),
  });

  const teacher = await signIn(w.teacher.user.login);
  const journal = await teacher.request(ClassJournalDocument, {
    classGroupId: toGlobalId('ClassGroup', w.class5a.id), subjectId: toGlobalId('Subject', w.math.id), from: '2026-11-16', to: '2026-11-20',
  });
  expect(journal.errors).toBeUndefined();
  expect(journal.data!.classJournal.lessons.map((l) => l.id)).toEqual([toGlobalId('Lesson', w.lesson.id)]);
  expect(journal.data!.classJournal.students.map((s) => s.id)).toContain(child.id);

  // The subscription is live once the server holds it; a mark recorded before that would be missed.
  await waitFor(() => server.app.services.hub.subscriberCount > 0, 5_000, 'the subscription to be live');
  const mark = await teacher.request(RecordMarkDocument, {
    input: { lessonId: journal.data!.classJournal.lessons[0].id, studentId: child.id, value: '5', workTypeCode: 'ORAL' },
  });
  expect(mark.errors).toBeUndefined();
  expect(mark.data!.recordMark).toMatchObject({ value: '5', corrected: false, revision: 1, workType: { code: 'ORAL' }, student: { id: child.id } });

  await waitFor(() => events.length > 0 || errors.length > 0, 5_000, 'the diary event');
  stop();
  expect(errors).toEqual([]);
  expect(events[0]).toMatchObject({ type: 'MARK_ADDED', student: { id: child.id }, mark: { id: mark.data!.recordMark.id, value: '5' } });

  const diary = await parent.request(DiaryDocument, { studentId: child.id, from: '2026-11-16', to: '2026-11-22' });
  expect(diary.errors).toBeUndefined();
  const friday = diary.data!.diary.find((d) => d.date === '2026-11-20')!;
  expect(friday.lessons[0].marks.map((m) => m.value)).toEqual(['5']);
  await parent.close();
});

it('gets the contract\'s errors through the typed client too', async () => {
  const parent = await signIn(w.parent.user.login);
  const r = await parent.request(DiaryDocument, { studentId: toGlobalId('Student', w.otherStudent.student.id), from: '2026-11-16', to: '2026-11-20' });
  expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
});
