import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { toGlobalId } from '../../schema/global-id';
import { PASSWORD, buildClass, buildParent, buildStudent, buildUser, buildWorld, type World } from '../support/factories';
import { DIARY_EVENTS, LiveClient, settle, waitFor, type Stream } from '../support/live-client';
import { TestServer } from '../support/server';

// Who may open a live diary socket, who receives which event, and how a lost right
// (revoked guardianship, locked account, lost class, ended session) stops the stream.

let server: TestServer;
let w: World;
const clients: LiveClient[] = [];

beforeAll(async () => {
  server = await TestServer.start();
  w = await buildWorld(server.em());
});
afterEach(async () => { await Promise.all(clients.splice(0).map((c) => c.close())); });
afterAll(async () => { await server.stop(); });

const gid = toGlobalId;
const sql = (query: string, params: unknown[] = []) => server.em().getConnection().execute(query, params);

/** A socket opened with the given connection params (or a token), registered for clean-up. */
async function open(url: string, token: string | null, connectionParams?: Record<string, unknown>): Promise<LiveClient> {
  const client = new LiveClient(url, token, connectionParams);
  clients.push(client);
  await client.ready();
  return client;
}

async function connect(userId: string, on: TestServer = server): Promise<LiveClient> {
  const client = await open(on.wsUrl, await on.token(userId));
  expect(client.closeCode).toBeNull();
  return client;
}

/** The error codes a stream received, whatever shape they came in (error message, next with errors). */
function codes(stream: Stream): string[] {
  return stream.errors.flatMap((e) => (Array.isArray(e) ? e : [e]))
    .map((e: any) => e?.extensions?.code ?? (typeof e?.code === 'number' ? `close:${e.code}` : 'unknown'));
}

/** The formatted GraphQL errors of a stream (flattened). */
function graphqlErrors(stream: Stream): any[] {
  return stream.errors.flatMap((e) => (Array.isArray(e) ? e : [e])).filter((e: any) => e && 'message' in e && !('target' in e));
}

async function mutate(query: string, variables: Record<string, unknown>, userId: string) {
  const r = await server.gql(query, variables, await server.token(userId));
  expect(r.errors).toBeUndefined();
  return Object.values(r.data!)[0] as Record<string, any>;
}

const RECORD_MARK = `mutation($i: RecordMarkInput!) { recordMark(input: $i) { id value } }`;
const CORRECT_MARK = `mutation($i: CorrectMarkInput!) { correctMark(input: $i) { id value corrected } }`;
const RECORD_ATTENDANCE = `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id kind } }`;
const SET_REASON = `mutation($i: SetAbsenceReasonInput!) { setAbsenceReason(input: $i) { id reason } }`;
const SET_RECORD = `mutation($i: SetLessonRecordInput!) { setLessonRecord(input: $i) { id topic homework } }`;

/** A mark by the world's math teacher in its 5А lesson of today. */
function recordMark(world: World, studentId: string, value = '5') {
  return mutate(RECORD_MARK, {
    i: { lessonId: gid('Lesson', world.lesson.id), studentId: gid('Student', studentId), value, workTypeCode: 'ORAL' },
  }, world.teacher.user.id);
}

const markIds = (stream: Stream) => stream.events.filter((e) => e.mark).map((e) => e.mark.id);

describe('connection auth', () => {
  it('closes the socket with 4403 for no, garbage, foreign-key, locked and must-change-password tokens; a valid token connects', async () => {
    const em = server.em();
    const locked = await buildUser(em, w.school, { roles: [], locked: true });
    const mustChange = await buildUser(em, w.school, { mustChangePassword: true });

    // The same user and live session as a real token, signed with another key.
    const real = await server.token(w.parent.user.id);
    const claims = JSON.parse(Buffer.from(real.split('.')[1], 'base64url').toString('utf8'));
    const foreign = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' }).setSubject(claims.sub).setIssuer(claims.iss)
      .setIssuedAt(claims.iat).setExpirationTime(claims.exp)
      .sign(new TextEncoder().encode('another-key-another-key-another-key-0123456789'));
    // An unsigned token ("alg": "none") for the same user and session.
    const unsigned = [
      Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
      real.split('.')[1], '',
    ].join('.');

    const refused: [string, Record<string, unknown>][] = [
      ['no token', {}],
      ['no Bearer prefix', { authorization: real }],
      ['garbage', { authorization: 'Bearer garbage.garbage.garbage' }],
      ['another key', { authorization: `Bearer ${foreign}` }],
      ['alg none', { authorization: `Bearer ${unsigned}` }],
      ['locked user', { authorization: `Bearer ${await server.token(locked.id)}` }],
      ['must change password', { authorization: `Bearer ${await server.token(mustChange.id)}` }],
    ];
    const sockets = await Promise.all(refused.map(([, params]) => open(server.wsUrl, null, params)));
    expect(refused.map(([what], i) => [what, sockets[i].closeCode])).toEqual(refused.map(([what]) => [what, 4403]));

    // Nothing can be subscribed on a refused connection (the client cannot get past the handshake).
    const streams = sockets.map((s) => s.subscribe(DIARY_EVENTS));
    await waitFor(() => streams.every((s) => s.errors.length > 0 || s.completed), 5_000, 'the refused subscriptions to fail');
    await recordMark(w, w.student.student.id, '3');
    await settle();
    for (const s of streams) expect(s.events).toEqual([]);

    // The valid token of the same user connects and streams.
    const ok = await open(server.wsUrl, real);
    expect(ok.closeCode).toBeNull();
    const stream = ok.subscribe(DIARY_EVENTS);
    await settle(200);
    const mark = await recordMark(w, w.student.student.id, '4');
    await waitFor(() => stream.events.length === 1, 5_000, 'the mark for the parent');
    expect(stream.events[0]).toMatchObject({ type: 'MARK_ADDED', mark: { id: mark.id } });
    expect(stream.errors).toEqual([]);
    expect(ok.closeCode).toBeNull();
  });

  it('closes the socket with 4403 when the access token expires', async () => {
    const shortLived = await TestServer.alongside(server, { accessTokenTtlSeconds: 2 });
    try {
      const client = await open(shortLived.wsUrl, await shortLived.token(w.parent.user.id));
      const opened = Date.now();
      expect(client.closeCode).toBeNull();
      const stream = client.subscribe(DIARY_EVENTS);
      await settle(800);
      expect(client.closeCode).toBeNull();
      await waitFor(() => client.closeCode !== null, 3_500, 'the socket to close at token expiry');
      expect(client.closeCode).toBe(4403);
      expect(Date.now() - opened).toBeLessThan(3_500);
      expect(stream.events).toEqual([]);
    } finally {
      await Promise.all(clients.splice(0).map((c) => c.close()));
      await shortLived.stop();
    }
  });
});

describe('who receives what', () => {
  it('delivers every event type to the student, the parent and the class teacher, and nothing to anyone else', async () => {
    const receivers = {
      student: w.student.user!.id, parent: w.parent.user.id, classTeacher: w.classTeacher.user.id,
    };
    const outsiders = {
      subjectTeacher: w.teacher.user.id, admin: w.admin.user.id, director: w.director.user.id, deputy: w.deputy.user.id,
      otherParent: w.otherParent.user.id, otherStudent: w.otherStudent.user!.id, secretary: w.secretary.user.id,
      primaryTeacher: w.primaryTeacher.user.id, otherSchoolAdmin: w.otherAdmin.user.id, coordinator: w.coordinator.id,
    };
    const streams: Record<string, Stream> = {};
    await Promise.all(Object.entries({ ...receivers, ...outsiders }).map(async ([who, userId]) => {
      streams[who] = (await connect(userId)).subscribe(DIARY_EVENTS);
    }));
    await settle(300);

    const studentId = gid('Student', w.student.student.id);
    const lessonId = gid('Lesson', w.lesson.id);
    const mark = await recordMark(w, w.student.student.id, '3');
    await mutate(CORRECT_MARK, { i: { markId: mark.id, value: '4', reason: 'Ошибка при вводе' } }, w.teacher.user.id);
    const absence = await mutate(RECORD_ATTENDANCE, { i: { lessonId, studentId, kind: 'ABSENT' } }, w.teacher.user.id);
    await mutate(SET_REASON, { i: { attendanceId: absence.id, reason: 'ILLNESS' } }, w.classTeacher.user.id);
    await mutate(SET_RECORD, { i: { lessonId, topic: 'Дроби', homework: '№ 12' } }, w.teacher.user.id);

    const own = [
      { type: 'MARK_ADDED', student: { id: studentId }, mark: { id: mark.id, value: '3', corrected: false }, lesson: { id: lessonId } },
      { type: 'MARK_CORRECTED', student: { id: studentId }, mark: { id: mark.id, value: '4', corrected: true }, lesson: { id: lessonId } },
      { type: 'ABSENCE_RECORDED', student: { id: studentId }, attendance: { id: absence.id, kind: 'ABSENT' }, lesson: { id: lessonId } },
      { type: 'ABSENCE_REASON_SET', student: { id: studentId }, attendance: { id: absence.id, reason: 'ILLNESS' }, lesson: { id: lessonId } },
      { type: 'LESSON_RECORD_SET', student: { id: studentId }, lesson: { id: lessonId, topic: 'Дроби', homework: '№ 12' } },
    ];
    await waitFor(() => streams.student.events.length >= 5 && streams.parent.events.length >= 5
      && streams.classTeacher.events.length >= 6, 5_000, 'every event at the student, the parent and the class teacher');
    await settle();

    for (const who of ['student', 'parent']) {
      expect([who, streams[who].events]).toMatchObject([who, own]);
      expect(streams[who].errors).toEqual([]);
    }
    // The class teacher: the same five, plus the lesson record of the classmate (one event per student of the class).
    const teacherEvents = streams.classTeacher.events;
    expect(teacherEvents).toHaveLength(6);
    expect(teacherEvents.filter((e) => e.student.id === studentId)).toMatchObject(own);
    expect(teacherEvents.filter((e) => e.student.id !== studentId)).toMatchObject([
      { type: 'LESSON_RECORD_SET', student: { id: gid('Student', w.classmate.student.id) }, lesson: { id: lessonId } },
    ]);
    // In commit order, each once.
    const cursors = teacherEvents.map((e) => e.cursor);
    expect(new Set(cursors).size).toBe(6);
    for (const who of Object.keys(outsiders)) {
      expect([who, streams[who].events, streams[who].errors]).toEqual([who, [], []]);
    }
  });
});

describe('subscribing to a student the viewer may not watch', () => {
  it('answers NOT_FOUND, the same as for a student that does not exist, and delivers nothing', async () => {
    const em = server.em();
    const foreignClass = await buildClass(em, w.otherSchool, { grade: 5 });
    const { student: foreignStudent } = await buildStudent(em, foreignClass, { withLogin: true });

    const parent = await connect(w.parent.user.id);
    const otherChild = parent.subscribe(DIARY_EVENTS, { studentId: gid('Student', w.otherStudent.student.id) });
    const missing = parent.subscribe(DIARY_EVENTS, { studentId: gid('Student', randomUUID()) });
    const otherSchool = parent.subscribe(DIARY_EVENTS, { studentId: gid('Student', foreignStudent.id) });
    // Staff who are no watchers (the subject teacher, the admin) get the same answer.
    const teacher = (await connect(w.teacher.user.id)).subscribe(DIARY_EVENTS, { studentId: gid('Student', w.student.student.id) });
    const admin = (await connect(w.admin.user.id)).subscribe(DIARY_EVENTS, { studentId: gid('Student', w.student.student.id) });
    const refused = { otherChild, missing, otherSchool, teacher, admin };
    await waitFor(() => Object.values(refused).every((s) => s.errors.length > 0), 5_000, 'every refusal');

    for (const [what, s] of Object.entries(refused)) expect([what, codes(s)]).toEqual([what, ['NOT_FOUND']]);
    // Indistinguishable: another family's child answers exactly like an id that does not exist.
    expect(graphqlErrors(otherChild)).toEqual(graphqlErrors(missing));
    expect(graphqlErrors(otherSchool)).toEqual(graphqlErrors(missing));

    await mutate(RECORD_MARK, {
      i: { lessonId: gid('Lesson', w.lesson5b.id), studentId: gid('Student', w.otherStudent.student.id), value: '5', workTypeCode: 'ORAL' },
    }, w.teacher.user.id);
    await recordMark(w, w.student.student.id, '5');
    await settle();
    for (const [what, s] of Object.entries(refused)) expect([what, s.events]).toEqual([what, []]);
    expect(parent.closeCode).toBeNull();
  });

  it('answers BAD_USER_INPUT for a malformed studentId or after', async () => {
    const parent = await connect(w.parent.user.id);
    const bad = {
      garbageId: parent.subscribe(DIARY_EVENTS, { studentId: 'not an id' }),
      lessonId: parent.subscribe(DIARY_EVENTS, { studentId: gid('Lesson', w.lesson.id) }),
      garbageAfter: parent.subscribe(DIARY_EVENTS, { after: 'nope' }),
      foreignCursor: parent.subscribe(DIARY_EVENTS, { after: Buffer.from('mark:12').toString('base64url') }),
    };
    await waitFor(() => Object.values(bad).every((s) => s.errors.length > 0), 5_000, 'every refusal');
    for (const [what, s] of Object.entries(bad)) expect([what, codes(s)]).toEqual([what, ['BAD_USER_INPUT']]);
    await recordMark(w, w.student.student.id, '4');
    await settle();
    for (const [what, s] of Object.entries(bad)) expect([what, s.events]).toEqual([what, []]);
    expect(parent.closeCode).toBeNull();
  });
});

describe('losing the right mid-stream', () => {
  it('a revoked guardianship ends an explicit stream with FORBIDDEN at once, and nothing follows', async () => {
    const v = await buildWorld(server.em());
    const client = await connect(v.parent.user.id);
    const stream = client.subscribe(DIARY_EVENTS, { studentId: gid('Student', v.student.student.id) });
    await settle(200);
    const before = await recordMark(v, v.student.student.id, '5');
    await waitFor(() => stream.events.length === 1, 5_000, 'the mark before revocation');
    expect(stream.events[0].mark.id).toBe(before.id);

    const revokedAt = Date.now();
    await sql(`update guardianship set revoked_at = now() where guardian_id = ? and student_id = ?`, [v.parent.guardian.id, v.student.student.id]);
    await waitFor(() => stream.errors.length > 0, 2_000, 'the stream to end');
    expect(Date.now() - revokedAt).toBeLessThan(2_000);
    expect(codes(stream)).toEqual(['FORBIDDEN']);
    expect(stream.events).toHaveLength(1);

    await recordMark(v, v.student.student.id, '2');
    await settle();
    expect(stream.events).toHaveLength(1);
    // The socket itself stays (the session is fine); a new subscription to that child is refused.
    expect(client.closeCode).toBeNull();
    const again = client.subscribe(DIARY_EVENTS, { studentId: gid('Student', v.student.student.id) });
    await waitFor(() => again.errors.length > 0, 5_000, 'the refusal');
    expect(codes(again)).toEqual(['NOT_FOUND']);
  });

  it('revoking one of two children stops that child\'s events on an implicit stream, the other child\'s go on', async () => {
    const v = await buildWorld(server.em());
    const parent = await buildParent(server.em(), v.school, [v.student.student, v.classmate.student]);
    const stream = (await connect(parent.user.id)).subscribe(DIARY_EVENTS);
    await settle(200);
    const first = [await recordMark(v, v.student.student.id, '5'), await recordMark(v, v.classmate.student.id, '4')];
    await waitFor(() => stream.events.length === 2, 5_000, 'both children\'s marks');
    expect(markIds(stream)).toEqual(first.map((m) => m.id));

    await sql(`update guardianship set revoked_at = now() where guardian_id = ? and student_id = ?`, [parent.guardian.id, v.classmate.student.id]);
    const cut = await recordMark(v, v.classmate.student.id, '3');
    const kept = await recordMark(v, v.student.student.id, '2');
    const cutAgain = await recordMark(v, v.classmate.student.id, '2');
    await waitFor(() => stream.events.length >= 3, 5_000, 'the other child\'s mark');
    await settle();
    expect(markIds(stream)).toEqual([...first.map((m) => m.id), kept.id]);
    expect(markIds(stream)).not.toContain(cut.id);
    expect(markIds(stream)).not.toContain(cutAgain.id);
    expect(stream.errors).toEqual([]);
  });

  it('locking the account closes the socket with 4403 at once', async () => {
    const v = await buildWorld(server.em());
    const token = await server.token(v.parent.user.id);
    const client = await open(server.wsUrl, token);
    const implicit = client.subscribe(DIARY_EVENTS);
    const explicit = client.subscribe(DIARY_EVENTS, { studentId: gid('Student', v.student.student.id) });
    await settle(200);
    await recordMark(v, v.student.student.id, '5');
    await waitFor(() => implicit.events.length === 1 && explicit.events.length === 1, 5_000, 'the mark before the lock');

    const lockedAt = Date.now();
    await sql(`update app_user set locked = true where id = ?`, [v.parent.user.id]);
    await waitFor(() => client.closeCode !== null, 2_000, 'the socket to close');
    expect(Date.now() - lockedAt).toBeLessThan(2_000);
    expect(client.closeCode).toBe(4403);

    await recordMark(v, v.student.student.id, '2');
    await settle();
    expect(implicit.events).toHaveLength(1);
    expect(explicit.events).toHaveLength(1);
    // The same, still unexpired token cannot open a new socket.
    expect((await open(server.wsUrl, token)).closeCode).toBe(4403);
  });

  it('a class teacher who loses the class stops receiving its events', async () => {
    const v = await buildWorld(server.em());
    const client = await connect(v.classTeacher.user.id);
    const implicit = client.subscribe(DIARY_EVENTS);
    const explicit = client.subscribe(DIARY_EVENTS, { studentId: gid('Student', v.student.student.id) });
    await settle(200);
    const before = await recordMark(v, v.student.student.id, '5');
    await waitFor(() => implicit.events.length === 1 && explicit.events.length === 1, 5_000, 'the mark before');
    expect(markIds(implicit)).toEqual([before.id]);

    await sql(`update class_group set class_teacher_id = null where id = ?`, [v.class5a.id]);
    await waitFor(() => explicit.errors.length > 0, 2_000, 'the explicit stream to end');
    expect(codes(explicit)).toEqual(['FORBIDDEN']);
    await recordMark(v, v.student.student.id, '3');
    await recordMark(v, v.classmate.student.id, '3');
    await settle();
    expect(markIds(implicit)).toEqual([before.id]);
    expect(explicit.events).toHaveLength(1);
    expect(implicit.errors).toEqual([]);
    expect(client.closeCode).toBeNull();
  });

  it('a class teacher whose TEACHER role is revoked, or who is dismissed, stops receiving the class\'s events at once (issue 12)', async () => {
    for (const lose of ['revoke', 'dismiss'] as const) {
      const v = await buildWorld(server.em());
      // A second role keeps the account signed in: only the tie through TEACHER must end.
      await sql(`insert into role_grant (id, user_id, role, school_id, granted_at) values (gen_random_uuid(), ?, 'PARENT', ?, now())`,
        [v.classTeacher.user.id, v.school.id]);
      const client = await connect(v.classTeacher.user.id);
      const explicit = client.subscribe(DIARY_EVENTS, { studentId: gid('Student', v.student.student.id) });
      const implicit = client.subscribe(DIARY_EVENTS);
      await settle(200);
      const before = await recordMark(v, v.student.student.id, '5');
      await waitFor(() => explicit.events.length === 1 && implicit.events.length === 1, 5_000, 'the mark before');

      if (lose === 'revoke') await sql(`delete from role_grant where user_id = ? and role = 'TEACHER'`, [v.classTeacher.user.id]);
      else await sql(`update employee set dismissed_on = '2026-11-20' where id = ?`, [v.classTeacher.employee.id]);
      await waitFor(() => explicit.errors.length > 0, 2_000, 'the explicit stream to end');
      expect(codes(explicit)).toEqual(['FORBIDDEN']);
      await recordMark(v, v.student.student.id, '3');
      await settle();
      expect(markIds(implicit)).toEqual([before.id]);
      // A new subscription for the student is refused, as for a student who does not exist.
      const again = client.subscribe(DIARY_EVENTS, { studentId: gid('Student', v.student.student.id) });
      await waitFor(() => again.errors.length > 0, 2_000, 'the new subscription to be refused');
      expect(codes(again)).toEqual(['NOT_FOUND']);
    }
  });

  it('logging out closes the socket opened with that session with 4403', async () => {
    const v = await buildWorld(server.em());
    const login = await server.gql(`mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken refreshToken } }`,
      { l: v.parent.user.login, p: PASSWORD });
    expect(login.errors).toBeUndefined();
    const { accessToken, refreshToken } = login.data!.login;
    const client = await open(server.wsUrl, accessToken);
    expect(client.closeCode).toBeNull();
    const stream = client.subscribe(DIARY_EVENTS);
    // Another session of the same user is not affected.
    const otherSession = await connect(v.parent.user.id);
    const otherStream = otherSession.subscribe(DIARY_EVENTS);
    await settle(200);

    const loggedOutAt = Date.now();
    const logout = await server.gql(`mutation($r: String!) { logout(refreshToken: $r) }`, { r: refreshToken });
    expect(logout).toEqual({ data: { logout: true } });
    await waitFor(() => client.closeCode !== null, 2_000, 'the socket to close');
    expect(Date.now() - loggedOutAt).toBeLessThan(2_000);
    expect(client.closeCode).toBe(4403);

    const mark = await recordMark(v, v.student.student.id, '5');
    await waitFor(() => otherStream.events.length === 1, 5_000, 'the mark on the other session');
    expect(markIds(otherStream)).toEqual([mark.id]);
    expect(stream.events).toEqual([]);
    expect(otherSession.closeCode).toBeNull();
    expect((await open(server.wsUrl, accessToken)).closeCode).toBe(4403);
  });
});

describe('operations on a socket opened before the right was lost', () => {
  it('are refused and close the socket: no write with a locked account, no read with an ended session', async () => {
    const v = await buildWorld(server.em());
    const teacher = await connect(v.teacher.user.id);
    const parent = await connect(v.parent.user.id);
    // Both sockets work while the rights hold.
    const me = parent.subscribe(`{ me { user { id } } }`);
    await waitFor(() => me.completed, 5_000, 'me over the socket');
    expect(me.events).toEqual([{ me: { user: { id: gid('User', v.parent.user.id) } } }]);

    await sql(`update app_user set locked = true where id = ?`, [v.teacher.user.id]);
    await sql(`update refresh_token set revoked_at = now() where user_id = ?`, [v.parent.user.id]);
    const write = teacher.subscribe(RECORD_MARK, {
      i: { lessonId: gid('Lesson', v.lesson.id), studentId: gid('Student', v.classmate.student.id), value: '2', workTypeCode: 'ORAL' },
    });
    const read = parent.subscribe(`{ me { user { id } } }`);
    await waitFor(() => teacher.closeCode !== null && parent.closeCode !== null, 5_000, 'both sockets to close');
    expect([teacher.closeCode, parent.closeCode]).toEqual([4403, 4403]);
    await settle(200);
    expect(write.events).toEqual([]);
    expect(read.events).toEqual([]);
    const marks = await sql(`select count(*)::int as n from mark where student_id = ?`, [v.classmate.student.id]);
    expect(marks[0].n).toBe(0);
  });
});

describe('socket limits', () => {
  it('refuses the 21st concurrent subscription; the first 20 keep working', async () => {
    const client = await connect(w.parent.user.id);
    const streams: Stream[] = [];
    for (let i = 0; i < 20; i += 1) streams.push(client.subscribe(DIARY_EVENTS));
    await settle(500);
    const extra = client.subscribe(DIARY_EVENTS);
    await waitFor(() => extra.errors.length > 0, 5_000, 'the 21st to be refused');
    expect(codes(extra)).toEqual(['BAD_USER_INPUT']);

    const mark = await recordMark(w, w.student.student.id, '5');
    await waitFor(() => streams.every((s) => s.events.length === 1), 5_000, 'the mark on all 20');
    for (const s of streams) {
      expect(markIds(s)).toEqual([mark.id]);
      expect(s.errors).toEqual([]);
    }
    await settle(200);
    expect(extra.events).toEqual([]);
    expect(client.closeCode).toBeNull();

    // Ending one frees a slot.
    streams[0].unsubscribe();
    await settle(200);
    const replacement = client.subscribe(DIARY_EVENTS);
    await settle(200);
    const next = await recordMark(w, w.student.student.id, '4');
    await waitFor(() => replacement.events.length === 1, 5_000, 'the mark on the replacement');
    expect(markIds(replacement)).toEqual([next.id]);
    expect(replacement.errors).toEqual([]);
  });

  it('closes a socket that sends a message over 64 KB with 1009, and the server stays up', async () => {
    const client = await connect(w.parent.user.id);
    const huge = client.subscribe(`${DIARY_EVENTS}\n#${'x'.repeat(70 * 1024)}\n`);
    await waitFor(() => client.closeCode !== null, 5_000, 'the socket to close');
    expect(client.closeCode).toBe(1009);
    expect(huge.events).toEqual([]);

    const fresh = await connect(w.parent.user.id);
    const stream = fresh.subscribe(DIARY_EVENTS);
    await settle(200);
    const mark = await recordMark(w, w.student.student.id, '5');
    await waitFor(() => stream.events.length === 1, 5_000, 'the mark on a fresh socket');
    expect(markIds(stream)).toEqual([mark.id]);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});

describe('validation over the socket', () => {
  it('answers an invalid document or variable like HTTP does, keeps the socket, and leaks no stack or SQL', async () => {
    const client = await connect(w.parent.user.id);
    const documents = [
      `subscription { diaryEvents { cursor nope } }`,
      `subscription($s: ID) { diaryEvents(studentId: $s, unknownArg: 1) { cursor } }`,
      `subscription { diaryEvents { student } }`,
      `subscription { diaryEvents { cursor }`,
    ];
    const streams = documents.map((d) => client.subscribe(d));
    await waitFor(() => streams.every((s) => s.errors.length > 0), 5_000, 'every validation error');
    const token = await server.token(w.parent.user.id);
    for (const [i, document] of documents.entries()) {
      const http = await server.gql(document, {}, token);
      const overSocket = graphqlErrors(streams[i]);
      expect(overSocket.length).toBeGreaterThan(0);
      expect([document, overSocket.map((e) => e.extensions?.code)])
        .toEqual([document, http.errors!.map((e) => e.extensions?.code)]);
      expect(overSocket.map((e) => e.message)).toEqual(http.errors!.map((e) => e.message));
      for (const e of overSocket) {
        expect(e.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
        expect(e.extensions?.stacktrace).toBeUndefined();
      }
      const text = JSON.stringify(streams[i].errors);
      expect(text).not.toMatch(/stacktrace|\bselect\b|diary_event|app_user|\.ts:\d+/i);
      expect(streams[i].events).toEqual([]);
    }

    // A variable of the wrong type, or a required one left out, is a bad input, as over HTTP.
    const variableCases: [string, string, Record<string, unknown>][] = [
      ['wrong type', DIARY_EVENTS, { studentId: { not: 'an id' } }],
      ['missing', `subscription($studentId: ID!) { diaryEvents(studentId: $studentId) { cursor } }`, {}],
    ];
    for (const [what, document, variables] of variableCases) {
      const overSocket = client.subscribe(document, variables);
      await waitFor(() => overSocket.errors.length > 0, 5_000, `the variable error (${what})`);
      const http = await server.gql(`query($studentId: ID!) { student(id: $studentId) { id } }`, variables, token);
      expect([what, codes(overSocket)]).toEqual([what, ['BAD_USER_INPUT']]);
      expect([what, graphqlErrors(overSocket).map((e) => e.message)]).toEqual([what, http.errors!.map((e) => e.message)]);
      expect(http.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }

    // The socket survives all of it.
    expect(client.closeCode).toBeNull();
    const stream = client.subscribe(DIARY_EVENTS);
    await settle(200);
    const mark = await recordMark(w, w.student.student.id, '5');
    await waitFor(() => stream.events.length === 1, 5_000, 'the mark after the bad documents');
    expect(markIds(stream)).toEqual([mark.id]);
  });
});
