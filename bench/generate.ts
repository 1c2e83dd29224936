/**
 * Benchmark data (not a test fixture): whole schools written with set-based SQL
 * (generate_series, insert … select) into a database migrated with the project's own
 * migrations, so every row passes the real constraints, foreign keys and triggers
 * (the term-report rollup fills itself as the marks go in).
 *
 * One school: 44 classes (grades 1–11, letters А–Г), 1,000 students with a parent each, each
 * enrolled by an ENROLL order of the movement book, with consents; 60 staff; the curriculum and a
 * weekly timetable; a full year of lessons from it (about 40,700), lesson records,
 * about 200,000 marks (none in first grade) with their first versions, about 1% absences.
 * Every school is the same shape; the region is 200 of them. Each school is one transaction:
 * an interrupted run keeps the schools it finished.
 */
import type { Client } from 'pg';
import { addDays, isoWeekday } from '../lib/clock';
import { WORK_TYPES } from '../seed/demo-data';

export const BENCH_TODAY = '2027-05-20';
/** Thursday 20 May 2027, noon in Moscow: the past three days' lessons accept marks. */
export const BENCH_NOW = `${BENCH_TODAY}T12:00:00+03:00`;
export const BENCH_PASSWORD = 'demo';
export const TIMEZONE = 'Europe/Moscow';

export const CLASS_LETTERS = ['А', 'Б', 'В', 'Г'];
export const CLASSES_PER_SCHOOL = 11 * CLASS_LETTERS.length;
export const STUDENTS_PER_SCHOOL = 1000;
export const MARKS_PER_SCHOOL = 200_000;
const SCHOOLS_PER_MUNICIPALITY = 10;
const PRIMARY_CLASSES = 16; // grades 1–4

const PRIMARY_SUBJECTS = ['Математика', 'Русский язык', 'Литературное чтение', 'Окружающий мир', 'Физическая культура'];
const SENIOR_SUBJECTS = ['Математика', 'Русский язык', 'Литература', 'Английский язык', 'История', 'Биология',
  'География', 'Физика', 'Химия', 'Физическая культура'];
const SUBJECTS = [...new Set([...PRIMARY_SUBJECTS, ...SENIOR_SUBJECTS])];
/** How often each work type is used, as repeats in a pick list. */
const WORK_TYPE_PICKS = ['ORAL', 'ORAL', 'ORAL', 'ORAL', 'HOMEWORK', 'HOMEWORK', 'HOMEWORK', 'INDEPENDENT', 'INDEPENDENT', 'TEST', 'CONTROL', 'PRACTICAL'];

const YEAR = { name: '2026/2027', startsOn: '2026-09-01', endsOn: '2027-05-26' };
const QUARTERS: readonly [string, string, string][] = [
  ['1 четверть', '2026-09-01', '2026-10-23'],
  ['2 четверть', '2026-11-05', '2026-12-28'],
  ['3 четверть', '2027-01-12', '2027-03-19'],
  ['4 четверть', '2027-03-30', '2027-05-26'],
];
const HOLIDAYS: readonly [string, string, string][] = [
  ['Осенние каникулы', '2026-10-24', '2026-11-04'],
  ['Зимние каникулы', '2026-12-29', '2027-01-11'],
  ['Весенние каникулы', '2027-03-20', '2027-03-29'],
  ['День защитника Отечества', '2027-02-23', '2027-02-23'],
  ['Международный женский день', '2027-03-08', '2027-03-08'],
  ['Праздник Весны и Труда', '2027-05-01', '2027-05-03'],
  ['День Победы', '2027-05-09', '2027-05-10'],
];

export function schoolDays(): string[] {
  const days: string[] = [];
  for (const [, from, to] of QUARTERS) {
    for (let d = from; d <= to; d = addDays(d, 1)) {
      if (isoWeekday(d) <= 5 && !HOLIDAYS.some(([, a, b]) => d >= a && d <= b)) days.push(d);
    }
  }
  return days;
}

/** Logins of school number `n` (1-based): `b001.admin`, `b001.t12`, `b001.st0420`, `b001.p0420`. */
export const schoolPrefix = (n: number) => `b${String(n).padStart(3, '0')}`;

export interface GenerateOptions {
  schools: number;
  passwordHash: string;
  /**
   * Region scale: skip re-checking foreign keys row by row (session_replication_role = replica,
   * which also holds back the rollup triggers; the school's rollup is then rebuilt in one go).
   * Unique, check and not-null constraints still hold; the school-scale run, with every check on,
   * shows that the same rows pass the foreign keys too.
   */
  trustedBulkLoad?: boolean;
  log?: (line: string) => void;
}

export interface GenerateResult { schools: number; seconds: number; counts: Record<string, number> }

/** Writes `schools` schools (skipping those already there), then analyzes the tables. */
export async function generate(pg: Client, options: GenerateOptions): Promise<GenerateResult> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const [{ v7 }] = (await pg.query(`select current_setting('server_version_num')::int >= 180000 as v7`)).rows;
  // Time-ordered ids keep the big tables' primary-key indexes appending (PostgreSQL 18 has uuidv7()).
  const newId = v7 ? 'uuidv7()' : 'gen_random_uuid()';
  const region = await ensureRegion(pg, newId, options);
  const days = schoolDays();
  for (let n = 1; n <= options.schools; n += 1) {
    const prefix = schoolPrefix(n);
    const { rowCount } = await pg.query(`select 1 from school where name = $1`, [`Бенчмарк-школа ${prefix}`]);
    if (rowCount) continue;
    const t0 = Date.now();
    await pg.query('begin');
    try {
      const municipality = await ensureMunicipality(pg, region, Math.ceil(n / SCHOOLS_PER_MUNICIPALITY), options.passwordHash);
      if (options.trustedBulkLoad) await pg.query(`set local session_replication_role = replica`);
      const school = await generateSchool(pg, n, municipality, days, newId, options.passwordHash);
      if (options.trustedBulkLoad) {
        await pg.query(`set local session_replication_role = origin`);
        await pg.query(`select mark_rollup_rebuild(array(select id from class_group where school_id = $1))`, [school]);
      }
      await pg.query('commit');
    } catch (error) {
      await pg.query('rollback');
      throw error;
    }
    log(`school ${n}/${options.schools} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  log('analyze');
  await pg.query('analyze');
  const counts: Record<string, number> = {};
  for (const table of ['school', 'student', 'lesson', 'mark', 'mark_version', 'attendance', 'mark_rollup']) {
    // Planner estimates after analyze: exact counts of 40M rows take minutes.
    const { rows } = await pg.query(`select reltuples::bigint as n from pg_class where relname = $1`, [table]);
    counts[table] = Number(rows[0].n);
  }
  return { schools: options.schools, seconds: Math.round((Date.now() - started) / 1000), counts };
}

async function ensureRegion(pg: Client, newId: string, options: GenerateOptions): Promise<string> {
  const existing = await pg.query(`select id from region where name = 'Бенчмарк-регион'`);
  if (existing.rows[0]) return existing.rows[0].id;
  await pg.query('begin');
  const { rows: [r] } = await pg.query(`insert into region (id, name) values (${newId}, 'Бенчмарк-регион') returning id`);
  const { rows: [u] } = await pg.query(
    `insert into app_user (id, login, password_hash, created_at) values (${newId}, 'bench.region', $1, now()) returning id`, [options.passwordHash]);
  await pg.query(`insert into role_grant (id, user_id, role, region_id, granted_at) values (${newId}, $1, 'REGIONAL_COORDINATOR', $2, now())`, [u.id, r.id]);
  await pg.query('commit');
  return r.id;
}

async function ensureMunicipality(pg: Client, region: string, m: number, passwordHash: string): Promise<string> {
  const name = `Бенчмарк-округ ${m}`;
  const existing = await pg.query(`select id from municipality where name = $1`, [name]);
  if (existing.rows[0]) return existing.rows[0].id;
  const { rows: [mu] } = await pg.query(
    `insert into municipality (id, region_id, name) values (gen_random_uuid(), $1, $2) returning id`, [region, name]);
  const { rows: [u] } = await pg.query(
    `insert into app_user (id, login, password_hash, created_at) values (gen_random_uuid(), $1, $2, now()) returning id`,
    [`bench.m${m}.coordinator`, passwordHash]);
  await pg.query(`insert into role_grant (id, user_id, role, municipality_id, granted_at) values (gen_random_uuid(), $1, 'MUNICIPAL_COORDINATOR', $2, now())`, [u.id, mu.id]);
  return mu.id;
}

async function generateSchool(pg: Client, n: number, municipality: string, days: string[], newId: string, passwordHash: string): Promise<string> {
  const prefix = schoolPrefix(n);
  const q = async (sql: string, params: unknown[] = []) => {
    const t0 = Date.now();
    const result = await pg.query(sql, params);
    if (process.env.BENCH_TRACE) console.log(`${Date.now() - t0} ms: ${sql.replace(/\s+/g, ' ').slice(0, 80)}`);
    return result;
  };
  // Reproducible random choices (one seed per school).
  await q(`select setseed($1::float8)`, [((n * 7919) % 10_000) / 10_000]);

  const { rows: [school] } = await q(
    `insert into school (id, municipality_id, name, timezone) values (gen_random_uuid(), $1, $2, $3) returning id`,
    [municipality, `Бенчмарк-школа ${prefix}`, TIMEZONE]);
  const s = school.id as string;
  const { rows: [year] } = await q(
    `insert into academic_year (id, school_id, name, starts_on, ends_on, state) values (gen_random_uuid(), $1, $2, $3, $4, 'ACTIVE') returning id`,
    [s, YEAR.name, YEAR.startsOn, YEAR.endsOn]);
  await q(`insert into study_period (id, year_id, kind, ordinal, name, starts_on, ends_on)
           select gen_random_uuid(), $1, 'QUARTER', p.ord, p.name, p.starts_on, p.ends_on
             from unnest($2::text[], $3::date[], $4::date[]) with ordinality as p(name, starts_on, ends_on, ord)`,
  [year.id, QUARTERS.map((x) => x[0]), QUARTERS.map((x) => x[1]), QUARTERS.map((x) => x[2])]);
  await q(`insert into holiday (id, year_id, name, starts_on, ends_on)
           select gen_random_uuid(), $1, h.name, h.a, h.b from unnest($2::text[], $3::date[], $4::date[]) as h(name, a, b)`,
  [year.id, HOLIDAYS.map((x) => x[0]), HOLIDAYS.map((x) => x[1]), HOLIDAYS.map((x) => x[2])]);
  await q(`insert into bell (id, school_id, shift, number, starts_at, ends_at)
           select gen_random_uuid(), $1, 1, b, time '08:30' + (b - 1) * interval '55 minutes', time '09:15' + (b - 1) * interval '55 minutes'
             from generate_series(1, 7) b`, [s]);
  await q(`insert into subject (id, school_id, name) select gen_random_uuid(), $1, unnest($2::text[])`, [s, SUBJECTS]);
  await q(`insert into work_type (id, school_id, code, name, weight)
           select gen_random_uuid(), $1, w.code, w.name, w.weight from unnest($2::text[], $3::text[], $4::numeric[]) as w(code, name, weight)`,
  [s, WORK_TYPES.map((w) => w.code), WORK_TYPES.map((w) => w.name), WORK_TYPES.map((w) => w.weight)]);

  // Staff: 16 primary-school teachers (one per class of grades 1–4), 4 teachers per senior subject, the administration.
  const teachers = PRIMARY_CLASSES + SENIOR_SUBJECTS.length * CLASS_LETTERS.length;
  await q(`create temp table bench_staff on commit drop as
           select gen_random_uuid() as user_id, gen_random_uuid() as employee_id, k, login, role::role, position from (
             select t as k, $1 || '.t' || t as login, 'TEACHER' as role, 'Учитель' as position from generate_series(1, $2::int) t
             union all select 1000 + i, $1 || '.' || x.login, x.role, x.position
               from unnest(array['admin', 'director', 'zavuch', 'secretary'],
                           array['ADMIN', 'DIRECTOR', 'DEPUTY_ACADEMIC', 'SECRETARY'],
                           array['Администратор', 'Директор', 'Заместитель директора по УВР', 'Делопроизводитель'])
                    with ordinality as x(login, role, position, i)) st`, [prefix, teachers]);
  await q(`insert into app_user (id, login, password_hash, created_at) select user_id, login, $1, timestamptz '2026-08-20 09:00+03' from bench_staff`, [passwordHash]);
  await q(`insert into role_grant (id, user_id, role, school_id, granted_at) select gen_random_uuid(), user_id, role, $1, timestamptz '2026-08-20 09:00+03' from bench_staff`, [s]);
  await q(`insert into employee (id, school_id, user_id, last_name, first_name, middle_name, position, hired_on)
           select employee_id, $1, user_id, 'Сотрудник' || k, 'Имя', 'Отчество', position, date '2015-08-25' from bench_staff`, [s]);

  // Classes: index i 0…43 → grade i/4 + 1, letter i % 4. Primary classes are led by their teacher i + 1,
  // senior classes by subject teacher 17 + (i - 16).
  await q(`create temp table bench_class on commit drop as
           select gen_random_uuid() as id, i, i / 4 + 1 as grade, ($1::text[])[i % 4 + 1] as letter from generate_series(0, $2::int - 1) i`,
  [CLASS_LETTERS, CLASSES_PER_SCHOOL]);
  await q(`insert into class_group (id, school_id, year_id, grade, letter, shift, class_teacher_id)
           select c.id, $1, $2, c.grade, c.letter, 1, st.employee_id from bench_class c join bench_staff st on st.k = c.i + 1`, [s, year.id]);

  // Students round-robin over the classes, each with an account, a parent (with an account) and an enrollment.
  await q(`create temp table bench_student on commit drop as
           select gen_random_uuid() as id, gen_random_uuid() as user_id, gen_random_uuid() as guardian_id, gen_random_uuid() as parent_user_id,
                  gen_random_uuid() as order_id, k, c.id as class_id, c.grade, 2.8 + random() * 2.0 as ability
             from generate_series(1, $1::int) k join bench_class c on c.i = (k - 1) % $2`, [STUDENTS_PER_SCHOOL, CLASSES_PER_SCHOOL]);
  await q(`insert into app_user (id, login, password_hash, created_at)
           select user_id, $1 || '.st' || lpad(k::text, 4, '0'), $2, timestamptz '2026-08-20 09:00+03' from bench_student
           union all select parent_user_id, $1 || '.p' || lpad(k::text, 4, '0'), $2, timestamptz '2026-08-20 09:00+03' from bench_student`,
  [prefix, passwordHash]);
  await q(`insert into role_grant (id, user_id, role, school_id, granted_at)
           select gen_random_uuid(), user_id, 'STUDENT'::role, $1::uuid, timestamptz '2026-08-20 09:00+03' from bench_student
           union all select gen_random_uuid(), parent_user_id, 'PARENT'::role, $1::uuid, timestamptz '2026-08-20 09:00+03' from bench_student`, [s]);
  await q(`insert into student (id, school_id, user_id, last_name, first_name, middle_name, birth_date, personal_data_consent_at)
           select id, $1, user_id, 'Ученик' || k, 'Имя', 'Отчество', date '2020-01-01' - (grade * 365), timestamptz '2026-08-28 10:00+03'
             from bench_student`, [s]);
  await q(`insert into guardian (id, school_id, user_id, last_name, first_name, middle_name, phone, personal_data_consent_at)
           select guardian_id, $1, parent_user_id, 'Родитель' || k, 'Имя', 'Отчество', '+7 900 000-00-00', timestamptz '2026-08-28 10:00+03'
             from bench_student`, [s]);
  await q(`insert into guardianship (id, guardian_id, student_id, relation, created_at)
           select gen_random_uuid(), guardian_id, id, 'мать', timestamptz '2026-08-28 10:00+03' from bench_student`);
  // The movement book: every enrollment is opened by its ENROLL order; consents to personal data, for the child and the parent.
  const secretary = `(select user_id from bench_staff where login = '${prefix}.secretary')`;
  await q(`insert into movement_order (id, school_id, year_id, number, order_date, effective_on, type, student_id, to_class_id, basis, created_by_id, created_at)
           select order_id, $1, $2, 'М-' || k, date '2026-08-31', $3::date, 'ENROLL', id, class_id, 'Зачисление в порядке перевода',
                  ${secretary}, timestamptz '2026-08-31 10:00+03' from bench_student`, [s, year.id, YEAR.startsOn]);
  await q(`insert into enrollment (id, student_id, class_group_id, starts_on, opened_by_id)
           select gen_random_uuid(), id, class_id, $1, order_id from bench_student`, [YEAR.startsOn]);
  await q(`insert into personal_data_consent (id, school_id, student_id, guardian_id, given_by_name, given_by_relation, given_on, document, recorded_by_id, created_at)
           select gen_random_uuid(), $1::uuid, id, null::uuid, 'Родитель' || k, 'мать', date '2026-08-28', 'Согласие на обработку персональных данных ребёнка',
                  ${secretary}, timestamptz '2026-08-28 10:00+03' from bench_student
           union all select gen_random_uuid(), $1::uuid, null, guardian_id, 'Родитель' || k, 'сам', date '2026-08-28', 'Согласие на обработку персональных данных',
                  ${secretary}, timestamptz '2026-08-28 10:00+03' from bench_student`, [s]);

  // The weekly timetable: six lessons a day in senior classes, five in primary ones.
  await q(`create temp table bench_timetable on commit drop as
           select c.id as class_id, c.grade, w as weekday, b as number, sj.id as subject_id, st.employee_id as teacher_id, st.user_id as teacher_user_id
             from bench_class c cross join generate_series(1, 5) w cross join generate_series(1, case when c.grade <= 4 then 5 else 6 end) b
             cross join lateral (select case when c.grade <= 4 then ($2::text[])[(c.i + w * 5 + b) % 5 + 1]
                                             else ($3::text[])[(c.i + w * 6 + b) % 10 + 1] end as name) pick
             join subject sj on sj.school_id = $1 and sj.name = pick.name
             join bench_staff st on st.k = case when c.grade <= 4 then c.i + 1
                                                else $4::int + array_position($3::text[], pick.name::text) * 4 - 3 + c.i % 4 end`,
  [s, PRIMARY_SUBJECTS, SENIOR_SUBJECTS, PRIMARY_CLASSES]);
  await q(`insert into teaching_assignment (id, teacher_id, class_group_id, subject_id, year_id)
           select gen_random_uuid(), teacher_id, class_id, subject_id, $1 from (select distinct teacher_id, class_id, subject_id from bench_timetable) t`, [year.id]);
  await q(`insert into curriculum_item (id, year_id, class_group_id, subject_id, hours_per_week, component)
           select gen_random_uuid(), $1, class_id, subject_id, count(*), 'COMPULSORY' from bench_timetable group by class_id, subject_id`, [year.id]);
  await q(`alter table bench_timetable add column entry_id uuid`);
  await q(`update bench_timetable set entry_id = gen_random_uuid()`);
  await q(`insert into timetable_entry (id, year_id, class_group_id, subject_id, teacher_id, weekday, bell_number, shift, valid_from, valid_to)
           select entry_id, $1, class_id, subject_id, teacher_id, weekday, number, 1, $2, $3 from bench_timetable`, [year.id, YEAR.startsOn, YEAR.endsOn]);

  // A year of lessons; the past ones were held (a few cancelled), with a topic and mostly homework.
  await q(`create temp table bench_lesson on commit drop as
           select ${newId} as id, t.class_id, t.grade, t.subject_id, t.teacher_id, t.teacher_user_id, t.entry_id, d.day as date, t.number,
                  (d.day + time '08:30' + (t.number - 1) * interval '55 minutes') at time zone $3 as starts_at,
                  case when d.day >= $2::date then 'SCHEDULED' when random() < 0.005 then 'CANCELLED' else 'HELD' end::lesson_state as state
             from unnest($1::date[]) d(day) join bench_timetable t on t.weekday = extract(isodow from d.day)
            order by d.day, t.number`, [days, BENCH_TODAY, TIMEZONE]);
  await q(`insert into lesson (id, school_id, class_group_id, subject_id, teacher_id, timetable_entry_id, date, number, state)
           select id, $1, class_id, subject_id, teacher_id, entry_id, date, number, state from bench_lesson`, [s]);
  await q(`insert into lesson_record (id, lesson_id, topic, homework, updated_by_id, updated_at)
           select ${newId}, id, 'Тема урока ' || number || ' (' || to_char(date, 'DD.MM') || ')',
                  case when random() < 0.7 then '§' || (1 + floor(random() * 40))::int || ', упр. ' || (1 + floor(random() * 300))::int end,
                  teacher_user_id, starts_at + interval '45 minutes'
             from bench_lesson where state = 'HELD'`);

  // Marks: each student of a held lesson (grade 2 and up) gets one with a probability that makes ~200k a school.
  const { rows: [cand] } = await q(
    `select count(*)::int as n from bench_lesson l join bench_student st on st.class_id = l.class_id where l.state = 'HELD' and l.grade >= 2`);
  const p = Math.min(1, MARKS_PER_SCHOOL / Math.max(1, cand.n));
  await q(`create temp table bench_work_type on commit drop as
           select w.id, pick.i from unnest($2::text[]) with ordinality as pick(code, i) join work_type w on w.school_id = $1 and w.code = pick.code`,
  [s, WORK_TYPE_PICKS]);
  await q(`create temp table bench_mark on commit drop as
           select ${newId} as id, m.student_id, m.lesson_id, wt.id as work_type_id, m.value, m.teacher_user_id, m.created_at
             from (select st.id as student_id, l.id as lesson_id, l.teacher_user_id, l.starts_at + interval '40 minutes' as created_at,
                          greatest(2, least(5, round(st.ability + (random() - 0.5) * 2.2)))::int::text as value,
                          1 + floor(random() * $2)::int as pick
                     from bench_lesson l join bench_student st on st.class_id = l.class_id
                    where l.state = 'HELD' and l.grade >= 2 and random() < $1
                    order by l.date, l.number) m
             join bench_work_type wt on wt.i = m.pick`, [p, WORK_TYPE_PICKS.length]);
  await q(`insert into mark (id, school_id, student_id, lesson_id, work_type_id, value, revision, created_by_id, created_at)
           select id, $1, student_id, lesson_id, work_type_id, value, 1, teacher_user_id, created_at from bench_mark`, [s]);
  await q(`insert into mark_version (id, mark_id, revision, value, created_by_id, created_at)
           select ${newId}, id, 1, value, teacher_user_id, created_at from bench_mark`);
  await q(`insert into attendance (id, school_id, student_id, lesson_id, kind, reason, created_by_id, created_at)
           select ${newId}, $1, st.id, l.id, case when random() < 0.8 then 'ABSENT' else 'LATE' end::attendance_kind,
                  (array['UNKNOWN', 'ILLNESS', 'EXCUSED', 'UNEXCUSED'])[1 + floor(random() * 4)::int]::absence_reason,
                  l.teacher_user_id, l.starts_at + interval '5 minutes'
             from bench_lesson l join bench_student st on st.class_id = l.class_id
            where l.state = 'HELD' and random() < 0.01`, [s]);
  return s;
}
