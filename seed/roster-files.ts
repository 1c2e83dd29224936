/**
 * A school's lists as OneRoster 1.2 CSV files, made up to a size (issue 18: `npm run bench:import`,
 * and the tests that count an import's statements). Names are real Russian names, logins unique
 * per `prefix`, guardians linked to their pupils, a class teacher and subject teachers per class.
 */

const LAST = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров'];
const MALE = ['Александр', 'Дмитрий', 'Максим', 'Сергей', 'Андрей', 'Алексей', 'Артём', 'Илья', 'Кирилл', 'Михаил'];
const FEMALE = ['Анна', 'Мария', 'Елена', 'Дарья', 'Алина', 'Ирина', 'Екатерина', 'Арина', 'Полина', 'Ольга'];
const PATRONYMIC_M = ['Александрович', 'Дмитриевич', 'Сергеевич', 'Андреевич', 'Алексеевич'];
const PATRONYMIC_F = ['Александровна', 'Дмитриевна', 'Сергеевна', 'Андреевна', 'Алексеевна'];
const LETTERS = ['А', 'Б', 'В', 'Г', 'Д', 'Е', 'Ж', 'З', 'И', 'К', 'Л', 'М', 'Н', 'О', 'П', 'Р', 'С', 'Т', 'У', 'Ф'];
const SUBJECTS = ['Русский язык', 'Литература', 'Математика', 'Английский язык', 'История', 'Биология', 'География', 'Физическая культура'];

export interface RosterSize {
  /** Classes, spread over grades 1–11 (44 = four parallels of eleven grades). */
  classes: number;
  pupils: number;
  /** Guardians per pupil (each pupil its own). */
  guardiansPerPupil: number;
  /** Subjects per class in the curriculum, each with its teacher. */
  subjectsPerClass: number;
  /** Makes logins and sourcedIds unique across several generated schools. */
  prefix: string;
}

export const THOUSAND_PUPIL_SCHOOL: RosterSize = { classes: 44, pupils: 1000, guardiansPerPupil: 2, subjectsPerClass: 8, prefix: 'b' };

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const file = (name: string, header: string[], rows: string[][]) => ({
  name, content: Buffer.from([header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n', 'utf8'),
});
const STAMP = '2026-08-30T10:00:00Z';

export function generateOneRoster(size: RosterSize): { name: string; content: Buffer }[] {
  const p = size.prefix;
  const person = (i: number, female: boolean) => ({
    last: LAST[i % LAST.length] + (female ? 'а' : ''), first: (female ? FEMALE : MALE)[Math.floor(i / LAST.length) % 10],
    middle: (female ? PATRONYMIC_F : PATRONYMIC_M)[Math.floor(i / 160) % 5],
  });
  const classes = Array.from({ length: size.classes }, (_, i) => ({
    id: `${p}-k${i}`, grade: (i % 11) + 1, letter: LETTERS[Math.floor(i / 11) % LETTERS.length],
  }));
  const users: string[][] = [];
  const roles: string[][] = [];
  const enrollments: string[][] = [];
  const scheduled: string[][] = [];
  const userRow = (id: string, login: string, n: { last: string; first: string; middle: string }, agents: string, relation: string, position = '') =>
    users.push([id, 'active', STAMP, 'true', login, n.first, n.last, n.middle, agents, position, relation]);
  const role = (user: string, oneRoster: string, own: string) => roles.push([`${user}-r`, 'active', STAMP, user, 'primary', oneRoster, `${p}-org`, own]);

  // Staff: a class teacher per class, and a teacher per subject for every four classes.
  const teachers = size.classes + Math.ceil(size.classes / 4) * size.subjectsPerClass;
  for (let t = 0; t < teachers; t += 1) {
    const id = `${p}-t${t}`;
    userRow(id, `${p}.t${t}`, person(t, t % 3 !== 0), '', '', 'учитель');
    role(id, 'teacher', 'TEACHER');
  }
  for (const [i, c] of classes.entries()) {
    enrollments.push([`${c.id}-ct`, 'active', STAMP, c.id, `${p}-t${i}`, 'teacher', 'true', '2026-09-01']);
    for (let s = 0; s < size.subjectsPerClass; s += 1) {
      const sc = `${c.id}-s${s}`;
      scheduled.push([sc, 'active', STAMP, `${c.grade}${c.letter} — ${SUBJECTS[s % SUBJECTS.length]}`, String(c.grade).padStart(2, '0'), `${p}-c${s}`, '', 'scheduled', `${p}-y`, '', c.id, '2', 'COMPULSORY']);
      const teacher = size.classes + Math.floor(i / 4) * size.subjectsPerClass + s;
      enrollments.push([`${sc}-t`, 'active', STAMP, sc, `${p}-t${teacher}`, 'teacher', 'true', '2026-09-01']);
    }
  }
  for (let i = 0; i < size.pupils; i += 1) {
    const id = `${p}-st${i}`;
    const guardians = Array.from({ length: size.guardiansPerPupil }, (_, g) => `${p}-g${i}-${g}`);
    const female = i % 2 === 1;
    userRow(id, `${p}.st${i}`, person(i, female), guardians.join(','), '');
    role(id, 'student', 'STUDENT');
    const c = classes[i % classes.length];
    enrollments.push([`${id}-e`, 'active', STAMP, c.id, id, 'student', 'false', '2026-09-01']);
    guardians.forEach((g, n) => {
      const mother = n % 2 === 0;
      const base = person(i, false);
      userRow(g, `${p}.g${i}.${n}`, { ...person(i + n * 7, mother), last: base.last + (mother ? 'а' : '') }, id, `${id}:${mother ? 'мать' : 'отец'}`);
      role(g, 'guardian', 'PARENT');
    });
  }
  return [
    file('manifest.csv', ['propertyName', 'value'], [['manifest.version', '1.0'], ['oneroster.version', '1.2']]),
    file('orgs.csv', ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'], [[`${p}-org`, 'active', STAMP, 'Школа', 'school', '1', '']]),
    file('academicSessions.csv', ['sourcedId', 'status', 'dateLastModified', 'title', 'type', 'startDate', 'endDate', 'parentSourcedId', 'schoolYear'], [
      [`${p}-y`, 'active', STAMP, '2026/2027', 'schoolYear', '2026-09-01', '2027-05-31', '', '2027'],
      [`${p}-q1`, 'active', STAMP, '1 четверть', 'gradingPeriod', '2026-09-01', '2026-10-25', `${p}-y`, '2027'],
      [`${p}-q2`, 'active', STAMP, '2 четверть', 'gradingPeriod', '2026-11-05', '2026-12-28', `${p}-y`, '2027'],
      [`${p}-q3`, 'active', STAMP, '3 четверть', 'gradingPeriod', '2027-01-12', '2027-03-22', `${p}-y`, '2027'],
      [`${p}-q4`, 'active', STAMP, '4 четверть', 'gradingPeriod', '2027-04-01', '2027-05-31', `${p}-y`, '2027'],
    ]),
    file('courses.csv', ['sourcedId', 'status', 'dateLastModified', 'schoolYearSourcedId', 'title', 'courseCode', 'grades', 'orgSourcedId'], [
      [`${p}-homeroom`, 'active', STAMP, `${p}-y`, 'Классное руководство', 'homeroom', '', `${p}-org`],
      ...Array.from({ length: size.subjectsPerClass }, (_, s) => [`${p}-c${s}`, 'active', STAMP, `${p}-y`, SUBJECTS[s % SUBJECTS.length] + (s >= SUBJECTS.length ? ` ${s}` : ''), '', '', `${p}-org`]),
    ]),
    file('classes.csv', ['sourcedId', 'status', 'dateLastModified', 'title', 'grades', 'courseSourcedId', 'classCode', 'classType', 'termSourcedIds', 'metadata.shift', 'metadata.homeroomSourcedId', 'metadata.hoursPerWeek', 'metadata.component'], [
      ...classes.map((c) => [c.id, 'active', STAMP, `${c.grade}${c.letter}`, String(c.grade).padStart(2, '0'), `${p}-homeroom`, `${c.grade}${c.letter}`, 'homeroom', `${p}-y`, '1', '', '', '']),
      ...scheduled,
    ]),
    file('users.csv', ['sourcedId', 'status', 'dateLastModified', 'enabledUser', 'username', 'givenName', 'familyName', 'middleName', 'agentSourcedIds', 'metadata.position', 'metadata.relation'], users),
    file('roles.csv', ['sourcedId', 'status', 'dateLastModified', 'userSourcedId', 'roleType', 'role', 'orgSourcedId', 'metadata.role'], roles),
    file('enrollments.csv', ['sourcedId', 'status', 'dateLastModified', 'classSourcedId', 'userSourcedId', 'role', 'primary', 'beginDate'], enrollments),
  ];
}
