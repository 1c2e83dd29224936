import type { EntityManager } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify/sync';
import { SourcedKind } from '../../entities';
import { localDate } from '../../lib/clock';
import { badInput, notFound } from '../../lib/errors';
import type { Permission } from '../../permissions/registry';
import { russianWordOf } from '../../permissions/roster-export-roles';
import { chooseYear, type ExportData } from './export-data';
import { cardRoles, sourcedIdsOf, type CsvFile } from './oneroster-export';

/**
 * Spreadsheet-friendly CSV (issue 18 part 3, docs/oneroster.md "The spreadsheet set"): UTF-8 with
 * a BOM and `;` between cells, as Excel on a Russian Windows opens them with a double click, and
 * Russian headers. Two uses:
 * - the spreadsheet set (classes, staff, students, guardians, curriculum) with the very columns the
 *   import reads (roster-readers.ts), so the set can be edited in a spreadsheet and imported again;
 * - lists (`LISTS`): a class journal's marks for a class × subject × study period, the school's pupils.
 * Every cell that a spreadsheet would run as a formula (it begins with = + - @, a tab or a CR) is
 * prefixed with ' (CSV injection), whatever the data: a name cannot begin so (the import refuses it),
 * but a phone number "+7 …" or a comment can. The import takes such a ' off again (roster-readers.ts).
 */

type Cell = string | number | null | undefined;
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as a spreadsheet may show it: never a formula. */
export function safeCell(value: Cell): string {
  const text = value == null ? '' : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function spreadsheetCsv(header: string[], rows: Cell[][]): Buffer {
  const text = stringify([header, ...rows].map((r) => r.map(safeCell)), { delimiter: ';', record_delimiter: '\r\n' });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** ДД.ММ.ГГГГ, as a Russian spreadsheet shows a date (the import reads it too). */
export const ruDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '');
const hours = (h: string | null) => (h ? h.replace('.', ',') : '');
const SEX: Record<string, string> = { MALE: 'м', FEMALE: 'ж' };
const FORM: Record<string, string> = { IN_CLASS: 'очное', FAMILY_EDUCATION: 'семейное' };

/** The spreadsheet set of the school (the columns roster-readers.ts reads, and a few it passes over). */
export function spreadsheetSetFiles(data: ExportData): CsvFile[] {
  const sid = sourcedIdsOf(data);
  // An id the spreadsheet import gave ("staff:12") is written back as it was in the file ("12").
  const sheetId = (kind: SourcedKind, id: string) => sid(kind, id).replace(/^(staff|student|guardian):/, '');
  const cards = cardRoles(data);
  const className = new Map(data.classes.map((c) => [c.id, `${c.grade}${c.letter}`]));
  const subjectName = new Map(data.subjects.map((s) => [s.id, s.name]));
  const employeeIds = new Set(data.employees.map((e) => e.id));
  const staffId = (id: string) => sheetId(SourcedKind.EMPLOYEE, id);
  const files: CsvFile[] = [];
  const consent = (c: { consent: { givenOn: string; givenBy: string; relation: string | null } | null }) => [ruDate(c.consent?.givenOn ?? null), c.consent?.givenBy, c.consent?.relation];

  files.push({
    name: 'classes.csv',
    content: spreadsheetCsv(['класс', 'смена', 'классный руководитель'], data.classes.map((c) =>
      [`${c.grade}${c.letter}`, c.shift, c.classTeacherId && employeeIds.has(c.classTeacherId) ? staffId(c.classTeacherId) : ''])),
  });
  files.push({
    name: 'staff.csv',
    content: spreadsheetCsv(['id', 'фамилия', 'имя', 'отчество', 'должность', 'роли', 'логин', 'телефон', 'email', 'согласие дата', 'согласие дал', 'согласие кем приходится'],
      data.employees.map((e) => {
        const account = cards.get(`EMPLOYEE|${e.id}`)!;
        return [staffId(e.id), e.lastName, e.firstName, e.middleName, e.position, account.roles.map(russianWordOf).filter(Boolean).join(', '), account.login, e.phone, e.email, ...consent(e)];
      })),
  });
  files.push({
    name: 'students.csv',
    content: spreadsheetCsv(['id', 'фамилия', 'имя', 'отчество', 'класс', 'дата рождения', 'пол', 'логин', 'телефон', 'email', 'зачислен с', 'согласие дата', 'согласие дал', 'согласие кем приходится', 'форма обучения'],
      data.students.map((s) => [sheetId(SourcedKind.STUDENT, s.id), s.lastName, s.firstName, s.middleName, className.get(s.enrollment.classId), ruDate(s.birthDate),
        s.gender ? SEX[s.gender] : '', cards.get(`STUDENT|${s.id}`)!.login, s.phone, s.email, ruDate(s.enrollment.startsOn), ...consent(s), FORM[s.enrollment.form] ?? ''])),
  });
  const pupilsOf = new Map<string, { ids: string[]; relation: string | null }>();
  for (const g of data.guardianships) {
    const entry = pupilsOf.get(g.guardianId) ?? { ids: [], relation: null };
    entry.ids.push(sheetId(SourcedKind.STUDENT, g.studentId));
    entry.relation ??= g.relation;
    pupilsOf.set(g.guardianId, entry);
  }
  files.push({
    name: 'guardians.csv',
    content: spreadsheetCsv(['id', 'фамилия', 'имя', 'отчество', 'телефон', 'email', 'ученики', 'кем приходится', 'логин', 'согласие дата', 'согласие дал', 'согласие кем приходится'],
      data.guardians.map((g) => [sheetId(SourcedKind.GUARDIAN, g.id), g.lastName, g.firstName, g.middleName, g.phone, g.email,
        pupilsOf.get(g.id)?.ids.join(', '), pupilsOf.get(g.id)?.relation, cards.get(`GUARDIAN|${g.id}`)!.login, ...consent(g)])),
  });
  // One row per class × subject (the import reads one teacher per row: the first assignment's).
  const teacherOf = new Map<string, string>();
  for (const a of data.assignments) if (employeeIds.has(a.teacherId) && !teacherOf.has(`${a.classId}|${a.subjectId}`)) teacherOf.set(`${a.classId}|${a.subjectId}`, staffId(a.teacherId));
  files.push({
    name: 'curriculum.csv',
    content: spreadsheetCsv(['класс', 'предмет', 'часов в неделю', 'учитель'],
      data.curriculum.filter((c) => className.has(c.classId) && subjectName.has(c.subjectId)).map((c) =>
        [className.get(c.classId), subjectName.get(c.subjectId), hours(c.hoursPerWeek), teacherOf.get(`${c.classId}|${c.subjectId}`)])),
  });
  return files;
}

// --- Lists ------------------------------------------------------------------------------------

export type ListName = 'PUPILS' | 'CLASS_JOURNAL_MARKS';
export interface ListParams { yearId?: string | null; classId?: string | null; subjectId?: string | null; studyPeriodId?: string | null }
export interface ListFile { fileName: string; content: Buffer; studentIds: string[] }

interface ListDefinition {
  /** What the exporter must hold in the school besides `interchange.export` (the list's own matrix cell). */
  permission: Permission;
  read(em: EntityManager, schoolId: string, params: ListParams, now: Date): Promise<ListFile>;
}

const need = (value: string | null | undefined, field: string): string => {
  if (!value) throw badInput(`list.${field}`, `This list needs "list.${field}".`);
  return value;
};
const fileSafe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '-');

/**
 * The lists, by name: one mutation (`requestExport(format: LIST_CSV, list: {name, …})`) serves
 * them all. A list reads in a fixed number of statements; rows of another school are NOT_FOUND.
 */
export const LISTS: Record<ListName, ListDefinition> = {
  PUPILS: {
    permission: 'studentCard.read',
    async read(em, schoolId, params, now) {
      const year = await chooseYear(em, schoolId, params.yearId ?? null);
      const [school] = await em.getConnection().execute<{ timezone: string }[]>('select timezone from school where id = ?', [schoolId]);
      const today = localDate(now, school.timezone);
      const onDate = today < year.startsOn ? year.startsOn : today > year.endsOn ? year.endsOn : today;
      const rows = await em.getConnection().execute<Record<string, string | number | null>[]>(
        `select distinct on (e.student_id) s.id, s.last_name, s.first_name, s.middle_name, c.grade, c.letter,
                to_char(s.birth_date, 'YYYY-MM-DD') birth_date, s.gender, to_char(e.starts_on, 'YYYY-MM-DD') starts_on, e.form
           from enrollment e join class_group c on c.id = e.class_group_id join student s on s.id = e.student_id
          where c.school_id = ? and c.year_id = ? and (e.ends_on is null or e.ends_on >= ?::date)
          order by e.student_id, (e.starts_on <= ?::date) desc, e.starts_on desc`, [schoolId, year.id, onDate, onDate]);
      rows.sort((a, b) => Number(a.grade) - Number(b.grade) || String(a.letter).localeCompare(String(b.letter))
        || String(a.last_name).localeCompare(String(b.last_name), 'ru') || String(a.first_name).localeCompare(String(b.first_name), 'ru'));
      return {
        fileName: `pupils-${fileSafe(year.name)}.csv`,
        content: spreadsheetCsv(['№', 'фамилия', 'имя', 'отчество', 'класс', 'дата рождения', 'пол', 'зачислен с', 'форма обучения'],
          rows.map((r, i) => [i + 1, r.last_name, r.first_name, r.middle_name, `${r.grade}${r.letter}`, ruDate(r.birth_date as string | null),
            r.gender ? SEX[r.gender as string] : '', ruDate(r.starts_on as string), FORM[r.form as string] ?? ''])),
        studentIds: rows.map((r) => r.id as string),
      };
    },
  },
  CLASS_JOURNAL_MARKS: {
    permission: 'studentRecord.read',
    async read(em, schoolId, params) {
      const classId = need(params.classId, 'classId');
      const subjectId = need(params.subjectId, 'subjectId');
      const periodId = need(params.studyPeriodId, 'studyPeriodId');
      const q = <T>(text: string, values: unknown[]) => em.getConnection().execute<T[]>(text, values);
      const [head] = await q<{ grade: number; letter: string; subject: string; period: string; starts_on: string; ends_on: string }>(
        `select c.grade, c.letter, sj.name subject, p.name period, to_char(p.starts_on, 'YYYY-MM-DD') starts_on, to_char(p.ends_on, 'YYYY-MM-DD') ends_on
           from class_group c join study_period p on p.year_id = c.year_id join subject sj on sj.school_id = c.school_id
          where c.id = ? and c.school_id = ? and p.id = ? and sj.id = ?`, [classId, schoolId, periodId, subjectId]);
      if (!head) throw notFound('ClassJournal');
      const pupils = await q<{ id: string; last_name: string; first_name: string; middle_name: string | null }>(
        `select s.id, s.last_name, s.first_name, s.middle_name from student s
          where exists (select 1 from enrollment e where e.student_id = s.id and e.class_group_id = ? and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on >= ?::date))
          order by s.last_name, s.first_name, s.id`, [classId, head.ends_on, head.starts_on]);
      const lessons = await q<{ id: string; date: string; number: number }>(
        `select id, to_char(date, 'YYYY-MM-DD') date, number from lesson
          where class_group_id = ? and subject_id = ? and date between ?::date and ?::date and state <> 'CANCELLED' order by date, number, id`,
        [classId, subjectId, head.starts_on, head.ends_on]);
      const marks = await q<{ student_id: string; lesson_id: string; value: string; weight: string }>(
        `select m.student_id, m.lesson_id, m.value, wt.weight::text weight from mark m join lesson l on l.id = m.lesson_id join work_type wt on wt.id = m.work_type_id
          where l.class_group_id = ? and l.subject_id = ? and l.date between ?::date and ?::date order by m.created_at`,
        [classId, subjectId, head.starts_on, head.ends_on]);
      const cell = new Map<string, string[]>();
      const sums = new Map<string, { w: number; s: number }>();
      for (const m of marks) {
        cell.set(`${m.student_id}|${m.lesson_id}`, [...(cell.get(`${m.student_id}|${m.lesson_id}`) ?? []), m.value]);
        if (/^\d+$/.test(m.value)) {
          const acc = sums.get(m.student_id) ?? { w: 0, s: 0 };
          acc.w += Number(m.weight); acc.s += Number(m.weight) * Number(m.value);
          sums.set(m.student_id, acc);
        }
      }
      const sameDay = new Map<string, number>();
      for (const l of lessons) sameDay.set(l.date, (sameDay.get(l.date) ?? 0) + 1);
      const header = ['№', 'ученик', ...lessons.map((l) => `${ruDate(l.date).slice(0, 5)}${(sameDay.get(l.date) ?? 0) > 1 ? ` (${l.number} урок)` : ''}`), 'средний балл'];
      const rows = pupils.map((p, i) => {
        const acc = sums.get(p.id);
        return [i + 1, [p.last_name, p.first_name, p.middle_name].filter(Boolean).join(' '),
          ...lessons.map((l) => (cell.get(`${p.id}|${l.id}`) ?? []).join(' ')), acc && acc.w > 0 ? (acc.s / acc.w).toFixed(2).replace('.', ',') : ''];
      });
      return { fileName: fileSafe(`journal-${head.grade}${head.letter}-${head.subject}-${head.period}.csv`), content: spreadsheetCsv(header, rows), studentIds: pupils.map((p) => p.id) };
    },
  },
};
