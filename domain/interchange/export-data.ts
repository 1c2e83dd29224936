import type { EntityManager } from '@mikro-orm/postgresql';
import { AcademicYearState, type Role } from '../../entities';
import { localDate } from '../../lib/clock';
import { notFound } from '../../lib/errors';

/**
 * A school's rows as an export writes them (issue 18 part 3): one school year's classes, curriculum,
 * teaching assignments and the pupils enrolled in its classes on the day of the export (or the
 * year's first or last day, for a year not yet begun or over), their live guardianships and
 * guardians, the school's staff, and the year's current marks. Read in a fixed number of
 * statements whatever the school's size (every list set-based, no statement per row), and only
 * the parts the exporter may see (`ExportVisibility`, decided by the caller from the registry).
 */

/** Which parts of the school the exporter sees (permissions/registry.ts entries, judged by the caller). */
export interface ExportVisibility {
  /** Logins and whether accounts are enabled (`account.read`). */
  accounts: boolean;
  /** Subjects, curriculum and teaching assignments (`curriculum.read`). */
  curriculum: boolean;
  /** The journal: lessons with marks and the marks (`studentRecord.read`). */
  marks: boolean;
  /** Staff cards (`employeeCard.read`). */
  employees: boolean;
  /** Guardian cards (`guardianCard.readOthers`). */
  guardians: boolean;
}

export type CardKind = 'STUDENT' | 'GUARDIAN' | 'EMPLOYEE';

export interface ExportConsent { givenOn: string; givenBy: string; relation: string | null }
export interface ExportCard {
  id: string; kind: CardKind; lastName: string; firstName: string; middleName: string | null;
  phone: string | null; email: string | null; userId: string | null; login: string | null; enabled: boolean;
  consent: ExportConsent | null;
}
export interface ExportStudent extends ExportCard {
  birthDate: string | null; gender: string | null;
  enrollment: { id: string; classId: string; startsOn: string; form: string };
}
export interface ExportEmployee extends ExportCard { position: string | null }
export interface ExportMark {
  id: string; studentId: string; lessonId: string; value: string; comment: string | null; revision: number;
  workTypeCode: string; scoreDate: string; modifiedAt: string;
}
export interface ExportLesson { id: string; classId: string; subjectId: string; date: string; number: number; topic: string | null; homework: string | null }

export interface ExportData {
  school: { id: string; name: string; timezone: string };
  today: string;
  /** The day whose enrollments are exported: today within the year, else the year's nearest end. */
  onDate: string;
  visibility: ExportVisibility;
  year: { id: string; name: string; startsOn: string; endsOn: string };
  periods: { id: string; kind: string; ordinal: number; name: string; startsOn: string; endsOn: string; gradeFrom: number | null; gradeTo: number | null }[];
  subjects: { id: string; name: string; gradingScale: string }[];
  classes: { id: string; grade: number; letter: string; shift: number; classTeacherId: string | null }[];
  curriculum: { id: string; classId: string; subjectId: string; hoursPerWeek: string; component: string }[];
  assignments: { id: string; teacherId: string; classId: string; subjectId: string }[];
  students: ExportStudent[];
  guardians: ExportCard[];
  guardianships: { guardianId: string; studentId: string; relation: string | null }[];
  employees: ExportEmployee[];
  /** The roles each account holds in this school. */
  roles: Map<string, Role[]>;
  /** `${kind}|${entityId}` → the sourced id the row was imported with (table sourced_key). */
  sourcedIds: Map<string, string>;
  lessons: ExportLesson[];
  marks: ExportMark[];
}

const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const CONSENT = (card: string, alias: string) => `left join lateral (
    select ${day('pc.given_on')} given_on, pc.given_by_name, pc.given_by_relation from personal_data_consent pc
     where pc.${card}_id = ${alias}.id and pc.withdrawn_on is null order by pc.given_on desc limit 1) pc on true`;

type Row = Record<string, unknown>;

function card(kind: CardKind, r: Row, accounts: boolean): ExportCard {
  return {
    id: r.id as string, kind, lastName: r.last_name as string, firstName: r.first_name as string, middleName: (r.middle_name as string) ?? null,
    phone: (r.phone as string) ?? null, email: (r.email as string) ?? null,
    userId: (r.user_id as string) ?? null,
    login: accounts ? (r.login as string) ?? null : null,
    enabled: accounts && !!r.login && !r.locked,
    consent: r.given_on ? { givenOn: r.given_on as string, givenBy: r.given_by_name as string, relation: (r.given_by_relation as string) ?? null } : null,
  };
}

/** The year an export writes: the one asked for (of this school), else the active one, else the latest planned, else the latest. */
export async function chooseYear(em: EntityManager, schoolId: string, yearId: string | null) {
  const years = await em.getConnection().execute<{ id: string; name: string; starts_on: string; ends_on: string; state: string }[]>(
    `select id, name, ${day('starts_on')} starts_on, ${day('ends_on')} ends_on, state from academic_year where school_id = ? order by starts_on`, [schoolId]);
  const year = yearId ? years.find((y) => y.id === yearId)
    : years.find((y) => y.state === AcademicYearState.ACTIVE) ?? years.filter((y) => y.state === AcademicYearState.PLANNING).at(-1) ?? years.at(-1);
  if (!year) throw notFound('AcademicYear');
  return { id: year.id, name: year.name, startsOn: year.starts_on, endsOn: year.ends_on };
}

export async function readExportData(
  em: EntityManager, schoolId: string, yearId: string | null, visibility: ExportVisibility, now: Date,
): Promise<ExportData> {
  const q = <T = Row>(text: string, params: unknown[]) => em.getConnection().execute<T[]>(text, params);
  const [school] = await q<{ id: string; name: string; timezone: string }>('select id, name, timezone from school where id = ?', [schoolId]);
  if (!school) throw notFound('School');
  const today = localDate(now, school.timezone);
  const year = await chooseYear(em, schoolId, yearId);
  const onDate = today < year.startsOn ? year.startsOn : today > year.endsOn ? year.endsOn : today;

  const periods = await q<Row>(
    `select id, kind, ordinal, name, ${day('starts_on')} starts_on, ${day('ends_on')} ends_on, grade_from, grade_to
       from study_period where year_id = ? order by starts_on, grade_from nulls first, ordinal`, [year.id]);
  const subjects = visibility.curriculum
    ? await q<Row>('select id, name, grading_scale from subject where school_id = ? order by name', [schoolId]) : [];
  const curriculum = visibility.curriculum
    ? await q<Row>('select id, class_group_id, subject_id, hours_per_week::text hours, component from curriculum_item where year_id = ? order by class_group_id, subject_id', [year.id]) : [];
  const assignments = visibility.curriculum
    ? await q<Row>('select id, teacher_id, class_group_id, subject_id from teaching_assignment where year_id = ? and subgroup_id is null order by class_group_id, subject_id, id', [year.id]) : [];

  // The pupils: each one's enrollment in a class of the year on `onDate`, else the next one to begin.
  const students = await q<Row>(
    `with cur as (
       select distinct on (e.student_id) e.id, e.student_id, e.class_group_id, ${day('e.starts_on')} starts_on, e.form
         from enrollment e join class_group c on c.id = e.class_group_id
        where c.school_id = ? and c.year_id = ? and (e.ends_on is null or e.ends_on >= ?::date)
        order by e.student_id, (e.starts_on <= ?::date) desc, e.starts_on desc)
     select s.id, s.last_name, s.first_name, s.middle_name, s.phone, s.email, ${day('s.birth_date')} birth_date, s.gender, s.user_id,
            u.login, u.locked, pc.given_on, pc.given_by_name, pc.given_by_relation,
            cur.id enrollment_id, cur.class_group_id, cur.starts_on, cur.form
       from cur join student s on s.id = cur.student_id left join app_user u on u.id = s.user_id
       ${CONSENT('student', 's')}
      order by s.last_name, s.first_name, s.id`, [schoolId, year.id, onDate, onDate]);
  const exported = new Set(students.map((s) => s.id as string));
  // Classes of the year: the open ones, and a closed one still holding a pupil's enrollment.
  const holding = new Set(students.map((s) => s.class_group_id as string));
  const classes = (await q<Row>(
    'select id, grade, letter, shift, class_teacher_id, closed_at is not null closed from class_group where school_id = ? and year_id = ? order by grade, letter',
    [schoolId, year.id])).filter((c) => !c.closed || holding.has(c.id as string));

  // Guardians: those of the exported pupils, by their live guardianships.
  const links = visibility.guardians ? await q<Row>(
    `select g.id, g.last_name, g.first_name, g.middle_name, g.phone, g.email, g.user_id, u.login, u.locked,
            pc.given_on, pc.given_by_name, pc.given_by_relation, gs.student_id, gs.relation
       from guardianship gs join guardian g on g.id = gs.guardian_id left join app_user u on u.id = g.user_id
       ${CONSENT('guardian', 'g')}
      where g.school_id = ? and gs.revoked_at is null order by g.last_name, g.first_name, g.id, gs.created_at`, [schoolId]) : [];
  const liveLinks = links.filter((l) => exported.has(l.student_id as string));
  const guardians = new Map<string, ExportCard>();
  for (const l of liveLinks) if (!guardians.has(l.id as string)) guardians.set(l.id as string, card('GUARDIAN', l, visibility.accounts));

  // Staff: the school's employees not dismissed by the day of the export (data of the roster, not an access rule).
  const employees = visibility.employees ? await q<Row>(
    `select e.id, e.last_name, e.first_name, e.middle_name, e.phone, e.email, e.position, e.user_id, u.login, u.locked,
            pc.given_on, pc.given_by_name, pc.given_by_relation
       from employee e left join app_user u on u.id = e.user_id ${CONSENT('employee', 'e')}
      where e.school_id = ? and (e.dismissed_on is null or e.dismissed_on > ?::date) order by e.last_name, e.first_name, e.id`, [schoolId, today]) : [];

  const grants = await q<{ user_id: string; role: Role }>('select user_id, role::text as role from role_grant where school_id = ? order by role', [schoolId]);
  const roles = new Map<string, Role[]>();
  for (const g of grants) roles.set(g.user_id, [...(roles.get(g.user_id) ?? []), g.role]);
  const keys = await q<{ kind: string; entity_id: string; sourced_id: string }>('select kind, entity_id, sourced_id from sourced_key where school_id = ?', [schoolId]);

  // The journal: the year's current marks of the exported pupils (a pupil with an enrollment the
  // students' statement chose: the same condition), and their lessons, one row each. Rows come
  // named as ExportMark and ExportLesson are, and are used as they come (a large school's marks
  // are not copied again).
  const pupilOfYear = `exists (select 1 from enrollment e join class_group ec on ec.id = e.class_group_id
     where e.student_id = m.student_id and ec.school_id = ? and ec.year_id = ? and (e.ends_on is null or e.ends_on >= ?::date))`;
  const lessons = visibility.marks ? await q<ExportLesson>(
    `select l.id, l.class_group_id "classId", l.subject_id "subjectId", ${day('l.date')} date, l.number, lr.topic, lr.homework
       from lesson l join class_group c on c.id = l.class_group_id left join lesson_record lr on lr.lesson_id = l.id
      where l.school_id = ? and c.year_id = ? and exists (select 1 from mark m where m.lesson_id = l.id and ${pupilOfYear})
      order by l.date, l.number, l.id`, [schoolId, year.id, schoolId, year.id, onDate]) : [];
  const marks = visibility.marks ? await q<ExportMark>(
    `select m.id, m.student_id "studentId", m.lesson_id "lessonId", m.value, m.comment, m.revision, wt.code "workTypeCode",
            ${day('(coalesce(m.corrected_at, m.created_at) at time zone s.timezone)')} "scoreDate",
            to_char(coalesce(m.corrected_at, m.created_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') "modifiedAt"
       from mark m join lesson l on l.id = m.lesson_id join class_group c on c.id = l.class_group_id
       join work_type wt on wt.id = m.work_type_id join school s on s.id = m.school_id
      where m.school_id = ? and c.year_id = ? and ${pupilOfYear}
      order by l.date, l.number, l.id, m.student_id, m.created_at`, [schoolId, year.id, schoolId, year.id, onDate]) : [];

  return {
    school, today, onDate, visibility, year,
    periods: periods.map((p) => ({
      id: p.id as string, kind: p.kind as string, ordinal: p.ordinal as number, name: p.name as string, startsOn: p.starts_on as string,
      endsOn: p.ends_on as string, gradeFrom: (p.grade_from as number) ?? null, gradeTo: (p.grade_to as number) ?? null,
    })),
    subjects: subjects.map((s) => ({ id: s.id as string, name: s.name as string, gradingScale: s.grading_scale as string })),
    classes: classes.map((c) => ({ id: c.id as string, grade: c.grade as number, letter: c.letter as string, shift: c.shift as number, classTeacherId: (c.class_teacher_id as string) ?? null })),
    curriculum: curriculum.map((c) => ({ id: c.id as string, classId: c.class_group_id as string, subjectId: c.subject_id as string, hoursPerWeek: Number(c.hours).toString(), component: c.component as string })),
    assignments: assignments.map((a) => ({ id: a.id as string, teacherId: a.teacher_id as string, classId: a.class_group_id as string, subjectId: a.subject_id as string })),
    students: students.map((s) => ({
      ...card('STUDENT', s, visibility.accounts), birthDate: (s.birth_date as string) ?? null, gender: (s.gender as string) ?? null,
      enrollment: { id: s.enrollment_id as string, classId: s.class_group_id as string, startsOn: s.starts_on as string, form: s.form as string },
    })),
    guardians: [...guardians.values()],
    guardianships: liveLinks.map((l) => ({ guardianId: l.id as string, studentId: l.student_id as string, relation: (l.relation as string) ?? null })),
    employees: employees.map((e) => ({ ...card('EMPLOYEE', e, visibility.accounts), position: (e.position as string) ?? null })),
    roles,
    sourcedIds: new Map(keys.map((k) => [`${k.kind}|${k.entity_id}`, k.sourced_id])),
    lessons,
    marks,
  };
}
