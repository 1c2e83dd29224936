import { stringify } from 'csv-stringify/sync';
import yazl from 'yazl';
import { SourcedKind, type Role } from '../../entities';
import { oneRosterWordOf, rolesOfCard } from '../../permissions/roster-export-roles';
import type { CardKind, ExportCard, ExportData } from './export-data';

/**
 * A school's roster and results as OneRoster 1.2 CSV bulk files (issue 18 part 3, docs/oneroster.md),
 * written so that roster-readers.ts reads them back: an export imported into an empty school makes
 * the same classes, pupils, guardianships, enrollments, class teachers and curriculum.
 *
 * sourcedIds: the id a row was imported with (table sourced_key) where it has one, else the row's
 * own uuid, which the importer matches too (import-plan.ts). Cells carry the data as it is: names
 * were validated when they came in, and OneRoster files are for machines, not spreadsheets.
 *
 * One account with several cards (a teacher who is also a parent): each card is its own users.csv
 * row (its own sourcedId), with the roles of its kind (rolesOfCard) and the account's login on
 * each; the importer makes them one account again (import-plan.ts, "one person with several cards").
 */

export interface CsvFile { name: string; content: Buffer }

const STATUS = 'active';
const PERIOD_TYPES: Record<string, string> = { QUARTER: 'gradingPeriod', HALF_YEAR: 'semester', TRIMESTER: 'term' };
const SEX: Record<string, string> = { MALE: 'male', FEMALE: 'female' };
const CARD_SOURCED_KIND: Record<CardKind, SourcedKind> = { STUDENT: SourcedKind.STUDENT, GUARDIAN: SourcedKind.GUARDIAN, EMPLOYEE: SourcedKind.EMPLOYEE };

export const grades = (grade: number) => String(grade).padStart(2, '0');

export function csv(header: string[], rows: (string | number | null | undefined)[][]): Buffer {
  return Buffer.from(stringify([header, ...rows.map((r) => r.map((v) => (v == null ? '' : String(v))))], { record_delimiter: '\r\n' }), 'utf8');
}

/** Ids as the export names them: the sourced id where the row has one, else its own. */
export function sourcedIdsOf(data: ExportData) {
  return (kind: SourcedKind, id: string) => data.sourcedIds.get(`${kind}|${id}`) ?? id;
}

/** Each card's roles and its account's login (on every card the account's roles are held for: see the header). */
export function cardRoles(data: ExportData) {
  const cards: ExportCard[] = [...data.students, ...data.employees, ...data.guardians];
  const result = new Map<string, { roles: Role[]; login: string | null; enabled: boolean }>();
  for (const c of cards) {
    const { roles, own } = rolesOfCard(c.kind, c.userId ? data.roles.get(c.userId) ?? [] : []);
    result.set(`${c.kind}|${c.id}`, { roles, login: own ? c.login : null, enabled: own && c.enabled });
  }
  return result;
}

/** The scheduled classes: the curriculum's class × subject, and any other pair that has a teacher or marks. */
export function scheduledClasses(data: ExportData) {
  const sid = sourcedIdsOf(data);
  const items = new Map<string, { sourcedId: string; classId: string; subjectId: string; hoursPerWeek: string | null; component: string | null }>();
  const classIds = new Set(data.classes.map((c) => c.id));
  const subjectIds = new Set(data.subjects.map((s) => s.id));
  for (const c of data.curriculum.filter((i) => classIds.has(i.classId) && subjectIds.has(i.subjectId))) items.set(`${c.classId}|${c.subjectId}`, { sourcedId: sid(SourcedKind.CURRICULUM_ITEM, c.id), classId: c.classId, subjectId: c.subjectId, hoursPerWeek: c.hoursPerWeek, component: c.component });
  for (const p of [...data.assignments, ...data.lessons]) {
    const key = `${p.classId}|${p.subjectId}`;
    if (items.has(key) || !classIds.has(p.classId) || !subjectIds.has(p.subjectId)) continue;
    // Not in the curriculum: named by its class and subject; an import adds it to the curriculum (1 hour a week).
    items.set(key, { sourcedId: `${sid(SourcedKind.CLASS, p.classId)}.${sid(SourcedKind.COURSE, p.subjectId)}`, classId: p.classId, subjectId: p.subjectId, hoursPerWeek: null, component: null });
  }
  return items;
}

/** The files, in the order of the OneRoster 1.2 CSV binding. */
export function oneRosterFiles(data: ExportData, now: Date): CsvFile[] {
  const sid = sourcedIdsOf(data);
  const modified = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const org = sid(SourcedKind.ORG, data.school.id);
  const yearId = sid(SourcedKind.ACADEMIC_SESSION, data.year.id);
  const homeroom = `homeroom-${data.year.id}`;
  const files: CsvFile[] = [];
  const add = (name: string, header: string[], rows: (string | number | null | undefined)[][]) => files.push({ name, content: csv(header, rows) });
  const classById = new Map(data.classes.map((c) => [c.id, c]));
  const subjectById = new Map(data.subjects.map((s) => [s.id, s]));
  const scheduled = scheduledClasses(data);
  const cards = cardRoles(data);
  const employeeIds = new Set(data.employees.map((e) => e.id));
  const studentIds = new Set(data.students.map((s) => s.id));
  const userSid = (c: { kind: CardKind; id: string }) => sid(CARD_SOURCED_KIND[c.kind], c.id);

  add('orgs.csv', ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'],
    [[org, STATUS, modified, data.school.name, 'school', '', '']]);

  const schoolYear = data.year.endsOn.slice(0, 4);
  add('academicSessions.csv', ['sourcedId', 'status', 'dateLastModified', 'title', 'type', 'startDate', 'endDate', 'parentSourcedId', 'schoolYear', 'metadata.ordinal', 'metadata.gradeFrom', 'metadata.gradeTo'], [
    [yearId, STATUS, modified, data.year.name, 'schoolYear', data.year.startsOn, data.year.endsOn, '', schoolYear, '', '', ''],
    ...data.periods.map((p) => [sid(SourcedKind.STUDY_PERIOD, p.id), STATUS, modified, p.name, PERIOD_TYPES[p.kind], p.startsOn, p.endsOn, yearId, schoolYear, p.ordinal, p.gradeFrom, p.gradeTo]),
  ]);

  const gradesOf = (subjectId: string) => [...new Set([...scheduled.values()].filter((s) => s.subjectId === subjectId).map((s) => classById.get(s.classId)!.grade))].sort((a, b) => a - b).map(grades).join(',');
  add('courses.csv', ['sourcedId', 'status', 'dateLastModified', 'schoolYearSourcedId', 'title', 'courseCode', 'grades', 'orgSourcedId', 'subjects', 'subjectCodes', 'metadata.gradingScale'], [
    [homeroom, STATUS, modified, yearId, 'Классное руководство', 'homeroom', '', org, '', '', ''],
    ...data.subjects.map((s) => [sid(SourcedKind.COURSE, s.id), STATUS, modified, yearId, s.name, s.name, gradesOf(s.id), org, s.name, '', s.gradingScale]),
  ]);

  const classHeader = ['sourcedId', 'status', 'dateLastModified', 'title', 'grades', 'courseSourcedId', 'classCode', 'classType', 'location', 'schoolSourcedId', 'termSourcedIds', 'subjects', 'subjectCodes', 'periods', 'metadata.shift', 'metadata.homeroomSourcedId', 'metadata.hoursPerWeek', 'metadata.component'];
  add('classes.csv', classHeader, [
    ...data.classes.map((c) => [sid(SourcedKind.CLASS, c.id), STATUS, modified, `${c.grade}${c.letter}`, grades(c.grade), homeroom, `${c.grade}${c.letter}`, 'homeroom', '', org, yearId, '', '', '', c.shift, '', '', '']),
    ...[...scheduled.values()].map((s) => {
      const c = classById.get(s.classId)!;
      const subject = subjectById.get(s.subjectId)!;
      return [s.sourcedId, STATUS, modified, `${c.grade}${c.letter} — ${subject.name}`, grades(c.grade), sid(SourcedKind.COURSE, s.subjectId), '', 'scheduled', '', org, yearId, subject.name, '', '', '', sid(SourcedKind.CLASS, c.id), s.hoursPerWeek, s.component];
    }),
  ]);

  // Users: pupils, then staff, then guardians; guardianship written on both sides (agentSourcedIds).
  const agentsOf = new Map<string, string[]>();
  const relations = new Map<string, string[]>();
  for (const g of data.guardianships) {
    const gKey = userSid({ kind: 'GUARDIAN', id: g.guardianId });
    const sKey = userSid({ kind: 'STUDENT', id: g.studentId });
    agentsOf.set(`STUDENT|${g.studentId}`, [...(agentsOf.get(`STUDENT|${g.studentId}`) ?? []), gKey]);
    agentsOf.set(`GUARDIAN|${g.guardianId}`, [...(agentsOf.get(`GUARDIAN|${g.guardianId}`) ?? []), sKey]);
    if (g.relation) relations.set(g.guardianId, [...(relations.get(g.guardianId) ?? []), `${sKey}:${g.relation}`]);
  }
  const userHeader = ['sourcedId', 'status', 'dateLastModified', 'enabledUser', 'username', 'userIds', 'givenName', 'familyName', 'middleName', 'identifier', 'email', 'sms', 'phone', 'agentSourcedIds', 'grades', 'password', 'userMasterIdentifier', 'resourceSourcedIds', 'preferredGivenName', 'preferredMiddleName', 'preferredFamilyName', 'primaryOrgSourcedId', 'pronouns', 'metadata.position', 'metadata.relation', 'metadata.consentGivenOn', 'metadata.consentGivenBy', 'metadata.consentRelation'];
  const userRow = (c: ExportCard, grade: string, position: string | null) => {
    const account = cards.get(`${c.kind}|${c.id}`)!;
    return [userSid(c), STATUS, modified, account.login ? String(account.enabled) : 'false', account.login, '', c.firstName, c.lastName, c.middleName, '', c.email, '', c.phone,
      (agentsOf.get(`${c.kind}|${c.id}`) ?? []).join(','), grade, '', '', '', '', '', '', org, '', position,
      c.kind === 'GUARDIAN' ? (relations.get(c.id) ?? []).join(';') : '', c.consent?.givenOn, c.consent?.givenBy, c.consent?.relation];
  };
  add('users.csv', userHeader, [
    ...data.students.map((s) => userRow(s, grades(classById.get(s.enrollment.classId)!.grade), null)),
    ...data.employees.map((e) => userRow(e, '', e.position)),
    ...data.guardians.map((g) => userRow(g, '', null)),
  ]);

  const allCards: ExportCard[] = [...data.students, ...data.employees, ...data.guardians];
  add('roles.csv', ['sourcedId', 'status', 'dateLastModified', 'userSourcedId', 'roleType', 'role', 'beginDate', 'endDate', 'orgSourcedId', 'userProfileSourcedId', 'metadata.role'],
    allCards.flatMap((c) => cards.get(`${c.kind}|${c.id}`)!.roles.map((role, i) =>
      [`${userSid(c)}-${role.toLowerCase()}`, STATUS, modified, userSid(c), i === 0 ? 'primary' : 'secondary', oneRosterWordOf(role), '', '', org, '', role])));

  const enrollmentHeader = ['sourcedId', 'status', 'dateLastModified', 'classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role', 'primary', 'beginDate', 'endDate', 'metadata.form'];
  add('enrollments.csv', enrollmentHeader, [
    ...data.students.map((s) => [sid(SourcedKind.ENROLLMENT, s.enrollment.id), STATUS, modified, sid(SourcedKind.CLASS, s.enrollment.classId), org, userSid(s), 'student', 'false', s.enrollment.startsOn, '', s.enrollment.form]),
    ...data.classes.filter((c) => c.classTeacherId && employeeIds.has(c.classTeacherId)).map((c) =>
      [`${sid(SourcedKind.CLASS, c.id)}-classteacher`, STATUS, modified, sid(SourcedKind.CLASS, c.id), org, userSid({ kind: 'EMPLOYEE', id: c.classTeacherId! }), 'teacher', 'true', '', '', '']),
    ...data.assignments.filter((a) => employeeIds.has(a.teacherId) && scheduled.has(`${a.classId}|${a.subjectId}`)).map((a) =>
      [sid(SourcedKind.TEACHING_ASSIGNMENT, a.id), STATUS, modified, scheduled.get(`${a.classId}|${a.subjectId}`)!.sourcedId, org, userSid({ kind: 'EMPLOYEE', id: a.teacherId }), 'teacher', 'true', '', '', '']),
  ]);

  add('demographics.csv', ['sourcedId', 'status', 'dateLastModified', 'birthDate', 'sex'],
    data.students.filter((s) => s.birthDate || s.gender).map((s) => [userSid(s), STATUS, modified, s.birthDate, s.gender ? SEX[s.gender] : '']));

  if (data.visibility.marks) {
    const periodOf = (date: string, grade: number) => data.periods.find((p) => p.startsOn <= date && date <= p.endsOn
      && (p.gradeFrom == null || p.gradeFrom <= grade) && (p.gradeTo == null || grade <= p.gradeTo));
    const lessons = data.lessons.filter((l) => scheduled.has(`${l.classId}|${l.subjectId}`));
    const lessonIds = new Set(lessons.map((l) => l.id));
    add('lineItems.csv', ['sourcedId', 'status', 'dateLastModified', 'title', 'description', 'assignDate', 'dueDate', 'classSourcedId', 'categorySourcedId', 'gradingPeriodSourcedId', 'resultValueMin', 'resultValueMax', 'schoolSourcedId', 'metadata.lessonNumber'],
      lessons.map((l) => {
        const c = classById.get(l.classId)!;
        const period = periodOf(l.date, c.grade);
        return [l.id, STATUS, modified, l.topic ?? `${subjectById.get(l.subjectId)!.name}, ${l.date}`, l.homework, l.date, l.date,
          scheduled.get(`${l.classId}|${l.subjectId}`)!.sourcedId, '', period ? sid(SourcedKind.STUDY_PERIOD, period.id) : '', '1.0', '5.0', org, l.number];
      }));
    add('results.csv', ['sourcedId', 'status', 'dateLastModified', 'lineItemSourcedId', 'studentSourcedId', 'scoreStatus', 'score', 'textScore', 'scoreDate', 'comment', 'metadata.workType', 'metadata.revision'],
      data.marks.filter((m) => lessonIds.has(m.lessonId) && studentIds.has(m.studentId)).map((m) => {
        const numeric = /^\d+(\.\d+)?$/.test(m.value);
        return [m.id, STATUS, m.modifiedAt, m.lessonId, userSid({ kind: 'STUDENT', id: m.studentId }), 'fully graded', numeric ? m.value : '', numeric ? '' : m.value, m.scoreDate, m.comment, m.workTypeCode, m.revision];
      }));
  }

  const present = new Set(files.map((f) => f.name.replace(/\.csv$/, '')));
  const manifest = ['academicSessions', 'categories', 'classes', 'classResources', 'courses', 'courseResources', 'demographics', 'enrollments',
    'lineItemLearningObjectiveIds', 'lineItems', 'lineItemScoreScales', 'orgs', 'resources', 'resultLearningObjectiveIds', 'results',
    'resultScoreScales', 'roles', 'scoreScales', 'userProfiles', 'userResources', 'users'];
  files.unshift({
    name: 'manifest.csv',
    content: csv(['propertyName', 'value'], [
      ['manifest.version', '1.0'], ['oneroster.version', '1.2'],
      ...manifest.map((m) => [`file.${m}`, present.has(m) ? 'bulk' : 'absent']),
      ['source.systemName', 'school-journal'], ['source.systemCode', data.school.id],
    ]),
  });
  return files;
}

/** The files as one zip (yazl), every entry stamped with the export's time. */
export function zipFiles(files: CsvFile[], now: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const f of files) zip.addBuffer(f.content, f.name, { mtime: now });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
