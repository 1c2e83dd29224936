import { CurriculumComponent, EducationForm, Gender, GradingScale, Role, StudyPeriodKind } from '../../entities';
import {
  cardKindOfRoles, defaultRolesOf, roleFromOneRoster, roleFromRussianWord, RUSSIAN_ROLE_WORD_LIST, schoolRoleNamed,
} from '../../permissions/roster-roles';
import type { CsvRow, ParsedFile } from './import-files';
import { importError } from './import-files';
import {
  emptyRoster, type PersonKind, type Roster, type RosterConsent, type RosterPerson, type RowProblem, type Source,
} from './roster';

/**
 * The two formats an import accepts, read into one Roster (docs/oneroster.md):
 * - OneRoster 1.2 CSV (orgs, academicSessions, courses, classes, users, roles, enrollments,
 *   demographics; users.csv with a `role` column, as 1.1 wrote it, is read too);
 * - the spreadsheet set: classes.csv, staff.csv, students.csv, guardians.csv, curriculum.csv with
 *   Russian headers, `;` or `,` separated, UTF-8 or Windows-1251.
 * Every cell is checked here (shape, dates, names); what refers to what is checked in the plan.
 */

/** A cell a spreadsheet would run as a formula (CSV injection): never a name. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NAME = /^\p{L}[\p{L}\p{M}' .-]*$/u;
const LOGIN = /^[a-z0-9][a-z0-9._-]{2,99}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

class RowReader {
  constructor(private readonly row: CsvRow, private readonly problems: RowProblem[]) {}
  get at(): Source { return { file: this.row.file, line: this.row.line }; }
  problem(column: string | null, message: string): void {
    this.problems.push({ file: this.row.file, line: this.row.line, column, message });
  }
  /** The first of the columns present (files name them differently). */
  raw(...columns: string[]): string {
    for (const c of columns) if (this.row.values[c] !== undefined) return this.row.values[c].trim().replace(/^'(?=[=+\-@])/, ''); // an export's formula guard (spreadsheet-export.ts) undone
    return '';
  }
  columnOf(...columns: string[]): string { return columns.find((c) => this.row.values[c] !== undefined) ?? columns[0]; }
  text(columns: string[], max: number, required: boolean): string | null {
    const v = this.raw(...columns);
    const col = this.columnOf(...columns);
    if (!v) { if (required) this.problem(col, `${col} is required.`); return null; }
    if (v.length > max) { this.problem(col, `${col} is longer than ${max} characters.`); return null; }
    if (FORMULA_START.test(v)) { this.problem(col, `${col} begins with "${v[0]}", as a spreadsheet formula does; it is refused (CSV injection).`); return null; }
    return v;
  }
  name(columns: string[], required: boolean): string | null {
    const v = this.text(columns, 100, required);
    if (v && !NAME.test(v)) { this.problem(this.columnOf(...columns), `"${v.slice(0, 40)}" is not a name (letters, spaces, hyphens, apostrophes).`); return null; }
    return v;
  }
  date(columns: string[], required: boolean): string | null {
    const v = this.raw(...columns);
    const col = this.columnOf(...columns);
    if (!v) { if (required) this.problem(col, `${col} is required.`); return null; }
    const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
    const iso = ru ? `${ru[3]}-${ru[2].padStart(2, '0')}-${ru[1].padStart(2, '0')}` : v.slice(0, 10);
    const d = new Date(`${iso}T00:00:00Z`);
    if (!ISO_DATE.test(iso) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
      this.problem(col, `"${v.slice(0, 30)}" is not a date (YYYY-MM-DD or ДД.ММ.ГГГГ).`);
      return null;
    }
    return iso;
  }
  /** The form of education: in class unless the cell says family education (очное / семейное, or IN_CLASS / FAMILY_EDUCATION). */
  form(column: string): EducationForm | null {
    const v = this.raw(column).toLowerCase().replace(/[\s_-]+/g, ' ').trim();
    if (['', 'in class', 'очное', 'очная', 'очно'].includes(v)) return EducationForm.IN_CLASS;
    if (['family education', 'семейное', 'семейная', 'семейное образование'].includes(v)) return EducationForm.FAMILY_EDUCATION;
    this.problem(column, `"${v.slice(0, 30)}" is not a form of education (очное or семейное).`);
    return null;
  }
  login(columns: string[]): string | null {
    const v = this.raw(...columns).toLowerCase();
    if (!v) return null;
    if (!LOGIN.test(v)) { this.problem(this.columnOf(...columns), `"${v.slice(0, 40)}" is not a login (3–100 of a–z, 0–9, ".", "_", "-").`); return null; }
    return v;
  }
  email(columns: string[]): string | null {
    const v = this.text(columns, 254, false);
    if (v && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) { this.problem(this.columnOf(...columns), `"${v.slice(0, 40)}" is not an e-mail address.`); return null; }
    return v;
  }
  phone(columns: string[]): string | null {
    const v = this.raw(...columns);
    if (!v) return null;
    if (!/^\+?[0-9 ()-]{5,40}$/.test(v)) { this.problem(this.columnOf(...columns), `"${v.slice(0, 40)}" is not a phone number.`); return null; }
    return v;
  }
  key(columns: string[]): string | null {
    const v = this.text(columns, 255, true);
    return v;
  }
}

/** "5Б", "10 А", "11-в" → grade and letter (Cyrillic, upper case). */
export function parseClassName(value: string): { grade: number; letter: string } | null {
  const m = /^(\d{1,2})\s*[-\s]?\s*([\p{L}]{1,2})$/u.exec(value.trim());
  if (!m) return null;
  const grade = Number(m[1]);
  const letter = m[2].toUpperCase();
  if (grade < 1 || grade > 11 || !/^[А-ЯЁ]{1,2}$/.test(letter)) return null;
  return { grade, letter };
}

function byName(files: ParsedFile[]): Map<string, ParsedFile> {
  return new Map(files.map((f) => [f.name.toLowerCase(), f]));
}

function requireColumns(file: ParsedFile, columns: string[][]): void {
  for (const alternatives of columns) {
    if (!alternatives.some((c) => file.header.includes(c))) {
      // A Russian header that does not read as 1251 is most often a file saved in another encoding (KOI8-R, DOS 866).
      const hint = file.encoding === 'windows-1251' && /[\u0400-\u04FF]/.test(alternatives[0])
        ? ' If the header is there, the file is in another encoding: save it as "CSV UTF-8" or Windows-1251.' : '';
      throw importError(`${file.name} lacks the column "${alternatives[0]}".${hint}`, { file: file.name, line: 1, column: alternatives[0] });
    }
  }
}

/** Which format the files are: OneRoster has users.csv and orgs.csv or a manifest; the spreadsheet set students.csv. */
export function readRoster(files: ParsedFile[]): Roster {
  const names = byName(files);
  if (names.has('users.csv')) return readOneRoster(names);
  if (names.has('students.csv') || names.has('staff.csv') || names.has('classes.csv')) return readSpreadsheetSet(names);
  throw importError('Neither a OneRoster 1.2 set (users.csv, classes.csv, enrollments.csv, …) nor the spreadsheet set (students.csv, staff.csv, classes.csv, …) was found.');
}

// --- OneRoster 1.2 ---------------------------------------------------------------------------

const PERIOD_KINDS: Record<string, StudyPeriodKind> = { gradingperiod: StudyPeriodKind.QUARTER, semester: StudyPeriodKind.HALF_YEAR, term: StudyPeriodKind.TRIMESTER };

const active = (r: RowReader) => {
  const status = r.raw('status').toLowerCase();
  return status === '' || status === 'active';
};

function roleOf(r: RowReader, column: string): Role | null {
  const own = r.raw('metadata.role');
  if (own) {
    const role = schoolRoleNamed(own);
    if (!role) r.problem('metadata.role', `"${own.slice(0, 30)}" is not a role of a school.`);
    return role;
  }
  const v = r.raw(column);
  const role = roleFromOneRoster(v);
  if (!role) r.problem(column, `Unknown role "${v.slice(0, 30)}".`);
  return role;
}

function consentOf(r: RowReader): RosterConsent | null {
  const givenOn = r.date(['metadata.consentGivenOn', 'согласие дата'], false);
  const givenByName = r.text(['metadata.consentGivenBy', 'согласие дал'], 300, false);
  if (!givenOn && !givenByName) return null;
  if (!givenOn || !givenByName) { r.problem(givenOn ? 'metadata.consentGivenBy' : 'metadata.consentGivenOn', 'A consent needs both who gave it and when.'); return null; }
  return { givenOn, givenByName, givenByRelation: r.text(['metadata.consentRelation', 'согласие кем приходится'], 60, false) };
}

function readOneRoster(files: Map<string, ParsedFile>): Roster {
  const roster = emptyRoster('ONEROSTER');
  const rows = (name: string, required: string[][] = []): RowReader[] => {
    const file = files.get(name);
    if (!file) return [];
    requireColumns(file, [['sourcedId'], ...required]);
    return file.rows.map((row) => new RowReader(row, roster.problems)).filter(active);
  };

  for (const r of rows('academicsessions.csv', [['title'], ['type'], ['startDate'], ['endDate']])) {
    const key = r.key(['sourcedId']);
    const type = r.raw('type').toLowerCase();
    const title = r.text(['title'], 60, true);
    const startsOn = r.date(['startDate'], true);
    const endsOn = r.date(['endDate'], true);
    if (!key || !title || !startsOn || !endsOn) continue;
    if (endsOn < startsOn) { r.problem('endDate', 'endDate is before startDate.'); continue; }
    if (type === 'schoolyear') roster.years.push({ key, name: title.replace('-', '/'), startsOn, endsOn, at: r.at });
    else if (PERIOD_KINDS[type]) {
      const yearKey = r.raw('parentSourcedId');
      if (!yearKey) { r.problem('parentSourcedId', 'A grading period needs its school year (parentSourcedId).'); continue; }
      const ordinal = Number(r.raw('metadata.ordinal')) || 0;
      // metadata.grades "10-11": the parallels this period is for (OneRoster sessions have no grades); all of 1–11 when empty.
      // Or metadata.gradeFrom and metadata.gradeTo, as this system's export writes them.
      const grades = r.raw('metadata.grades') || (r.raw('metadata.gradeFrom') ? `${r.raw('metadata.gradeFrom')}-${r.raw('metadata.gradeTo') || '11'}` : '');
      const range = /^0?(\d{1,2})\s*[-–]\s*0?(\d{1,2})$/.exec(grades);
      const [gradeFrom, gradeTo] = range ? [Number(range[1]), Number(range[2])] : [1, 11];
      if ((grades && !range) || gradeFrom < 1 || gradeTo > 11 || gradeFrom > gradeTo) { r.problem('metadata.grades', `"${grades.slice(0, 20)}" is not a range of grades such as 10-11.`); continue; }
      roster.periods.push({ key, yearKey, kind: PERIOD_KINDS[type], ordinal, name: title, startsOn, endsOn, gradeFrom, gradeTo, at: r.at });
    } else r.problem('type', `Unknown session type "${type.slice(0, 30)}".`);
  }
  // Periods without an ordinal are numbered by their dates within their year and parallels.
  for (const scheme of new Set(roster.periods.map((p) => `${p.yearKey}|${p.gradeFrom}`))) {
    const ps = roster.periods.filter((p) => `${p.yearKey}|${p.gradeFrom}` === scheme).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    ps.forEach((p, i) => { if (!p.ordinal) p.ordinal = i + 1; });
  }

  const homeroomCourses = new Set<string>();
  for (const r of rows('courses.csv', [['title']])) {
    const key = r.key(['sourcedId']);
    const code = r.raw('courseCode').toLowerCase();
    if (!key) continue;
    if (code === 'homeroom' || key === 'homeroom') { homeroomCourses.add(key); continue; }
    const name = r.text(['title'], 120, true);
    if (!name) continue;
    const scale = r.raw('metadata.gradingScale').toUpperCase();
    if (scale && !(Object.values(GradingScale) as string[]).includes(scale)) r.problem('metadata.gradingScale', `Unknown grading scale "${scale.slice(0, 20)}".`);
    roster.subjects.push({ key, name, gradingScale: (Object.values(GradingScale) as string[]).includes(scale) ? scale as GradingScale : null, at: r.at });
  }

  for (const r of rows('classes.csv', [['title'], ['classType']])) {
    const key = r.key(['sourcedId']);
    if (!key) continue;
    const type = r.raw('classType').toLowerCase();
    const yearKey = r.raw('termSourcedIds').split(',')[0]?.trim() || null;
    if (type === 'homeroom' || (type === '' && homeroomCourses.has(r.raw('courseSourcedId')))) {
      const name = parseClassName(r.raw('classCode') || r.raw('title'));
      if (!name) { r.problem('title', `"${r.raw('title').slice(0, 30)}" is not a class name such as 5Б (grade 1–11 and a Cyrillic letter).`); continue; }
      const grades = r.raw('grades');
      if (grades && Number(grades.split(',')[0]) !== name.grade) r.problem('grades', `grades "${grades}" disagrees with the class name's grade ${name.grade}.`);
      const shift = Number(r.raw('metadata.shift') || '1');
      if (![1, 2, 3].includes(shift)) r.problem('metadata.shift', 'shift is 1, 2 or 3.');
      roster.classes.push({ key, yearKey, ...name, shift: [1, 2, 3].includes(shift) ? shift : 1, at: r.at });
    } else if (type === 'scheduled') {
      const classKey = r.raw('metadata.homeroomSourcedId');
      const subjectKey = r.raw('courseSourcedId');
      if (!classKey) { r.problem('metadata.homeroomSourcedId', 'A scheduled class needs the homeroom class it is taught to (metadata.homeroomSourcedId).'); continue; }
      if (!subjectKey) { r.problem('courseSourcedId', 'courseSourcedId is required.'); continue; }
      const hours = r.raw('metadata.hoursPerWeek') || '1';
      if (!/^\d{1,2}(\.\d)?$/.test(hours) || Number(hours) <= 0 || Number(hours) > 40) { r.problem('metadata.hoursPerWeek', `"${hours.slice(0, 10)}" is not a number of hours per week.`); continue; }
      const component = (r.raw('metadata.component').toUpperCase() || 'COMPULSORY') as CurriculumComponent;
      if (!Object.values(CurriculumComponent).includes(component)) { r.problem('metadata.component', `Unknown component "${component.slice(0, 20)}".`); continue; }
      roster.curriculum.push({ key, classKey, subjectKey, hoursPerWeek: Number(hours).toFixed(1), component, at: r.at });
    } else r.problem('classType', `Unknown classType "${type.slice(0, 20)}" (homeroom or scheduled).`);
  }

  // Roles: roles.csv (1.2) or users.csv's own role column (1.1).
  const rolesByUser = new Map<string, Role[]>();
  for (const r of rows('roles.csv', [['userSourcedId'], ['role']])) {
    const user = r.raw('userSourcedId');
    const role = roleOf(r, 'role');
    if (user && role) rolesByUser.set(user, [...(rolesByUser.get(user) ?? []), role]);
  }
  const demographics = new Map<string, { birthDate: string | null; gender: Gender | null }>();
  for (const r of rows('demographics.csv')) {
    const key = r.raw('sourcedId');
    const sex = r.raw('sex').toLowerCase();
    demographics.set(key, {
      birthDate: r.date(['birthDate'], false),
      gender: sex === 'male' ? Gender.MALE : sex === 'female' ? Gender.FEMALE : null,
    });
  }
  const agents: { from: string; to: string[]; relation: string; at: Source }[] = [];
  for (const r of rows('users.csv', [['givenName'], ['familyName']])) {
    const key = r.key(['sourcedId']);
    if (!key) continue;
    if (r.raw('role')) { const role = roleOf(r, 'role'); if (role) rolesByUser.set(key, [...(rolesByUser.get(key) ?? []), role]); }
    const roles = [...new Set(rolesByUser.get(key) ?? [])];
    const kind: PersonKind | null = cardKindOfRoles(roles);
    if (!kind) { r.problem('sourcedId', 'The user has no role (roles.csv) that says whether it is a student, a guardian or staff.'); continue; }
    if (kind === 'STUDENT' && roles.length > 1) { r.problem('sourcedId', 'A student holds no other role.'); continue; }
    const person = readPerson(r, key, kind, roles, {
      last: ['familyName'], first: ['givenName'], middle: ['middleName'], login: ['username'], email: ['email'], phone: ['phone', 'sms'], position: ['metadata.position'],
    });
    const demo = demographics.get(key);
    if (person && demo && kind === 'STUDENT') { person.birthDate = demo.birthDate; person.gender = demo.gender; }
    if (!person) continue;
    roster.people.push(person);
    const agentKeys = r.raw('agentSourcedIds').split(',').map((s) => s.trim()).filter(Boolean);
    if (agentKeys.length) agents.push({ from: key, to: agentKeys, relation: r.raw('metadata.relation'), at: r.at });
  }
  // Guardianship is written on either side (a student's agents, a guardian's agents); both sides give one link.
  const kinds = new Map(roster.people.map((p) => [p.key, p.kind]));
  const links = new Map<string, { guardianKey: string; studentKey: string; relation: string | null; at: Source }>();
  for (const a of agents) {
    const relations = new Map(a.relation.split(';').map((s) => s.split(':').map((x) => x.trim())).filter((p) => p.length === 2) as [string, string][]);
    for (const other of a.to) {
      const [guardianKey, studentKey] = kinds.get(a.from) === 'GUARDIAN' ? [a.from, other] : [other, a.from];
      const id = `${guardianKey}|${studentKey}`;
      const relation = kinds.get(a.from) === 'GUARDIAN' ? relations.get(studentKey) ?? null : null;
      const existing = links.get(id);
      if (!existing) links.set(id, { guardianKey, studentKey, relation, at: a.at });
      else if (relation) existing.relation = relation;
    }
  }
  for (const [id, l] of links) roster.guardianships.push({ key: id, ...l });

  for (const r of rows('enrollments.csv', [['classSourcedId'], ['userSourcedId'], ['role']])) {
    const key = r.key(['sourcedId']);
    const classKey = r.raw('classSourcedId');
    const userKey = r.raw('userSourcedId');
    const role = r.raw('role').toLowerCase();
    if (!key || !classKey || !userKey) { if (key) r.problem(!classKey ? 'classSourcedId' : 'userSourcedId', 'The enrollment needs its class and its user.'); continue; }
    const isCurriculum = roster.curriculum.some((c) => c.key === classKey);
    if (role === 'student') {
      if (isCurriculum) continue; // a pupil's place in a subject follows from their class
      const form = r.form('metadata.form');
      if (form) roster.enrollments.push({ key, classKey, studentKey: userKey, startsOn: r.date(['beginDate'], false), form, at: r.at });
    } else if (role === 'teacher' || role === 'aide') {
      if (isCurriculum) roster.assignments.push({ key, curriculumKey: classKey, employeeKey: userKey, at: r.at });
      else if (r.raw('primary').toLowerCase() === 'true') roster.classTeachers.push({ classKey, employeeKey: userKey, at: r.at });
    } else r.problem('role', `Unknown enrollment role "${role.slice(0, 20)}" (student or teacher).`);
  }
  return roster;
}

interface PersonColumns { last: string[]; first: string[]; middle: string[]; login: string[]; email: string[]; phone: string[]; position: string[]; birthDate?: string[]; gender?: string[] }

function readPerson(r: RowReader, key: string, kind: PersonKind, roles: Role[], c: PersonColumns): RosterPerson | null {
  const lastName = r.name(c.last, true);
  const firstName = r.name(c.first, true);
  const middleName = r.name(c.middle, false);
  const person: RosterPerson = {
    key, kind, lastName: lastName ?? '', firstName: firstName ?? '', middleName,
    login: r.login(c.login), roles,
    position: kind === 'EMPLOYEE' ? r.text(c.position, 200, false) : null,
    birthDate: c.birthDate ? r.date(c.birthDate, false) : null,
    gender: null,
    phone: kind === 'STUDENT' && !c.birthDate ? null : r.phone(c.phone),
    email: r.email(c.email),
    consent: consentOf(r), at: r.at,
  };
  if (c.gender) {
    const g = r.raw(...c.gender).toLowerCase();
    person.gender = ['м', 'муж', 'male', 'm'].includes(g) ? Gender.MALE : ['ж', 'жен', 'female', 'f'].includes(g) ? Gender.FEMALE : null;
    if (g && !person.gender) r.problem(r.columnOf(...c.gender), `"${g.slice(0, 10)}" is not a sex (м or ж).`);
  }
  return lastName && firstName ? person : null;
}

// --- The spreadsheet set ---------------------------------------------------------------------

function readSpreadsheetSet(files: Map<string, ParsedFile>): Roster {
  const roster = emptyRoster('SPREADSHEET');
  const rows = (name: string, required: string[][]): RowReader[] => {
    const file = files.get(name);
    if (!file) return [];
    requireColumns(file, required);
    return file.rows.map((row) => new RowReader(row, roster.problems));
  };
  const classKey = (r: RowReader, column: string): string | null => {
    const v = r.raw(column);
    if (!v) { r.problem(column, `${column} is required.`); return null; }
    const name = parseClassName(v);
    if (!name) { r.problem(column, `"${v.slice(0, 20)}" is not a class name such as 5Б.`); return null; }
    return `class:${name.grade}${name.letter}`;
  };

  for (const r of rows('classes.csv', [['класс']])) {
    const key = classKey(r, 'класс');
    if (!key) continue;
    const name = parseClassName(r.raw('класс'))!;
    const shift = Number(r.raw('смена') || '1');
    if (![1, 2, 3].includes(shift)) r.problem('смена', 'смена is 1, 2 or 3.');
    roster.classes.push({ key, yearKey: null, ...name, shift: [1, 2, 3].includes(shift) ? shift : 1, at: r.at });
    const teacher = r.raw('классный руководитель');
    if (teacher) roster.classTeachers.push({ classKey: key, employeeKey: `staff:${teacher}`, at: r.at });
  }
  for (const r of rows('staff.csv', [['id'], ['фамилия'], ['имя']])) {
    const id = r.key(['id']);
    if (!id) continue;
    const roles: Role[] = [];
    for (const word of r.raw('роли').split(/[,;]/).map((s) => s.trim().toLowerCase()).filter(Boolean)) {
      const role = roleFromRussianWord(word);
      if (role) roles.push(role); else r.problem('роли', `Unknown role "${word.slice(0, 30)}" (${RUSSIAN_ROLE_WORD_LIST.join(', ')}).`);
    }
    const person = readPerson(r, `staff:${id}`, 'EMPLOYEE', roles.length ? [...new Set(roles)] : defaultRolesOf('EMPLOYEE'), {
      last: ['фамилия'], first: ['имя'], middle: ['отчество'], login: ['логин'], email: ['email', 'эл. почта'], phone: ['телефон'], position: ['должность'],
    });
    if (person) roster.people.push(person);
  }
  for (const r of rows('students.csv', [['id'], ['фамилия'], ['имя'], ['класс']])) {
    const id = r.key(['id']);
    if (!id) continue;
    const person = readPerson(r, `student:${id}`, 'STUDENT', defaultRolesOf('STUDENT'), {
      last: ['фамилия'], first: ['имя'], middle: ['отчество'], login: ['логин'], email: ['email', 'эл. почта'], phone: ['телефон'], position: [],
      birthDate: ['дата рождения'], gender: ['пол'],
    });
    const cls = classKey(r, 'класс');
    if (!person || !cls) continue;
    roster.people.push(person);
    const form = r.form('форма обучения');
    if (form) roster.enrollments.push({ key: `enrollment:${id}`, classKey: cls, studentKey: person.key, startsOn: r.date(['зачислен с'], false), form, at: r.at });
  }
  for (const r of rows('guardians.csv', [['id'], ['фамилия'], ['имя'], ['ученики']])) {
    const id = r.key(['id']);
    if (!id) continue;
    const person = readPerson(r, `guardian:${id}`, 'GUARDIAN', defaultRolesOf('GUARDIAN'), {
      last: ['фамилия'], first: ['имя'], middle: ['отчество'], login: ['логин'], email: ['email', 'эл. почта'], phone: ['телефон'], position: [],
    });
    if (!person) continue;
    roster.people.push(person);
    const relation = r.text(['кем приходится'], 40, false);
    for (const student of r.raw('ученики').split(/[,;]/).map((s) => s.trim()).filter(Boolean)) {
      roster.guardianships.push({ key: `guardian:${id}|student:${student}`, guardianKey: person.key, studentKey: `student:${student}`, relation, at: r.at });
    }
  }
  for (const r of rows('curriculum.csv', [['класс'], ['предмет'], ['часов в неделю']])) {
    const cls = classKey(r, 'класс');
    const subject = r.text(['предмет'], 120, true);
    const hours = r.raw('часов в неделю').replace(',', '.');
    if (!cls || !subject) continue;
    if (!/^\d{1,2}(\.\d)?$/.test(hours) || Number(hours) <= 0 || Number(hours) > 40) { r.problem('часов в неделю', `"${hours.slice(0, 10)}" is not a number of hours per week.`); continue; }
    const subjectKey = `subject:${subject.toLowerCase()}`;
    if (!roster.subjects.some((s) => s.key === subjectKey)) roster.subjects.push({ key: subjectKey, name: subject, gradingScale: null, at: r.at });
    const key = `${cls}|${subjectKey}`;
    roster.curriculum.push({ key, classKey: cls, subjectKey, hoursPerWeek: Number(hours).toFixed(1), component: CurriculumComponent.COMPULSORY, at: r.at });
    const teacher = r.raw('учитель');
    if (teacher) roster.assignments.push({ key: `${key}|staff:${teacher}`, curriculumKey: key, employeeKey: `staff:${teacher}`, at: r.at });
  }
  return roster;
}
