import argon2 from 'argon2';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AcademicYearState, Role } from '../../entities';
import { localDate } from '../../lib/clock';
import { uuidArray } from '../../lib/sql';
import { generateStartingPassword } from '../people/accounts.service';
import { AdminWriter } from '../school-year/admin-write';
import { expandFiles, parseCsv, type ImportFile } from './import-files';
import { planImport, type ImportPlan, type PersonRow, type RowOutcome, type SchoolState } from './import-plan';
import { readRoster } from './roster-readers';
import { dropStagedFiles, stagedFiles } from './staged-files';
import type { RowProblem } from './roster';

/**
 * Import of a school's lists (issue 18, 003 «импорт внешних массивов данных»): files → rows
 * (import-files.ts) → one roster (roster-readers.ts) → a plan against the school's rows
 * (import-plan.ts) → written, all of it in one transaction or nothing. A dry run stops after the
 * plan. Writes are set-based: one statement per table and batch of rows, whatever the school's size.
 */

export interface StartingCredential { sourcedId: string; name: string; login: string; startingPassword: string }
export interface FileSummary { name: string; encoding: string; rows: number; created: number; updated: number; unchanged: number; problems: number }
export interface ImportReport {
  format: 'ONEROSTER' | 'SPREADSHEET';
  dryRun: boolean;
  applied: boolean;
  files: FileSummary[];
  rows: RowOutcome[];
  problems: RowProblem[];
  warnings: RowProblem[];
  /** Only when applied: each new account's starting password, this once. */
  credentials: StartingCredential[];
}

/** Rows per set-based statement (jsonb_to_recordset): bounded so one parameter stays small. */
const BATCH = 1000;

/**
 * Starting passwords are 12 random characters (~70 bits) that must be changed at first sign-in, so
 * their hash needs no memory-hard cost to resist guessing: a light argon2id lets a 3,000-account
 * school be issued in seconds. Passwords users choose get the full cost (domain/auth/auth.service.ts).
 */
const STARTING_PASSWORD_HASH = { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 } as const;

/** Hashes in flight at once: libuv's four threads do them, so more only queue, each holding its 4 MiB of argon2 memory. */
const HASHES_AT_ONCE = 4;

export class ImportService extends AdminWriter {
  /** The files staged with `POST /uploads` by the viewer (staged-files.ts); applied, they are dropped in the same transaction. */
  async importStaged(schoolId: string, stagedIds: string[], dryRun: boolean): Promise<ImportReport> {
    const { ids, files } = await stagedFiles(this.scope.em, this.scope.viewer, stagedIds, this.scope.clock.now());
    return this.importFiles(schoolId, files, dryRun, (em) => dropStagedFiles(em, ids));
  }

  async importFiles(schoolId: string, input: ImportFile[], dryRun: boolean, afterApply?: (em: EntityManager) => Promise<void>): Promise<ImportReport> {
    // Who may import here first (NOT_FOUND for a stranger to the school, FORBIDDEN for a member without the role); then the files.
    await this.requireRoleIn(schoolId, 'interchange.import', 'School');
    const files = (await expandFiles(input)).map(parseCsv);
    const roster = readRoster(files);
    const logins = roster.people.map((p) => p.login).filter((l): l is string => !!l);
    // Starting passwords are random, bound to no one: hashed before the transaction opens, as many
    // as a first reading of the school says are needed, so the write holds its locks for seconds
    // (20,000 accounts take a minute of hashing). Should the school change meanwhile, the rest are hashed inside.
    const passwords = dryRun ? [] : await hashedPasswords(await this.accountsNeeded(schoolId, roster, logins));
    const work = async (em: EntityManager, now: Date) => {
      // Checked again inside the transaction: a role revoked meanwhile stops the write.
      await this.requireRoleIn(schoolId, 'interchange.import', 'School');
      // Two imports of one school at once would plan against the same rows: the second waits.
      if (!dryRun) await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [`import:${schoolId}`]);
      const state = await loadSchoolState(em, schoolId, now, logins);
      const plan = planImport(roster, state);
      const report = summarize(plan, files.map((f) => ({ name: f.name, encoding: f.encoding, rows: f.rows.length })), dryRun);
      if (dryRun || plan.problems.length > 0) return report;
      report.credentials = await applyPlan(em, plan, this.scope.viewer.userId, now, passwords);
      report.applied = true;
      await afterApply?.(em);
      const digest = createHash('sha256');
      for (const f of input) digest.update(f.name).update(f.content);
      this.audit(em, now, schoolId, 'interchange.import', 'School', schoolId, null, {
        format: roster.format, files: report.files, sha256: digest.digest('hex'),
        created: plan.rows.filter((r) => r.outcome === 'CREATED').length, updated: plan.rows.filter((r) => r.outcome === 'UPDATED').length,
      });
      return report;
    };
    // A dry run reads in a transaction too (one consistent picture of the school), and writes nothing.
    return this.write(work);
  }

  /** How many new accounts the files would make, read outside any transaction (0 when they would not apply). */
  private async accountsNeeded(schoolId: string, roster: ReturnType<typeof readRoster>, logins: string[]): Promise<number> {
    const em = this.scope.em.fork();
    const plan = planImport(roster, await loadSchoolState(em, schoolId, this.scope.clock.now(), logins));
    return plan.problems.length > 0 ? 0 : plan.accounts.length;
  }
}

interface HashedPassword { password: string; hash: string }

async function hashedPasswords(count: number): Promise<HashedPassword[]> {
  const out: HashedPassword[] = [];
  for (let i = 0; i < count; i += HASHES_AT_ONCE) {
    out.push(...await Promise.all(Array.from({ length: Math.min(HASHES_AT_ONCE, count - i) }, async () => {
      const password = generateStartingPassword();
      return { password, hash: await argon2.hash(password, STARTING_PASSWORD_HASH) };
    })));
  }
  return out;
}

function summarize(plan: ImportPlan, files: { name: string; encoding: string; rows: number }[], dryRun: boolean): ImportReport {
  const byFile = new Map(files.map((f) => [f.name, { ...f, created: 0, updated: 0, unchanged: 0, problems: 0 }]));
  for (const r of plan.rows) {
    const f = byFile.get(r.file);
    if (!f || r.kind === 'ACCOUNT') continue;
    if (r.outcome === 'CREATED') f.created += 1; else if (r.outcome === 'UPDATED') f.updated += 1; else f.unchanged += 1;
  }
  for (const p of plan.problems) { const f = byFile.get(p.file); if (f) f.problems += 1; }
  const order = (a: { file: string; line: number }, b: { file: string; line: number }) => a.file.localeCompare(b.file) || a.line - b.line;
  return {
    format: plan.roster.format, dryRun, applied: false, files: [...byFile.values()],
    rows: plan.rows.sort(order), problems: plan.problems.sort(order), warnings: plan.warnings.sort(order), credentials: [],
  };
}

// --- Reading the school: a fixed number of statements ---------------------------------------

async function loadSchoolState(em: EntityManager, schoolId: string, now: Date, logins: string[]): Promise<SchoolState> {
  const q = <T>(text: string, params: unknown[] = [schoolId]) => em.getConnection().execute<T[]>(text, params);
  const [school] = await q<{ timezone: string }>('select timezone from school where id = ?');
  const today = localDate(now, school.timezone);
  const keys = await q<{ kind: string; sourced_id: string; entity_id: string }>('select kind, sourced_id, entity_id from sourced_key where school_id = ?');
  const years = await q<{ id: string; name: string; starts_on: string; ends_on: string; state: string }>(
    `select id, name, to_char(starts_on, 'YYYY-MM-DD') starts_on, to_char(ends_on, 'YYYY-MM-DD') ends_on, state from academic_year where school_id = ? order by starts_on`);
  const periods = await q<{ id: string; year_id: string; ordinal: number; name: string; starts_on: string; ends_on: string; kind: string; grade_from: number; grade_to: number }>(
    `select p.id, p.year_id, p.ordinal, p.name, to_char(p.starts_on, 'YYYY-MM-DD') starts_on, to_char(p.ends_on, 'YYYY-MM-DD') ends_on, p.kind, p.grade_from, p.grade_to
       from study_period p join academic_year y on y.id = p.year_id where y.school_id = ?`);
  const subjects = await q<{ id: string; name: string; grading_scale: string }>('select id, name, grading_scale from subject where school_id = ?');
  const classes = await q<{ id: string; year_id: string; grade: number; letter: string; shift: number; class_teacher_id: string | null; closed: boolean }>(
    'select id, year_id, grade, letter, shift, class_teacher_id, closed_at is not null as closed from class_group where school_id = ?');
  const curriculum = await q<{ id: string; class_group_id: string; subject_id: string; hours_per_week: string; component: string }>(
    'select ci.id, ci.class_group_id, ci.subject_id, ci.hours_per_week::text, ci.component from curriculum_item ci join class_group c on c.id = ci.class_group_id where c.school_id = ?');
  const person = (table: string, extra: string) => q<Record<string, unknown>>(
    `select id, last_name, first_name, middle_name, personal_data_consent_at is not null as consent, user_id, ${extra} from ${table} where school_id = ?`);
  const students = await person('student', `to_char(birth_date, 'YYYY-MM-DD') birth_date, gender, phone, email, null::text as position`);
  const guardians = await person('guardian', 'null::text birth_date, null::text gender, phone, email, null::text as position');
  const employees = await person('employee', 'null::text birth_date, null::text gender, phone, email, position');
  const guardianships = await q<{ id: string; guardian_id: string; student_id: string; relation: string | null }>(
    'select gs.id, gs.guardian_id, gs.student_id, gs.relation from guardianship gs join guardian g on g.id = gs.guardian_id where g.school_id = ? and gs.revoked_at is null');
  const enrollments = await q<{ id: string; student_id: string; class_group_id: string; starts_on: string; form: string }>(
    `select e.id, e.student_id, e.class_group_id, to_char(e.starts_on, 'YYYY-MM-DD') starts_on, e.form from enrollment e join class_group c on c.id = e.class_group_id
      where c.school_id = ? and (e.ends_on is null or e.ends_on >= ?::date)`, [schoolId, today]);
  const assignments = await q<{ id: string; teacher_id: string; class_group_id: string; subject_id: string }>(
    'select a.id, a.teacher_id, a.class_group_id, a.subject_id from teaching_assignment a join class_group c on c.id = a.class_group_id where c.school_id = ? and a.subgroup_id is null');
  // Logins are one namespace for the region: the accounts of the school's cards, and whoever holds a login the files name.
  const cardUserIds = [...students, ...guardians, ...employees].map((p) => p.user_id as string | null).filter(Boolean) as string[];
  const users = await q<{ id: string; login: string; card_ids: string[]; roles: Role[] }>(
    `select u.id, u.login,
            array(select id from student where user_id = u.id union all select id from guardian where user_id = u.id union all select id from employee where user_id = u.id) card_ids,
            array(select role::text from role_grant where user_id = u.id and school_id = ?) roles
       from app_user u where u.id = any(?::uuid[]) or u.login in (select jsonb_array_elements_text(?::jsonb))`, [schoolId, uuidArray(cardUserIds), JSON.stringify(logins)]);

  const row = (p: Record<string, unknown>): PersonRow => ({
    id: p.id as string, lastName: p.last_name as string, firstName: p.first_name as string, middleName: (p.middle_name as string) ?? null,
    position: (p.position as string) ?? null, birthDate: (p.birth_date as string) ?? null, gender: (p.gender as string) ?? null,
    phone: (p.phone as string) ?? null, email: (p.email as string) ?? null, consentAt: !!p.consent,
  });
  const userById = new Map(users.map((u) => [u.id, u]));
  const cardUsers = new Map<string, { userId: string; login: string; roles: Role[] }>();
  for (const p of [...students, ...guardians, ...employees]) {
    const u = p.user_id ? userById.get(p.user_id as string) : undefined;
    if (u) cardUsers.set(p.id as string, { userId: u.id, login: u.login, roles: u.roles });
  }
  const active = years.find((y) => y.state === AcademicYearState.ACTIVE) ?? years.filter((y) => y.state === AcademicYearState.PLANNING).at(-1);
  return {
    schoolId, today, defaultYearId: active?.id ?? null,
    keys: new Map(keys.map((k) => [`${k.kind}|${k.sourced_id}`, k.entity_id])),
    keyed: new Set(keys.map((k) => `${k.kind}|${k.entity_id}`)),
    years: years.map((y) => ({ id: y.id, name: y.name, startsOn: y.starts_on, endsOn: y.ends_on })),
    periods: periods.map((p) => ({ id: p.id, yearId: p.year_id, ordinal: p.ordinal, name: p.name, startsOn: p.starts_on, endsOn: p.ends_on, kind: p.kind, gradeFrom: p.grade_from, gradeTo: p.grade_to })),
    subjects: subjects.map((s) => ({ id: s.id, name: s.name, gradingScale: s.grading_scale })),
    classes: classes.map((c) => ({ id: c.id, yearId: c.year_id, grade: c.grade, letter: c.letter, shift: c.shift, classTeacherId: c.class_teacher_id, closed: c.closed })),
    curriculum: curriculum.map((c) => ({ id: c.id, classId: c.class_group_id, subjectId: c.subject_id, hoursPerWeek: c.hours_per_week, component: c.component })),
    students: students.map(row), guardians: guardians.map(row), employees: employees.map(row),
    guardianships: guardianships.map((g) => ({ id: g.id, guardianId: g.guardian_id, studentId: g.student_id, relation: g.relation })),
    openEnrollments: enrollments.map((e) => ({ id: e.id, studentId: e.student_id, classId: e.class_group_id, startsOn: e.starts_on, form: e.form })),
    assignments: assignments.map((a) => ({ id: a.id, teacherId: a.teacher_id, classId: a.class_group_id, subjectId: a.subject_id })),
    users: users.map((u) => ({ id: u.id, login: u.login, cardIds: u.card_ids, roles: u.roles })),
    cardUsers,
  };
}

// --- Writing: one statement per table and batch ----------------------------------------------

/** The import's constants, bound once per statement: `k.school`, `k.actor`, `k.at`, `k.today`. */
interface Constants { school: string; actor: string; at: string; today: string }
const CONSTANTS = 'with k as (select ?::uuid as school, ?::uuid as actor, ?::timestamptz as at, ?::date as today) ';

/** One statement per batch: `statement` reads its rows from `jsonb_to_recordset(?::jsonb)` and the constants from `k`. */
async function insertRows(em: EntityManager, k: Constants, statement: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await em.getConnection().execute(CONSTANTS + statement, [k.school, k.actor, k.at, k.today, JSON.stringify(rows.slice(i, i + BATCH))]);
  }
}

async function applyPlan(em: EntityManager, plan: ImportPlan, actorId: string, now: Date, prehashed: HashedPassword[]): Promise<StartingCredential[]> {
  const { state } = plan;
  const schoolId = state.schoolId;
  const at = now.toISOString();
  const k: Constants = { school: schoolId, actor: actorId, at, today: state.today };
  const created = <T extends { outcome: string }>(xs: T[]) => xs.filter((x) => x.outcome === 'CREATED');
  const updated = <T extends { outcome: string }>(xs: T[]) => xs.filter((x) => x.outcome === 'UPDATED');

  await insertRows(em, k, `insert into academic_year (id, school_id, name, starts_on, ends_on, state)
    select id, k.school, name, starts_on, ends_on, 'PLANNING' from jsonb_to_recordset(?::jsonb) t(id uuid, name text, starts_on date, ends_on date), k`,
  created(plan.years).map((y) => ({ id: y.id, name: y.record.name, starts_on: y.record.startsOn, ends_on: y.record.endsOn })));
  await insertRows(em, k, `insert into study_period (id, year_id, kind, ordinal, name, starts_on, ends_on, grade_from, grade_to)
    select id, year_id, kind::study_period_kind, ordinal, name, starts_on, ends_on, grade_from, grade_to
      from jsonb_to_recordset(?::jsonb) t(id uuid, year_id uuid, kind text, ordinal int, name text, starts_on date, ends_on date, grade_from int, grade_to int)`,
  created(plan.periods).map((p) => ({ id: p.id, year_id: p.yearId, kind: p.record.kind, ordinal: p.record.ordinal, name: p.record.name, starts_on: p.record.startsOn, ends_on: p.record.endsOn, grade_from: p.record.gradeFrom, grade_to: p.record.gradeTo })));

  const subjectRow = (s: ImportPlan['subjects'][number]) => ({ id: s.id, name: s.record.name, grading_scale: s.record.gradingScale });
  await insertRows(em, k, `insert into subject (id, school_id, name, grading_scale)
    select id, k.school, name, coalesce(grading_scale, 'FIVE_POINT')::grading_scale from jsonb_to_recordset(?::jsonb) t(id uuid, name text, grading_scale text), k`, created(plan.subjects).map(subjectRow));
  await insertRows(em, k, `update subject s set name = t.name, grading_scale = coalesce(t.grading_scale::grading_scale, s.grading_scale), version = s.version + 1
    from jsonb_to_recordset(?::jsonb) t(id uuid, name text, grading_scale text) where s.id = t.id`, updated(plan.subjects).map(subjectRow));

  const classRow = (c: ImportPlan['classes'][number]) => ({ id: c.id, year_id: c.yearId, grade: c.record.grade, letter: c.record.letter, shift: c.record.shift });
  await insertRows(em, k, `insert into class_group (id, school_id, year_id, grade, letter, shift)
    select id, k.school, year_id, grade, letter, shift from jsonb_to_recordset(?::jsonb) t(id uuid, year_id uuid, grade int, letter text, shift int), k`, created(plan.classes).map(classRow));
  await insertRows(em, k, `update class_group c set shift = t.shift, version = c.version + 1 from jsonb_to_recordset(?::jsonb) t(id uuid, shift int) where c.id = t.id`, updated(plan.classes).map(classRow));

  // Cards: the name always; personal fields only where a consent stands (import-plan.ts).
  for (const [kind, table] of [['STUDENT', 'student'], ['GUARDIAN', 'guardian'], ['EMPLOYEE', 'employee']] as const) {
    const people = plan.people.filter((p) => p.record.kind === kind);
    const rowOf = (p: (typeof people)[number]) => ({
      id: p.id, last_name: p.record.lastName, first_name: p.record.firstName, middle_name: p.record.middleName,
      position: p.record.position, personal: p.personalFields, birth_date: p.record.birthDate, gender: p.record.gender, phone: p.record.phone, email: p.record.email,
      consent_at: p.record.consent ? at : null,
    });
    const cols = { student: ['birth_date', 'gender', 'phone', 'email'], guardian: ['phone', 'email'], employee: ['position', 'phone', 'email'] }[table];
    const types: Record<string, string> = { birth_date: 'date', gender: 'gender', phone: 'text', email: 'text', position: 'text' };
    const value = (c: string) => (c === 'position' ? 't.position' : `case when t.personal then t.${c}${types[c] === 'gender' ? '::gender' : ''} end`);
    await insertRows(em, k, `insert into ${table} (id, school_id, last_name, first_name, middle_name, personal_data_consent_at, ${cols.join(', ')})
      select t.id, k.school, t.last_name, t.first_name, t.middle_name, t.consent_at, ${cols.map(value).join(', ')}
        from jsonb_to_recordset(?::jsonb) t(id uuid, last_name text, first_name text, middle_name text, consent_at timestamptz, personal boolean, birth_date date, gender text, phone text, email text, position text), k`,
    created(people).map(rowOf));
    await insertRows(em, k, `update ${table} p set last_name = t.last_name, first_name = t.first_name, middle_name = t.middle_name,
        personal_data_consent_at = coalesce(p.personal_data_consent_at, t.consent_at),
        ${cols.map((c) => `${c} = ${c === 'position' ? 't.position' : `case when t.personal then t.${c}${types[c] === 'gender' ? '::gender' : ''} else p.${c} end`}`).join(', ')},
        version = p.version + 1
      from jsonb_to_recordset(?::jsonb) t(id uuid, last_name text, first_name text, middle_name text, consent_at timestamptz, personal boolean, birth_date date, gender text, phone text, email text, position text)
      where p.id = t.id`, updated(people).map(rowOf));
  }
  const consents = plan.people.filter((p) => p.record.consent && p.outcome !== 'UNCHANGED');
  await insertRows(em, k, `insert into personal_data_consent (id, school_id, student_id, guardian_id, employee_id, given_by_name, given_by_relation, given_on, recorded_by_id, created_at)
    select gen_random_uuid(), k.school, case when kind = 'STUDENT' then card end, case when kind = 'GUARDIAN' then card end, case when kind = 'EMPLOYEE' then card end,
           given_by_name, given_by_relation, given_on, k.actor, k.at
      from jsonb_to_recordset(?::jsonb) t(card uuid, kind text, given_by_name text, given_by_relation text, given_on date), k
     where not exists (select 1 from personal_data_consent c where coalesce(c.student_id, c.guardian_id, c.employee_id) = t.card and c.given_on = t.given_on and c.withdrawn_on is null)`,
  consents.map((p) => ({ card: p.id, kind: p.record.kind, given_by_name: p.record.consent!.givenByName, given_by_relation: p.record.consent!.givenByRelation, given_on: p.record.consent!.givenOn })));

  // Accounts: starting passwords hashed here, returned once, never stored in the clear.
  const credentials: StartingCredential[] = [];
  const accountRows: object[] = [];
  const hashed = [...prehashed, ...await hashedPasswords(Math.max(0, plan.accounts.length - prehashed.length))];
  plan.accounts.forEach((a, i) => {
    const { password, hash } = hashed[i];
    credentials.push({ sourcedId: a.personKey, name: a.name, login: a.login, startingPassword: password });
    accountRows.push({ id: a.userId, login: a.login, hash });
  });
  await insertRows(em, k, `insert into app_user (id, login, password_hash, must_change_password, created_at, created_by_id)
    select id, login, hash, true, k.at, k.actor from jsonb_to_recordset(?::jsonb) t(id uuid, login text, hash text), k`, accountRows);
  const grants = [
    ...plan.accounts.flatMap((a) => a.roles.map((role) => ({ user_id: a.userId, role }))),
    ...plan.grants.map((g) => ({ user_id: g.userId, role: g.role })),
  ];
  await insertRows(em, k, `insert into role_grant (id, user_id, role, school_id, granted_at, granted_by_id)
    select gen_random_uuid(), user_id, role::role, k.school, k.at, k.actor from jsonb_to_recordset(?::jsonb) t(user_id uuid, role text), k
    on conflict do nothing`, grants);
  for (const [kind, table] of [['STUDENT', 'student'], ['GUARDIAN', 'guardian'], ['EMPLOYEE', 'employee']] as const) {
    await insertRows(em, k, `update ${table} p set user_id = t.id from jsonb_to_recordset(?::jsonb) t(id uuid, card uuid) where p.id = t.card`,
      plan.cardLinks.filter((a) => a.kind === kind).map((a) => ({ id: a.userId, card: a.cardId })));
  }

  const linkRow = (g: ImportPlan['guardianships'][number]) => ({ id: g.id, guardian_id: g.guardianId, student_id: g.studentId, relation: g.record.relation });
  await insertRows(em, k, `insert into guardianship (id, guardian_id, student_id, relation, created_at)
    select id, guardian_id, student_id, relation, k.at from jsonb_to_recordset(?::jsonb) t(id uuid, guardian_id uuid, student_id uuid, relation text), k`, created(plan.guardianships).map(linkRow));
  await insertRows(em, k, `update guardianship g set relation = t.relation from jsonb_to_recordset(?::jsonb) t(id uuid, relation text) where g.id = t.id`, updated(plan.guardianships).map(linkRow));

  await insertRows(em, k, `update class_group c set class_teacher_id = t.employee_id, version = c.version + 1 from jsonb_to_recordset(?::jsonb) t(id uuid, employee_id uuid) where c.id = t.id`,
    plan.classTeachers.filter((t) => t.outcome !== 'UNCHANGED').map((t) => ({ id: t.classId, employee_id: t.employeeId })));

  const itemRow = (c: ImportPlan['curriculum'][number]) => ({ id: c.id, year_id: c.yearId, class_id: c.classId, subject_id: c.subjectId, hours: c.record.hoursPerWeek, component: c.record.component });
  await insertRows(em, k, `insert into curriculum_item (id, year_id, class_group_id, subject_id, hours_per_week, component)
    select id, year_id, class_id, subject_id, hours, component::curriculum_component from jsonb_to_recordset(?::jsonb) t(id uuid, year_id uuid, class_id uuid, subject_id uuid, hours numeric, component text)`, created(plan.curriculum).map(itemRow));
  await insertRows(em, k, `update curriculum_item c set hours_per_week = t.hours, component = t.component::curriculum_component, version = c.version + 1
    from jsonb_to_recordset(?::jsonb) t(id uuid, hours numeric, component text) where c.id = t.id`, updated(plan.curriculum).map(itemRow));
  await insertRows(em, k, `insert into teaching_assignment (id, teacher_id, class_group_id, subject_id, year_id)
    select id, teacher_id, class_id, subject_id, year_id from jsonb_to_recordset(?::jsonb) t(id uuid, teacher_id uuid, class_id uuid, subject_id uuid, year_id uuid)`,
  created(plan.assignments).map((a) => ({ id: a.id, teacher_id: a.teacherId, class_id: a.classId, subject_id: a.subjectId, year_id: a.yearId })));

  // Enrollments are ENROLL orders of the movement book, each opening its enrollment, numbered И-1, И-2, …
  // in the year's book after the import orders already there (the book's numbers are unique per year).
  const orders = created(plan.enrollments).map((e, i) => ({
    order_id: randomUUID(), id: e.id, n: i, year_id: e.yearId, effective_on: e.startsOn,
    student_id: e.studentId, class_id: e.classId, form: e.record.form,
    basis: `Импорт: ${e.record.at.file}, строка ${e.record.at.line}${e.record.form === 'FAMILY_EDUCATION' ? ' (семейное образование)' : ''}`,
  }));
  await insertRows(em, k, `, t as (select * from jsonb_to_recordset(?::jsonb) t(order_id uuid, n int, year_id uuid, effective_on date, student_id uuid, class_id uuid, basis text)),
         top as (select y.year_id, coalesce(max(substring(m.number from '^И-([0-9]{1,9})$')::int), 0) top
                   from (select distinct year_id from t) y cross join k left join movement_order m on m.school_id = k.school and m.year_id = y.year_id and m.number like 'И-%'
                  group by y.year_id)
    insert into movement_order (id, school_id, year_id, number, order_date, effective_on, type, student_id, to_class_id, basis, created_by_id, created_at)
    select t.order_id, k.school, t.year_id, 'И-' || (top.top + row_number() over (partition by t.year_id order by t.n)), k.today, t.effective_on, 'ENROLL', t.student_id, t.class_id, t.basis, k.actor, k.at
      from t join top on top.year_id = t.year_id cross join k`, orders);
  // A family-education pupil is attached to the class by the same ENROLL order (the enrollment's form says so, 004 §10).
  await insertRows(em, k, `insert into enrollment (id, student_id, class_group_id, starts_on, opened_by_id, form)
    select id, student_id, class_id, effective_on, order_id, form::education_form from jsonb_to_recordset(?::jsonb) t(id uuid, order_id uuid, student_id uuid, class_id uuid, effective_on date, form text)`, orders);

  await insertRows(em, k, `insert into sourced_key (id, school_id, kind, sourced_id, entity_id, created_at)
    select gen_random_uuid(), k.school, kind::sourced_kind, sourced_id, entity_id, k.at from jsonb_to_recordset(?::jsonb) t(kind text, sourced_id text, entity_id uuid), k
    on conflict do nothing`, plan.newKeys.map((k) => ({ kind: k.kind, sourced_id: k.sourcedId, entity_id: k.entityId })));
  return credentials;
}
