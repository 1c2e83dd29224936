import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ClassGroup, Guardian, Lesson, Role, RoleGrant, type School } from '../../entities';
import { ManualClock, type Clock } from '../../lib/clock';
import { accountReach, issueReachForCard, type AccountReach } from '../../permissions/account-reach';
import { tiesOf } from '../../permissions/policy';
import { REGISTRY, holdsIn, rolesFor, type Permission } from '../../permissions/registry';
import { ALL_ROLES } from '../../permissions/roles';
import { AccessScope } from '../../permissions/scope';
import { Viewer, loadViewer } from '../../permissions/viewer';
import {
  buildAssignment, buildClass, buildParent, buildStaff, buildStudent, buildSubject, buildUser, buildWorld,
} from '../support/factories';
import { TestServer } from '../support/server';

// The committed matrix snapshot (issue 12, "Two guard tests"): every registry entry × a world of
// actors → verdict, printed into permissions/matrix.snapshot.md. A diff of that file is a change
// of who may do what, reviewed as a permission change (as schema/roles/*.graphql is for fields).
// `UPDATE_MATRIX=1 npx jest tests/permissions/matrix.test.ts` rewrites it.

const SNAPSHOT = resolve(__dirname, '../../permissions/matrix.snapshot.md');
const UPDATE = process.env.UPDATE_MATRIX === '1';

/** Short role names for the "shield lets through" column: the DOMAIN.md matrix's column names. */
const ROLE_SHORT: Record<Role, string> = {
  [Role.ADMIN]: 'ADMIN', [Role.DIRECTOR]: 'DIRECTOR', [Role.DEPUTY_ACADEMIC]: 'DEP_ACAD', [Role.DEPUTY_PASTORAL]: 'DEP_PAST',
  [Role.TEACHER]: 'TEACHER', [Role.SECRETARY]: 'SECRETARY', [Role.HR]: 'HR', [Role.STUDENT]: 'STUDENT', [Role.PARENT]: 'PARENT',
  [Role.MUNICIPAL_COORDINATOR]: 'MUN_COORD', [Role.REGIONAL_COORDINATOR]: 'REG_COORD',
};

type TargetKind = 'school' | 'student' | 'lesson' | 'class' | 'account';
const TARGET_KINDS: readonly TargetKind[] = ['school', 'student', 'lesson', 'class', 'account'];

/** The fixed target rows of the table, one per kind (all of school A), and what they are. */
const TARGET_LEGEND: Record<TargetKind, string> = {
  school: 'the world\'s school (school A)',
  student: '`student` of 5А: taught maths by `teacher`, Russian by `classTeacher`, led by `classTeacher`, child of `parent` and `parent2`',
  lesson: '`lesson`: 5А maths today (2026-11-20, bell 1) by `teacher`, `exTeacher` standing in',
  class: '5А (led by `classTeacher`)',
  account: 'the account of `parent` (PARENT of school A, guardian of `student` only)',
};

/**
 * The actors, in column order: name → what they are. A name is a column header of the snapshot,
 * so renaming one is a diff there too.
 */
const ACTOR_LEGEND = {
  admin: 'ADMIN of school A',
  director: 'DIRECTOR of school A',
  depAcad: 'DEPUTY_ACADEMIC of school A',
  depPast: 'DEPUTY_PASTORAL of school A',
  teacher: 'TEACHER: maths in 5А and 5Б (teaches `student`, teaches `lesson`)',
  classTeacher: 'TEACHER leading 5А, Russian in 5А',
  primaryT: 'TEACHER leading 1А, maths in 1А (nothing of 5А)',
  bareT: 'TEACHER with no class, assignment or lesson',
  secretary: 'SECRETARY of school A',
  hr: 'HR of school A',
  student: 'STUDENT: the target student (5А)',
  student5b: 'STUDENT of 5Б (a classmate of no one here)',
  parent: 'PARENT of `student`',
  parent2: 'PARENT of two children in two classes: `student` (5А) and a first grader (1А)',
  parent5b: 'PARENT of the 5Б student',
  exTeacher: 'former teacher: TEACHER revoked, still PARENT (of no child) so signed in; was assigned history in 5А, leads 6А, stands in for `lesson`',
  dismissed: 'dismissed employee: dismissed on 2026-11-10, still holds TEACHER; was assigned PE in 5А and leads 5Б',
  munCoord: 'MUNICIPAL_COORDINATOR of school A\'s municipality',
  regCoord: 'REGIONAL_COORDINATOR of school A\'s region',
  otherAdmin: 'ADMIN of school B (another municipality and region)',
  otherT: 'TEACHER of school B',
  twoSchools: 'one account: TEACHER in school A (informatics in 5А, the employee card is school A\'s) and ADMIN in school B',
} as const;
type Actor = keyof typeof ACTOR_LEGEND;
const ACTORS = Object.keys(ACTOR_LEGEND) as Actor[];

const PERMISSIONS = (Object.keys(REGISTRY) as Permission[]).sort();

let server: TestServer;
let clock: Clock;
let world: Awaited<ReturnType<typeof buildMatrixWorld>>;
let viewers: Record<Actor, Viewer>;
/** permission → actor → verdict. */
let verdicts: Map<Permission, Record<Actor, boolean>>;

/** The factories' world plus the actors it lacks. */
async function buildMatrixWorld(em: EntityManager) {
  const w = await buildWorld(em);
  const grant = (user: { id: string }, role: Role, where: { school?: School; region?: School['municipality']['region'] }) =>
    em.create(RoleGrant, { user: user.id, role, ...where });

  const depPast = await buildStaff(em, w.school, [Role.DEPUTY_PASTORAL]);
  const parent2 = await buildParent(em, w.school, [w.student.student, w.firstGrader.student]);

  // A former teacher: led 6А, taught history in 5А, stands in for today's 5А maths lesson; their
  // TEACHER role is revoked (revokeRole removes the grant), a PARENT grant keeps them signed in.
  const history = await buildSubject(em, w.school, 'История');
  const exTeacher = await buildStaff(em, w.school, [Role.TEACHER, Role.PARENT]);
  em.create(Guardian, { school: w.school, user: exTeacher.user, lastName: 'Бывшая', firstName: 'Учительница' });
  const class6a = await buildClass(em, w.school, { grade: 6, letter: 'А', classTeacher: exTeacher.employee });
  const sixthGrader = await buildStudent(em, class6a, { lastName: 'Шестаков' });
  await buildAssignment(em, exTeacher.employee, w.class5a, history);
  const lesson = await em.findOneOrFail(Lesson, w.lesson.id);
  lesson.substituteTeacher = exTeacher.employee;
  await em.flush();
  await em.nativeDelete(RoleGrant, { user: exTeacher.user, role: Role.TEACHER });

  // A dismissed employee: still holds TEACHER, assigned PE in 5А and leading 5Б, dismissed before "today".
  const pe = await buildSubject(em, w.school, 'Физкультура');
  const dismissed = await buildStaff(em, w.school, [Role.TEACHER]);
  await buildAssignment(em, dismissed.employee, w.class5a, pe);
  const class5b = await em.findOneOrFail(ClassGroup, w.class5b.id);
  class5b.classTeacher = dismissed.employee;
  dismissed.employee.dismissedOn = '2026-11-10';
  await em.flush();

  const regCoord = await buildUser(em, null);
  grant(regCoord, Role.REGIONAL_COORDINATOR, { region: w.school.municipality.region });

  // TEACHER in school A (with school A's employee card: an account has one) and ADMIN in school B.
  const informatics = await buildSubject(em, w.school, 'Информатика');
  const twoSchools = await buildStaff(em, w.school, [Role.TEACHER]);
  grant(twoSchools.user, Role.ADMIN, { school: w.otherSchool });
  await buildAssignment(em, twoSchools.employee, w.class5a, informatics);
  await em.flush();

  const users: Record<Actor, string> = {
    admin: w.admin.user.id,
    director: w.director.user.id,
    depAcad: w.deputy.user.id,
    depPast: depPast.user.id,
    teacher: w.teacher.user.id,
    classTeacher: w.classTeacher.user.id,
    primaryT: w.primaryTeacher.user.id,
    bareT: w.substitute.user.id,
    secretary: w.secretary.user.id,
    hr: w.hr.user.id,
    student: w.student.user!.id,
    student5b: w.otherStudent.user!.id,
    parent: w.parent.user.id,
    parent2: parent2.user.id,
    parent5b: w.otherParent.user.id,
    exTeacher: exTeacher.user.id,
    dismissed: dismissed.user.id,
    munCoord: w.coordinator.id,
    regCoord: regCoord.id,
    otherAdmin: w.otherAdmin.user.id,
    otherT: w.otherTeacher.user.id,
    twoSchools: twoSchools.user.id,
  };
  return { ...w, users, parent2, exTeacher, class6a, sixthGrader, dismissed, twoSchools };
}

/** A live session of the user's own (as TestServer.token makes one), so loadViewer answers as for a request. */
async function signIn(userId: string, now: Date): Promise<Viewer> {
  const sessionId = randomUUID();
  await server.em().getConnection().execute(
    `insert into refresh_token (id, user_id, token_hash, family_id, created_at, expires_at) values (?, ?, ?, ?, ?, ?)`,
    [randomUUID(), userId, randomBytes(32).toString('hex'), sessionId, now, new Date(now.getTime() + 30 * 24 * 3600_000)],
  );
  const viewer = await loadViewer(server.em(), userId, sessionId, now);
  if (!viewer) throw new Error(`no viewer for ${userId}`);
  return viewer;
}

const scopeOf = (viewer: Viewer, at: Clock = clock) => new AccessScope(server.em(), viewer, at);

/** The verdict of one entry for one row of its own target kind. */
async function verdictOn(viewer: Viewer, permission: Permission, target: { kind: TargetKind; id: string }, at: Clock = clock): Promise<boolean> {
  if (target.kind === 'account') {
    return (await reach(viewer, permission, target.id, at)) === 'WITHIN';
  }
  return scopeOf(viewer, at).verdict(permission, { kind: target.kind, id: target.id });
}

function reach(viewer: Viewer, permission: Permission, userId: string, at: Clock = clock): Promise<AccountReach> {
  if (permission !== 'account.manage' && permission !== 'account.issueCredentials') {
    throw new Error(`${permission} is an account entry accountReach does not judge`);
  }
  return accountReach(server.em(), viewer, at, userId, permission);
}

function targetKind(permission: Permission): TargetKind {
  const kind = REGISTRY[permission].target;
  if (!(TARGET_KINDS as readonly string[]).includes(kind)) {
    throw new Error(`${permission}: target '${kind}' has no row in the matrix world; add one to tests/permissions/matrix.test.ts`);
  }
  return kind as TargetKind;
}

function fixedTarget(kind: TargetKind): { kind: TargetKind; id: string } {
  const ids: Record<TargetKind, string> = {
    school: world.school.id,
    student: world.student.student.id,
    lesson: world.lesson.id,
    class: world.class5a.id,
    account: world.parent.user.id,
  };
  return { kind, id: ids[kind] };
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const truncate = (text: string, max = 90) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

function render(): string {
  const lines: string[] = [
    '# Access matrix snapshot',
    '',
    'Generated by `tests/permissions/matrix.test.ts`: every entry of `permissions/registry.ts` (sorted by key) judged for a',
    'fixed world of actors on one row of the entry\'s own target kind, through `AccessScope.verdict` (`permissions/scope.ts`),',
    'or `accountReach(…) === \'WITHIN\'` (`permissions/account-reach.ts`) for account entries. A diff here changes who may',
    'do what: review it as a permission change. `UPDATE_MATRIX=1 npx jest tests/permissions/matrix.test.ts` rewrites it.',
    '',
    '✓ allowed, · refused. "shield" is the roles the field rule lets through anywhere (`rolesFor`); the row check then narrows',
    'it to the rows above. Today is 2026-11-20 12:00 (Moscow), the test server\'s fixed clock.',
    '',
    '## Targets',
    '',
    ...TARGET_KINDS.map((k) => `- **${k}**: ${TARGET_LEGEND[k]}`),
    '',
    '## Actors',
    '',
    ...ACTORS.map((a) => `- \`${a}\`: ${ACTOR_LEGEND[a]}`),
    '',
    '## Verdicts',
    '',
    `| entry | target | shield | DOMAIN.md | ${ACTORS.join(' | ')} |`,
    `|---|---|---|---|${ACTORS.map(() => ':-:').join('|')}|`,
  ];
  for (const permission of PERMISSIONS) {
    const spec = REGISTRY[permission];
    const shield = ALL_ROLES.filter((r) => rolesFor(permission).includes(r)).map((r) => ROLE_SHORT[r]).join(' ');
    const row = verdicts.get(permission)!;
    lines.push(`| \`${permission}\` | ${spec.target} | ${shield} | ${cell(truncate(spec.matrix))} | ${ACTORS.map((a) => (row[a] ? '✓' : '·')).join(' | ')} |`);
  }
  lines.push('');
  return lines.join('\n');
}

beforeAll(async () => {
  server = await TestServer.start();
  clock = server.clock;
  const em = server.em();
  world = await buildMatrixWorld(em);
  const loaded = await Promise.all(ACTORS.map(async (a) => [a, await signIn(world.users[a], clock.now())] as const));
  viewers = Object.fromEntries(loaded) as Record<Actor, Viewer>;
  verdicts = new Map();
  for (const permission of PERMISSIONS) {
    const target = fixedTarget(targetKind(permission));
    const row = {} as Record<Actor, boolean>;
    for (const actor of ACTORS) row[actor] = await verdictOn(viewers[actor], permission, target);
    verdicts.set(permission, row);
  }
});
afterAll(async () => { await server?.stop(); });

describe('the committed matrix snapshot', () => {
  it('permissions/matrix.snapshot.md is every registry entry × every actor, as the registry judges them now', () => {
    const rendered = render();
    if (UPDATE) {
      writeFileSync(SNAPSHOT, rendered);
      return;
    }
    if (!existsSync(SNAPSHOT)) {
      throw new Error('permissions/matrix.snapshot.md is missing. Create it with `UPDATE_MATRIX=1 npx jest tests/permissions/matrix.test.ts`, '
        + 'read it against the access matrix of DOMAIN.md, and commit it.');
    }
    const committed = readFileSync(SNAPSHOT, 'utf8');
    try {
      expect(rendered).toBe(committed);
    } catch (error) {
      if (error instanceof Error) {
        error.message = 'The access matrix differs from permissions/matrix.snapshot.md: a change of who may do what. '
          + 'If it is intended, rewrite the file with `UPDATE_MATRIX=1 npx jest tests/permissions/matrix.test.ts` and have the diff '
          + 'reviewed as a permission change.\n\n' + error.message;
      }
      throw error;
    }
  });
});

describe('the cells that matter most', () => {
  const v = (a: Actor) => viewers[a];

  it('the former teacher and the dismissed employee reach nothing through ties: only what a role they still hold gives', async () => {
    const former = [
      { kind: 'student' as const, id: world.student.student.id }, { kind: 'student' as const, id: world.sixthGrader.student.id },
      { kind: 'lesson' as const, id: world.lesson.id }, { kind: 'class' as const, id: world.class5a.id },
      { kind: 'class' as const, id: world.class6a.id },
    ];
    const dismissedRows = [
      { kind: 'student' as const, id: world.student.student.id }, { kind: 'student' as const, id: world.otherStudent.student.id },
      { kind: 'class' as const, id: world.class5a.id }, { kind: 'class' as const, id: world.class5b.id },
    ];
    for (const [actor, rows] of [['exTeacher', former], ['dismissed', dismissedRows]] as const) {
      const scope = scopeOf(v(actor));
      expect(scope.ties.teacherCard).toBeNull();
      for (const row of rows) {
        const ties = row.kind === 'student' ? (await scope.student(row.id)).ties
          : row.kind === 'lesson' ? (await scope.lesson(row.id)).ties
            : (await scope.classReach(row.id))!.ties;
        expect({ actor, row: row.id, ties: [...ties] }).toEqual({ actor, row: row.id, ties: [] });
        for (const permission of PERMISSIONS.filter((p) => REGISTRY[p].target === row.kind)) {
          const verdict = await scope.verdict(permission, row);
          expect({ actor, permission, verdict }).toEqual({ actor, permission, verdict: holdsIn(v(actor), permission, world.school.id) });
        }
      }
      expect(await reach(v(actor), 'account.issueCredentials', world.parent.user.id)).toBe('NONE');
      // Their column of the table: exactly the role-only cells of what they still hold (PARENT; TEACHER, respectively).
      for (const permission of PERMISSIONS) {
        const byRole = REGISTRY[permission].target !== 'account' && holdsIn(v(actor), permission, world.school.id);
        expect({ actor, permission, verdict: verdicts.get(permission)![actor] }).toEqual({ actor, permission, verdict: byRole });
      }
    }
  });

  it('…and the same world does tie them while the role is held and before the dismissal (the rows above are theirs otherwise)', async () => {
    const ex = v('exTeacher');
    const withRole = new Viewer(ex.userId, ex.sessionId, ex.login, false,
      [...ex.grants, { role: Role.TEACHER, schoolId: world.school.id, municipalityId: null, regionId: null }],
      ex.employeeId, ex.studentId, ex.guardianId, ex.employeeSchoolId, ex.studentSchoolId, ex.guardianSchoolId);
    expect(await verdictOn(withRole, 'attendance.setReason', { kind: 'student', id: world.sixthGrader.student.id })).toBe(true);
    expect(await verdictOn(withRole, 'studentRecord.readTaught', { kind: 'student', id: world.student.student.id })).toBe(true);
    expect(await verdictOn(withRole, 'lesson.writeJournal', { kind: 'lesson', id: world.lesson.id })).toBe(true);

    const before = new ManualClock(new Date('2026-11-05T12:00:00+03:00'));
    const stillEmployed = await signIn(world.users.dismissed, before.now());
    expect(await verdictOn(stillEmployed, 'attendance.setReason', { kind: 'student', id: world.otherStudent.student.id }, before)).toBe(true);
    expect(await verdictOn(stillEmployed, 'studentRecord.readTaught', { kind: 'student', id: world.student.student.id }, before)).toBe(true);
  });

  it('the parent of two children in two classes reads both; the class teacher of one of them may not issue their credentials', async () => {
    for (const child of [world.student.student.id, world.firstGrader.student.id]) {
      expect(await verdictOn(v('parent2'), 'studentRecord.read', { kind: 'student', id: child })).toBe(true);
      expect(await verdictOn(v('parent2'), 'report.reportCard', { kind: 'student', id: child })).toBe(true);
    }
    expect(await verdictOn(v('parent2'), 'studentRecord.read', { kind: 'student', id: world.otherStudent.student.id })).toBe(false);
    // Neither class teacher may hand over the account (accountReach: not WITHIN; it answers NONE, the
    // guardian card counting as the actor's only when every child is in their class), and the card
    // itself, which issueCredentials judges first, is BEYOND: some of it theirs, some not.
    const card = { kind: 'guardian' as const, id: world.parent2.guardian.id, schoolId: world.school.id };
    for (const actor of ['classTeacher', 'primaryT'] as const) {
      expect({ actor, reach: await reach(v(actor), 'account.issueCredentials', world.parent2.user.id) }).not.toEqual({ actor, reach: 'WITHIN' });
      expect({ actor, reach: await issueReachForCard(server.em(), v(actor), clock, card) }).toEqual({ actor, reach: 'BEYOND' });
    }
    expect(await reach(v('classTeacher'), 'account.issueCredentials', world.parent.user.id)).toBe('WITHIN');
    expect(await reach(v('admin'), 'account.issueCredentials', world.parent2.user.id)).toBe('WITHIN');
    expect(await reach(v('teacher'), 'account.issueCredentials', world.parent.user.id)).toBe('NONE');
  });

  it('the coordinators get the coordinator cells and nothing else; none for another municipality\'s school', async () => {
    for (const actor of ['munCoord', 'regCoord'] as const) {
      for (const permission of PERMISSIONS) {
        const coordinatorCell = REGISTRY[permission].target === 'school' && tiesOf(REGISTRY[permission].allow).includes('coordinates');
        expect({ actor, permission, verdict: verdicts.get(permission)![actor] }).toEqual({ actor, permission, verdict: coordinatorCell });
        if (REGISTRY[permission].target === 'school') {
          expect({ actor, permission, b: await verdictOn(v(actor), permission, { kind: 'school', id: world.otherSchool.id }) })
            .toEqual({ actor, permission, b: false });
        }
      }
    }
  });

  it('the other school\'s users get nothing of school A\'s rows', async () => {
    for (const permission of PERMISSIONS) {
      expect({ permission, otherAdmin: verdicts.get(permission)!.otherAdmin, otherT: verdicts.get(permission)!.otherT })
        .toEqual({ permission, otherAdmin: false, otherT: false });
    }
    // …while their own school's rows are theirs (the world is not simply empty for them).
    expect(await verdictOn(v('otherAdmin'), 'year.write', { kind: 'school', id: world.otherSchool.id })).toBe(true);
    expect(await reach(v('otherAdmin'), 'account.manage', world.otherTeacher.user.id)).toBe('WITHIN');
  });

  it('the account with roles in two schools gets ADMIN cells in school B only, TEACHER cells in school A only', async () => {
    const two = v('twoSchools');
    const adminOnly = PERMISSIONS.filter((p) => REGISTRY[p].target === 'school' && rolesFor(p).includes(Role.ADMIN) && !rolesFor(p).includes(Role.TEACHER));
    expect(adminOnly.length).toBeGreaterThan(0);
    for (const permission of adminOnly) {
      expect({ permission, a: verdicts.get(permission)!.twoSchools, b: await verdictOn(two, permission, { kind: 'school', id: world.otherSchool.id }) })
        .toEqual({ permission, a: false, b: holdsIn(viewers.otherAdmin, permission, world.otherSchool.id) });
    }
    // As school A's teacher they teach 5А; as school B's ADMIN they reach nothing of school A.
    expect(verdicts.get('studentRecord.readTaught')!.twoSchools).toBe(true);
    expect(verdicts.get('studentRecord.read')!.twoSchools).toBe(false);
    expect(await verdictOn(two, 'lesson.writeJournal', { kind: 'lesson', id: world.lesson5b.id })).toBe(false);
    // Accounts: school B's are theirs; school A's parent is not; their own account reaches school A, so school B's ADMIN alone may not manage it.
    expect(await reach(two, 'account.manage', world.otherTeacher.user.id)).toBe('WITHIN');
    expect(await reach(two, 'account.manage', world.parent.user.id)).toBe('NONE');
    expect(await reach(viewers.otherAdmin, 'account.manage', world.users.twoSchools)).toBe('BEYOND');
    expect(await reach(v('admin'), 'account.manage', world.users.twoSchools)).toBe('BEYOND');
  });
});
