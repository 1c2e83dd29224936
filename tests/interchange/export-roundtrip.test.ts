import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { School } from '../../entities';
import { ExportService } from '../../domain/interchange/export.service';
import { ImportService, type ImportReport } from '../../domain/interchange/import.service';
import { createSchool } from '../../domain/region/school-creation';
import { AccessScope } from '../../permissions/scope';
import { loadViewer } from '../../permissions/viewer';
import { migrateAndSeed } from '../../server/bootstrap';
import { TestServer } from '../support/server';

// Issue 18 part 3: "an export followed by an import into an empty database gives the same school".
// The demo school is exported as OneRoster 1.2 by its ADMIN, and the zip imported by the ADMIN of a
// new, empty school in a database of its own (logins are one namespace per database).

let source: TestServer;
let target: TestServer;
let sheetTarget: TestServer;

/** A service scope for an account, as the CLI makes one (a session that lives for the call). */
async function scopeOf(server: TestServer, userId: string) {
  const em = server.em();
  const familyId = randomUUID();
  const now = server.clock.now();
  await em.getConnection().execute(
    'insert into refresh_token (id, user_id, token_hash, family_id, created_at, expires_at) values (?, ?, ?, ?, ?, ?)',
    [randomUUID(), userId, randomUUID(), familyId, now, new Date(now.getTime() + 3600_000)]);
  const viewer = (await loadViewer(em, userId, familyId, now))!;
  return { em, reportsEm: em, viewer, clock: server.clock, ip: null, access: new AccessScope(em, viewer, server.clock) };
}

/** The school as the round trip must keep it: every list by natural keys (names), sorted. */
async function picture(em: EntityManager, schoolId: string) {
  const q = async (sql: string) => (await em.getConnection().execute<Record<string, unknown>[]>(sql, [schoolId])).map((r) => Object.values(r).map((v) => (v == null ? '' : String(v))).join(' | ')).sort();
  const name = (alias: string) => `(${alias}.last_name || ' ' || ${alias}.first_name || coalesce(' ' || ${alias}.middle_name, '')) as ${alias}_name`;
  return {
    years: await q(`select name, starts_on::text, ends_on::text from academic_year where school_id = ?`),
    periods: await q(`select p.kind, p.ordinal, p.name, p.starts_on::text, p.ends_on::text from study_period p join academic_year y on y.id = p.year_id where y.school_id = ?`),
    subjects: await q(`select name, grading_scale from subject where school_id = ?`),
    classes: await q(`select c.grade || c.letter as class, c.shift, (select ${name('e')} from employee e where e.id = c.class_teacher_id) from class_group c where c.school_id = ? and c.closed_at is null`),
    curriculum: await q(`select c.grade || c.letter as class, s.name, ci.hours_per_week::float::text, ci.component from curriculum_item ci join class_group c on c.id = ci.class_group_id join subject s on s.id = ci.subject_id where c.school_id = ?`),
    assignments: await q(`select c.grade || c.letter as class, s.name, ${name('e')} from teaching_assignment a join class_group c on c.id = a.class_group_id join subject s on s.id = a.subject_id join employee e on e.id = a.teacher_id where c.school_id = ? and a.subgroup_id is null`),
    pupils: await q(`select ${name('s')}, s.birth_date::text, s.gender, c.grade || c.letter as class, e.starts_on::text, e.form from enrollment e join student s on s.id = e.student_id join class_group c on c.id = e.class_group_id where c.school_id = ? and e.ends_on is null`),
    guardianships: await q(`select ${name('g')}, ${name('s')}, gs.relation from guardianship gs join guardian g on g.id = gs.guardian_id join student s on s.id = gs.student_id where g.school_id = ? and gs.revoked_at is null`),
    staff: await q(`select ${name('e')}, e.position from employee e where e.school_id = ? and e.dismissed_on is null`),
    grants: await q(`select u.login, string_agg(g.role::text, ',' order by g.role::text) as roles from role_grant g join app_user u on u.id = g.user_id where g.school_id = ? group by u.login`),
    logins: await q(`select u.login, concat_ws(',', (select 'S ' || last_name from student where user_id = u.id), (select 'E ' || last_name from employee where user_id = u.id), (select 'G ' || last_name from guardian where user_id = u.id)) as cards from app_user u where exists (select 1 from role_grant g where g.user_id = u.id and g.school_id = ?)`),
  };
}

let exportedZip: Buffer;
let report: ImportReport;
let sourceSchoolId: string;
let targetSchoolId: string;
let targetAdminId: string;

beforeAll(async () => {
  source = await TestServer.start();
  await migrateAndSeed(source.orm, source.clock, { seed: true });
  target = await TestServer.start();
  const school = await source.em().findOneOrFail(School, { name: { $like: '%демо%' } });
  sourceSchoolId = school.id;
  const [admin] = await source.em().getConnection().execute<{ id: string }[]>(`select id from app_user where login = 'admin'`);
  // A teacher who is also a parent: one account with an employee card and a guardian card, kept so by the round trip.
  await source.em().getConnection().execute(
    `with t as (select e.user_id, e.last_name, e.first_name from employee e join role_grant g on g.user_id = e.user_id and g.role = 'TEACHER' where e.school_id = ? order by e.last_name limit 1),
          s as (select id from student where school_id = ? order by last_name desc limit 1),
          gd as (insert into guardian (id, school_id, user_id, last_name, first_name) select gen_random_uuid(), ?, t.user_id, t.last_name, t.first_name from t returning id, user_id),
          link as (insert into guardianship (id, guardian_id, student_id, relation, created_at) select gen_random_uuid(), gd.id, s.id, 'мать', now() from gd, s)
     insert into role_grant (id, user_id, role, school_id, granted_at) select gen_random_uuid(), gd.user_id, 'PARENT', ?, now() from gd`,
    [sourceSchoolId, sourceSchoolId, sourceSchoolId, sourceSchoolId]);
  const file = await new ExportService(await scopeOf(source, admin.id)).exportFile(sourceSchoolId, { format: 'ONEROSTER_ZIP' });
  exportedZip = file.content;

  const created = await createSchool(target.em(), {
    region: 'Область', municipality: 'Город', school: school.name, timezone: school.timezone,
    admin: { login: 'target.admin', lastName: 'Новикова', firstName: 'Анна' },
  }, target.clock.now());
  targetSchoolId = created.schoolId;
  targetAdminId = created.adminUserId;
  report = await new ImportService(await scopeOf(target, targetAdminId)).importFiles(targetSchoolId, [{ name: 'school.zip', content: exportedZip }], false);
}, 120_000);
afterAll(async () => { await source?.stop(); await target?.stop(); await sheetTarget?.stop(); });

it('imports the export of the demo school without a problem', () => {
  expect(report.problems).toEqual([]);
  expect(report.applied).toBe(true);
});

describe('gives the same school', () => {
  let before: Awaited<ReturnType<typeof picture>>;
  let after: Awaited<ReturnType<typeof picture>>;
  beforeAll(async () => {
    before = await picture(source.em(), sourceSchoolId);
    after = await picture(target.em(), targetSchoolId);
  });
  it.each(['years', 'periods', 'subjects', 'classes', 'curriculum', 'assignments', 'pupils', 'guardianships'] as const)('%s', (list) => {
    expect(before[list].length).toBeGreaterThan(0);
    expect(after[list]).toEqual(before[list]);
  });
  // The target's own first ADMIN is there besides the imported staff and accounts.
  it('staff', () => { expect(after.staff.filter((s) => !s.startsWith('Новикова Анна'))).toEqual(before.staff); });
  it('grants', () => { expect(after.grants.filter((l) => !l.startsWith('target.admin'))).toEqual(before.grants); });
  it('logins', () => { expect(after.logins.filter((l) => !l.startsWith('target.admin'))).toEqual(before.logins); });
});

it('changes nothing when the same export is imported again', async () => {
  const again = await new ImportService(await scopeOf(target, targetAdminId)).importFiles(targetSchoolId, [{ name: 'school.zip', content: exportedZip }], true);
  expect(again.problems).toEqual([]);
  expect(again.rows.filter((r) => r.outcome !== 'UNCHANGED')).toEqual([]);
});

describe('the spreadsheet set, imported into an empty school that has the year', () => {
  let sheetReport: ImportReport;
  let sheetSchoolId: string;
  beforeAll(async () => {
    const [admin] = await source.em().getConnection().execute<{ id: string }[]>(`select id from app_user where login = 'admin'`);
    const file = await new ExportService(await scopeOf(source, admin.id)).exportFile(sourceSchoolId, { format: 'SPREADSHEET_ZIP' });
    sheetTarget = await TestServer.start();
    const school = await source.em().findOneOrFail(School, sourceSchoolId);
    const created = await createSchool(sheetTarget.em(), {
      region: 'Область', municipality: 'Город', school: school.name, timezone: school.timezone,
      admin: { login: 'target.admin', lastName: 'Новикова', firstName: 'Анна' },
    }, sheetTarget.clock.now());
    sheetSchoolId = created.schoolId;
    // The set has no calendar: the school's year and periods are set up first, as the demo's.
    const conn = sheetTarget.em().getConnection();
    const years = await source.em().getConnection().execute<Record<string, unknown>[]>(`select * from academic_year where school_id = ?`, [sourceSchoolId]);
    for (const y of years) {
      await conn.execute(`insert into academic_year (id, school_id, name, starts_on, ends_on, state, version) values (?, ?, ?, ?, ?, ?, 1)`,
        [y.id, sheetSchoolId, y.name, y.starts_on, y.ends_on, y.state]);
      for (const p of await source.em().getConnection().execute<Record<string, unknown>[]>(`select * from study_period where year_id = ?`, [y.id])) {
        await conn.execute(`insert into study_period (id, year_id, kind, ordinal, name, starts_on, ends_on, version, grade_from, grade_to) values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
          [p.id, y.id, p.kind, p.ordinal, p.name, p.starts_on, p.ends_on, p.grade_from, p.grade_to]);
      }
    }
    sheetReport = await new ImportService(await scopeOf(sheetTarget, created.adminUserId)).importFiles(sheetSchoolId, [{ name: 'school.zip', content: file.content }], false);
  }, 60_000);

  it('imports without a problem', () => {
    expect(sheetReport.problems).toEqual([]);
    expect(sheetReport.applied).toBe(true);
  });

  it.each(['classes', 'curriculum', 'assignments', 'pupils', 'guardianships', 'grants', 'logins'] as const)('gives the same %s', async (list) => {
    const before = (await picture(source.em(), sourceSchoolId))[list];
    const after = (await picture(sheetTarget.em(), sheetSchoolId))[list].filter((l) => !l.startsWith('target.admin'));
    expect(after).toEqual(before);
  });
});
