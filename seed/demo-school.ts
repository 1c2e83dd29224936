/**
 * The demo school (CONTRACT.md, "The demo school"): loaded into an empty, migrated
 * database. Everything is deterministic for a given `today` — names, timetable,
 * topics, marks and absences come from seeded PRNGs keyed by stable names
 * (class, date, bell), so a lesson's marks do not even depend on `today` once it
 * is in the past. Only row ids are random.
 *
 * Small reference data goes through `em.create` + one flush; the bulk rows
 * (lessons, lesson records, marks, mark versions, attendance) through chunked
 * `em.insertMany` with plain rows and FK ids.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName, RequiredEntityData } from '@mikro-orm/core';
import {
  AbsenceReason, AcademicYear, AcademicYearState, Attendance, AttendanceKind, Bell, ClassGroup, Employee,
  Enrollment, GradingScale, Guardian, Guardianship, Holiday, Lesson, LessonRecord, LessonState, Mark, MarkVersion,
  MovementOrder, MovementOrderType, Municipality, PersonalDataConsent, Region, Role, RoleGrant, School, Student,
  StudyPeriod, StudyPeriodKind, Subject,
  TeachingAssignment, User, WorkType,
} from '../entities';
import { addDays, isoWeekday, zonedInstant } from '../lib/clock';
import { seedDemoTimetable } from './demo-timetable';
import {
  BELLS, BOY_NAMES, FATHERS, GIRL_NAMES, MOTHER_NAMES, SURNAMES, TIMETABLE, TOPICS, WORK_TYPE_MIX, WORK_TYPES,
  femaleSurname, homeworkFor, type SubjectName, type WorkTypeCode,
} from './demo-data';
import { seedDemoCurriculum } from './demo-curriculum';
import { seedDemoReports } from './demo-reports';
import { seedDemoPeople } from './demo-people';

export interface DemoSeedOptions {
  /** 'YYYY-MM-DD': the server's today in the school's zone. Lessons before it are held. */
  today: string;
  /** One argon2 hash of DEMO_PASSWORD, reused for every demo account. */
  passwordHash: string;
}

export const DEMO_PASSWORD = 'demo';

/** Every login of the demo school, as listed in CONTRACT.md. */
export const DEMO_LOGINS = [
  'admin', 'director', 'zavuch', 'secretary', 'coordinator',
  't.math', 't.russian', 't.primary',
  's.ivanov', 's.petrova', 's.sidorov', 's.ivanova',
  'p.ivanova', 'p.petrov', 'p.sidorova',
] as const;
export type DemoLogin = (typeof DEMO_LOGINS)[number];

export const DEMO_SCHOOL_NAME = 'Школа №1 (демо)';
export const DEMO_TIMEZONE = 'Europe/Moscow';

// ---------------------------------------------------------------- calendar

const YEAR = { name: '2026/2027', startsOn: '2026-09-01', endsOn: '2027-05-26' };

const QUARTERS: readonly (readonly [string, string, string])[] = [
  ['1 четверть', '2026-09-01', '2026-10-23'],
  ['2 четверть', '2026-11-05', '2026-12-28'],
  ['3 четверть', '2027-01-12', '2027-03-19'],
  ['4 четверть', '2027-03-30', '2027-05-26'],
];

/** Breaks between the quarters, and the public holidays that fall on school days inside them. */
const HOLIDAYS: readonly (readonly [string, string, string])[] = [
  ['Осенние каникулы', '2026-10-24', '2026-11-04'],
  ['Зимние каникулы', '2026-12-29', '2027-01-11'],
  ['Весенние каникулы', '2027-03-20', '2027-03-29'],
  ['День защитника Отечества', '2027-02-23', '2027-02-23'],
  ['Международный женский день', '2027-03-08', '2027-03-08'],
  ['Праздник Весны и Труда', '2027-05-01', '2027-05-03'],
  ['День Победы', '2027-05-09', '2027-05-10'],
];

/** Mondays to Fridays inside a quarter and outside every holiday, in order. */
function schoolDays(): string[] {
  const days: string[] = [];
  for (const [, from, to] of QUARTERS) {
    for (let d = from; d <= to; d = addDays(d, 1)) {
      if (isoWeekday(d) > 5) continue;
      if (HOLIDAYS.some(([, hFrom, hTo]) => d >= hFrom && d <= hTo)) continue;
      days.push(d);
    }
  }
  return days;
}

// ---------------------------------------------------------------- PRNG

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the UTF-16 code units. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** An independent, reproducible random stream for one named purpose. */
function rngFor(key: string): () => number {
  return mulberry32(hash32(`school-journal-demo:${key}`));
}

function pickOne<T>(items: readonly T[], rnd: () => number): T {
  return items[Math.floor(rnd() * items.length)];
}

function pickWeighted<T>(items: readonly (readonly [T, number])[], rnd: () => number): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let x = rnd() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1][0];
}

// ---------------------------------------------------------------- people

type TeacherKey =
  | 't.math' | 't.russian' | 't.primary'
  | 'english' | 'history' | 'biology' | 'geography' | 'music' | 'art' | 'pe';

interface StaffSpec {
  key: 'admin' | 'director' | 'zavuch' | 'secretary' | TeacherKey;
  login?: DemoLogin;
  role?: Role;
  lastName: string;
  firstName: string;
  middleName: string;
  position: string;
  hiredOn: string;
}

const STAFF: readonly StaffSpec[] = [
  { key: 'admin', login: 'admin', role: Role.ADMIN, lastName: 'Кузьмин', firstName: 'Андрей', middleName: 'Викторович', position: 'Системный администратор', hiredOn: '2019-08-26' },
  { key: 'director', login: 'director', role: Role.DIRECTOR, lastName: 'Орлова', firstName: 'Наталья', middleName: 'Владимировна', position: 'Директор', hiredOn: '2012-08-27' },
  { key: 'zavuch', login: 'zavuch', role: Role.DEPUTY_ACADEMIC, lastName: 'Морозова', firstName: 'Светлана', middleName: 'Игоревна', position: 'Заместитель директора по учебно-воспитательной работе', hiredOn: '2015-08-25' },
  { key: 'secretary', login: 'secretary', role: Role.SECRETARY, lastName: 'Белова', firstName: 'Ирина', middleName: 'Павловна', position: 'Делопроизводитель', hiredOn: '2018-09-03' },
  { key: 't.math', login: 't.math', role: Role.TEACHER, lastName: 'Николаев', firstName: 'Павел', middleName: 'Андреевич', position: 'Учитель математики', hiredOn: '2014-08-25' },
  { key: 't.russian', login: 't.russian', role: Role.TEACHER, lastName: 'Васильева', firstName: 'Татьяна', middleName: 'Михайловна', position: 'Учитель русского языка и литературы', hiredOn: '2010-08-30' },
  { key: 't.primary', login: 't.primary', role: Role.TEACHER, lastName: 'Фёдорова', firstName: 'Ольга', middleName: 'Николаевна', position: 'Учитель начальных классов', hiredOn: '2016-08-29' },
  { key: 'english', lastName: 'Смирнова', firstName: 'Екатерина', middleName: 'Александровна', position: 'Учитель английского языка', hiredOn: '2020-08-31' },
  { key: 'history', lastName: 'Кузнецов', firstName: 'Игорь', middleName: 'Валерьевич', position: 'Учитель истории и обществознания', hiredOn: '2013-08-26' },
  { key: 'biology', lastName: 'Попова', firstName: 'Марина', middleName: 'Сергеевна', position: 'Учитель биологии', hiredOn: '2017-08-28' },
  { key: 'geography', lastName: 'Волков', firstName: 'Денис', middleName: 'Олегович', position: 'Учитель географии', hiredOn: '2021-08-30' },
  { key: 'music', lastName: 'Соколова', firstName: 'Людмила', middleName: 'Ивановна', position: 'Учитель музыки', hiredOn: '2008-09-01' },
  { key: 'art', lastName: 'Лебедева', firstName: 'Анна', middleName: 'Геннадьевна', position: 'Учитель изобразительного искусства', hiredOn: '2019-09-02' },
  { key: 'pe', lastName: 'Козлов', firstName: 'Виктор', middleName: 'Степанович', position: 'Учитель физической культуры', hiredOn: '2011-08-29' },
];

const CLASSES = [
  { key: '1\u0410', grade: 1, letter: '\u0410', classTeacher: 't.primary' as TeacherKey },
  { key: '5\u0410', grade: 5, letter: '\u0410', classTeacher: 't.math' as TeacherKey },
  { key: '5\u0411', grade: 5, letter: '\u0411', classTeacher: 't.russian' as TeacherKey },
] as const;
type ClassKey = (typeof CLASSES)[number]['key'];

const CLASS_SIZE = 25;

function teacherOf(classKey: ClassKey, subject: SubjectName): TeacherKey {
  if (classKey.startsWith('1')) return 't.primary';
  switch (subject) {
    case 'Математика': return 't.math';
    case 'Русский язык': case 'Литература': return 't.russian';
    case 'Английский язык': return 'english';
    case 'История': return 'history';
    case 'Биология': return 'biology';
    case 'География': return 'geography';
    case 'Музыка': return 'music';
    case 'ИЗО': return 'art';
    case 'Физическая культура': return 'pe';
    default: throw new Error(`demo seed: no teacher for ${subject} in ${classKey}`);
  }
}

interface StudentSpec {
  key: string;
  classKey: ClassKey;
  login?: DemoLogin;
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string;
  /** The student's usual level, 2…5; marks scatter around it. */
  ability: number;
  /** Demo students are asked more often, so their diaries are full. */
  favoured: boolean;
}

interface GuardianSpec {
  key: string;
  login?: DemoLogin;
  lastName: string;
  firstName: string;
  middleName: string;
  phone: string;
  children: { studentKey: string; relation: string }[];
}

const NAMED_STUDENTS: readonly StudentSpec[] = [
  { key: 's.ivanov', login: 's.ivanov', classKey: '5\u0410', lastName: 'Иванов', firstName: 'Иван', middleName: 'Сергеевич', birthDate: '2015-03-17', ability: 4.25, favoured: true },
  { key: 's.petrova', login: 's.petrova', classKey: '5\u0410', lastName: 'Петрова', firstName: 'Анна', middleName: 'Дмитриевна', birthDate: '2014-10-09', ability: 4.65, favoured: true },
  { key: 's.sidorov', login: 's.sidorov', classKey: '5\u0411', lastName: 'Сидоров', firstName: 'Алексей', middleName: 'Николаевич', birthDate: '2015-01-21', ability: 3.8, favoured: true },
  { key: 's.ivanova', login: 's.ivanova', classKey: '1\u0410', lastName: 'Иванова', firstName: 'Мария', middleName: 'Сергеевна', birthDate: '2019-02-11', ability: 4.5, favoured: true },
];

const NAMED_GUARDIANS: readonly GuardianSpec[] = [
  { key: 'p.ivanova', login: 'p.ivanova', lastName: 'Иванова', firstName: 'Елена', middleName: 'Викторовна', phone: '+7 (916) 204-17-35', children: [{ studentKey: 's.ivanov', relation: 'мать' }, { studentKey: 's.ivanova', relation: 'мать' }] },
  { key: 'p.petrov', login: 'p.petrov', lastName: 'Петров', firstName: 'Дмитрий', middleName: 'Александрович', phone: '+7 (925) 318-44-02', children: [{ studentKey: 's.petrova', relation: 'отец' }] },
  { key: 'p.sidorova', login: 'p.sidorova', lastName: 'Сидорова', firstName: 'Ольга', middleName: 'Петровна', phone: '+7 (903) 771-29-56', children: [{ studentKey: 's.sidorov', relation: 'мать' }] },
];

/** Fills every class to CLASS_SIZE with generated children, each with one guardian card. */
function generatePeople(): { students: StudentSpec[]; guardians: GuardianSpec[] } {
  const students = [...NAMED_STUDENTS];
  const guardians = [...NAMED_GUARDIANS];
  const staffStems = new Set(STAFF.map((s) => s.lastName.replace(/а$/, '')));
  const surnames = [...new Set(SURNAMES)].filter((s) => !staffStems.has(s));
  const fullNames = new Set(students.map((s) => `${s.lastName} ${s.firstName} ${s.middleName}`));
  for (const cls of CLASSES) {
    const rnd = rngFor(`people:${cls.key}`);
    const usedSurnames = new Set(students.filter((s) => s.classKey === cls.key).map((s) => s.lastName.replace(/а$/, '')));
    const bornFrom = Date.UTC(cls.grade === 1 ? 2018 : 2014, 8, 1);
    let n = 0;
    while (students.filter((s) => s.classKey === cls.key).length < CLASS_SIZE) {
      const surname = pickOne(surnames, rnd);
      const girl = rnd() < 0.5;
      const firstName = pickOne(girl ? GIRL_NAMES : BOY_NAMES, rnd);
      const [fatherName, sonPatronymic, daughterPatronymic] = pickOne(FATHERS, rnd);
      const lastName = girl ? femaleSurname(surname) : surname;
      const middleName = girl ? daughterPatronymic : sonPatronymic;
      const birthDate = new Date(bornFrom + Math.floor(rnd() * 365) * 86_400_000).toISOString().slice(0, 10);
      const ability = 3.3 + rnd() * 1.5;
      const motherFirst = pickOne(MOTHER_NAMES, rnd);
      const grandfather = pickOne(FATHERS, rnd);
      const byMother = rnd() < 0.7;
      const phone = `+7 (9${Math.floor(rnd() * 90 + 10)}) ${Math.floor(rnd() * 900 + 100)}-${String(Math.floor(rnd() * 100)).padStart(2, '0')}-${String(Math.floor(rnd() * 100)).padStart(2, '0')}`;
      const fullName = `${lastName} ${firstName} ${middleName}`;
      if (usedSurnames.has(surname) || fullNames.has(fullName)) continue;
      usedSurnames.add(surname);
      fullNames.add(fullName);
      n += 1;
      const key = `${cls.key}-${String(n).padStart(2, '0')}`;
      students.push({ key, classKey: cls.key, lastName, firstName, middleName, birthDate, ability, favoured: false });
      guardians.push(byMother
        ? { key: `g-${key}`, lastName: femaleSurname(surname), firstName: motherFirst, middleName: grandfather[2], phone, children: [{ studentKey: key, relation: 'мать' }] }
        : { key: `g-${key}`, lastName: surname, firstName: fatherName, middleName: grandfather[1], phone, children: [{ studentKey: key, relation: 'отец' }] });
    }
  }
  return { students, guardians };
}

// ---------------------------------------------------------------- bulk insert

const CHUNK = 1000;

/** insertMany in chunks: one statement per chunk keeps well under PostgreSQL's 65 535 bind parameters. */
async function insertChunked<T extends object>(em: EntityManager, entity: EntityName<T>, rows: RequiredEntityData<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await em.insertMany<T>(entity, rows.slice(i, i + CHUNK));
  }
}

// ---------------------------------------------------------------- the seed

/**
 * MikroORM 6 types plain getters (`fullName`, `name`) as required properties of
 * `em.create` data; `partial` only relaxes that typing, nothing changes at run time.
 */
const GETTER_SAFE = { partial: true } as const;

interface LessonPlan {
  id: string;
  key: string;
  date: string;
  number: number;
  classKey: ClassKey;
  grade: number;
  subject: SubjectName;
  teacher: TeacherKey;
  state: LessonState;
  entryId: string;
  roomId: string;
}

export async function seedDemoSchool(em: EntityManager, options: DemoSeedOptions): Promise<void> {
  const { today, passwordHash } = options;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`demo seed: today must be YYYY-MM-DD, got "${today}"`);

  const instants = new Map<string, Date>();
  /** A school-local date and time as an instant (memoised: Intl formatters are slow to build). */
  const at = (date: string, time: string): Date => {
    const k = `${date}T${time}`;
    let v = instants.get(k);
    if (!v) {
      v = zonedInstant(date, time, DEMO_TIMEZONE);
      instants.set(k, v);
    }
    return v;
  };

  checkTimetable();

  // ------------------------------------------------ tenancy, calendar, bells, work types, subjects
  const region = em.create(Region, { name: 'Demo region' });
  const municipality = em.create(Municipality, { region, name: 'Demo municipality' });
  const school = em.create(School, { municipality, name: DEMO_SCHOOL_NAME, timezone: DEMO_TIMEZONE });
  const year = em.create(AcademicYear, {
    school, name: YEAR.name, startsOn: YEAR.startsOn, endsOn: YEAR.endsOn, state: AcademicYearState.ACTIVE,
  });
  QUARTERS.forEach(([name, startsOn, endsOn], i) => {
    em.create(StudyPeriod, { year, kind: StudyPeriodKind.QUARTER, ordinal: i + 1, name, startsOn, endsOn });
  });
  for (const [name, startsOn, endsOn] of HOLIDAYS) em.create(Holiday, { year, name, startsOn, endsOn });
  BELLS.forEach(([startsAt, endsAt], i) => em.create(Bell, { school, shift: 1, number: i + 1, startsAt, endsAt }));

  const workTypes = new Map<WorkTypeCode, WorkType>();
  for (const wt of WORK_TYPES) workTypes.set(wt.code, em.create(WorkType, { school, ...wt }));

  const subjects = new Map<SubjectName, Subject>();
  for (const cls of CLASSES) {
    for (const day of Object.values(TIMETABLE[cls.key])) {
      for (const name of day) {
        if (!subjects.has(name)) subjects.set(name, em.create(Subject, { school, name, gradingScale: GradingScale.FIVE_POINT }));
      }
    }
  }

  // ------------------------------------------------ users, staff, students, guardians
  const accountCreatedAt = at('2026-08-20', '09:00:00');
  const consentAt = at('2026-08-28', '10:00:00');
  const users = new Map<DemoLogin, User>();
  for (const login of DEMO_LOGINS) {
    users.set(login, em.create(User, {
      login, passwordHash, mustChangePassword: false, locked: false, createdAt: accountCreatedAt,
    }));
  }
  const grant = (login: DemoLogin, role: Role) => em.create(RoleGrant, { user: users.get(login)!, role, school });
  em.create(RoleGrant, { user: users.get('coordinator')!, role: Role.MUNICIPAL_COORDINATOR, municipality });

  const employees = new Map<StaffSpec['key'], Employee>();
  for (const s of STAFF) {
    const user = s.login ? users.get(s.login) : undefined;
    if (s.login && s.role) grant(s.login, s.role);
    employees.set(s.key, em.create(Employee, {
      school, user, lastName: s.lastName, firstName: s.firstName, middleName: s.middleName,
      position: s.position, hiredOn: s.hiredOn,
    }, GETTER_SAFE));
  }
  /** Who a teacher's journal rows are written by: their own account, or the admin when they have none. */
  const authorOf = (teacher: TeacherKey): string => {
    const login = STAFF.find((s) => s.key === teacher)?.login;
    return users.get(login ?? 'admin')!.id;
  };

  const classes = new Map<ClassKey, ClassGroup>();
  for (const c of CLASSES) {
    classes.set(c.key, em.create(ClassGroup, {
      school, year, grade: c.grade, letter: c.letter, shift: 1, classTeacher: employees.get(c.classTeacher),
    }, GETTER_SAFE));
  }

  const { students: studentSpecs, guardians: guardianSpecs } = generatePeople();
  // The movement book: every enrollment is opened by the secretary's ENROLL order, one per student, numbered in class order.
  const secretary = users.get('secretary')!;
  const enrollOrderDate = '2026-08-28';
  const students = new Map<string, Student>();
  studentSpecs.forEach((s, i) => {
    if (s.login) grant(s.login, Role.STUDENT);
    const student = em.create(Student, {
      school, user: s.login ? users.get(s.login) : undefined,
      lastName: s.lastName, firstName: s.firstName, middleName: s.middleName,
      birthDate: s.birthDate, personalDataConsentAt: consentAt,
    }, GETTER_SAFE);
    students.set(s.key, student);
    const classGroup = classes.get(s.classKey)!;
    const openedBy = em.create(MovementOrder, {
      school, year, number: `${i + 1}-у`, orderDate: enrollOrderDate, effectiveOn: YEAR.startsOn,
      type: MovementOrderType.ENROLL, student, toClass: classGroup,
      basis: 'Заявление родителя (законного представителя)', createdBy: secretary, createdAt: at(enrollOrderDate, '11:00:00'),
    });
    em.create(Enrollment, { student, classGroup, startsOn: YEAR.startsOn, openedBy });
  });
  const consentOn = consentAt.toISOString().slice(0, 10);
  for (const g of guardianSpecs) {
    if (g.login) grant(g.login, Role.PARENT);
    const guardian = em.create(Guardian, {
      school, user: g.login ? users.get(g.login) : undefined,
      lastName: g.lastName, firstName: g.firstName, middleName: g.middleName,
      phone: g.phone, personalDataConsentAt: consentAt,
    }, GETTER_SAFE);
    // One signed consent for the guardian's own card and one for each child's (a minor's is given by the parent).
    const givenByName = [g.lastName, g.firstName, g.middleName].join(' ');
    const consent = { school, givenByName, givenOn: consentOn, recordedBy: secretary, createdAt: consentAt };
    em.create(PersonalDataConsent, { ...consent, guardian, givenByRelation: 'сам', document: 'Согласие на обработку персональных данных' });
    for (const child of g.children) {
      const student = students.get(child.studentKey)!;
      em.create(Guardianship, { guardian, student, relation: child.relation, createdAt: consentAt });
      em.create(PersonalDataConsent, {
        ...consent, student, givenByRelation: child.relation, document: 'Согласие на обработку персональных данных ребёнка',
      });
    }
  }

  const assigned = new Set<string>();
  for (const c of CLASSES) {
    for (const day of Object.values(TIMETABLE[c.key])) {
      for (const subject of day) {
        const teacher = teacherOf(c.key, subject);
        const k = `${c.key}|${subject}`;
        if (assigned.has(k)) continue;
        assigned.add(k);
        em.create(TeachingAssignment, {
          teacher: employees.get(teacher)!, classGroup: classes.get(c.key)!, year, subject: subjects.get(subject)!,
        });
      }
    }
  }

  // Rooms and the weekly timetable: the lessons below are generated from these entries.
  const timetable = seedDemoTimetable(em, {
    school, year, classes: CLASSES.map((c) => ({ key: c.key, classGroup: classes.get(c.key)! })), subjects, employees, teacherOf,
  });

  // The bulk rows below reference these by id, so they must be in the database first.
  await em.flush();

  // ------------------------------------------------ lessons
  const days = schoolDays();
  const cancelBefore = addDays(today, -7); // keep the recent past free of cancellations
  const lessons: LessonPlan[] = [];
  const gradeOf = new Map(CLASSES.map((c) => [c.key, c.grade]));
  for (const date of days) {
    for (const slot of timetable.get(isoWeekday(date)) ?? []) {
      const number = slot.entry.bellNumber;
      const key = `${slot.classKey}:${date}:${number}`;
      let state = date < today ? LessonState.HELD : LessonState.SCHEDULED;
      if (state === LessonState.HELD && date < cancelBefore && rngFor(`cancel:${key}`)() < 0.01) {
        state = LessonState.CANCELLED;
      }
      lessons.push({
        id: randomUUID(), key, date, number, classKey: slot.classKey, grade: gradeOf.get(slot.classKey)!, subject: slot.subject,
        teacher: slot.teacher, state, entryId: slot.entry.id, roomId: slot.entry.room!.id,
      });
    }
  }
  const schoolId = school.id;
  await insertChunked(em, Lesson, lessons.map((l) => ({
    id: l.id, school: schoolId, classGroup: classes.get(l.classKey)!.id, subject: subjects.get(l.subject)!.id,
    teacher: employees.get(l.teacher)!.id, date: l.date, number: l.number, state: l.state,
    timetableEntry: l.entryId, room: l.roomId,
    cancelReason: l.state === LessonState.CANCELLED ? 'Болезнь учителя, замена не найдена' : null,
  })));

  // ------------------------------------------------ topics and homework
  const totals = new Map<string, number>();
  for (const l of lessons) totals.set(`${l.classKey}|${l.subject}`, (totals.get(`${l.classKey}|${l.subject}`) ?? 0) + 1);
  const counters = new Map<string, number>();
  const records: RequiredEntityData<LessonRecord>[] = [];
  for (const l of lessons) {
    if (l.state !== LessonState.HELD) continue;
    const k = `${l.classKey}|${l.subject}`;
    const n = (counters.get(k) ?? 0) + 1;
    counters.set(k, n);
    const titles = TOPICS[`${l.grade}:${l.subject}`];
    const section = Math.min(titles.length - 1, Math.floor(((n - 1) * titles.length) / totals.get(k)!));
    records.push({
      id: randomUUID(), lesson: l.id,
      topic: `Тема ${n}: ${titles[section]}`,
      homework: homeworkFor(l.grade, l.subject, section + 1, n, rngFor(`homework:${l.key}`)),
      updatedBy: authorOf(l.teacher), updatedAt: at(l.date, '15:00:00'),
    });
  }
  await insertChunked(em, LessonRecord, records);

  // ------------------------------------------------ attendance
  interface AttendanceRow {
    id: string; studentKey: string; lesson: LessonPlan; kind: AttendanceKind; reason: AbsenceReason; document: string | null;
  }
  const attendance = new Map<string, AttendanceRow>(); // `${studentKey}|${lessonId}`
  const lessonsByClassDay = new Map<string, LessonPlan[]>();
  for (const l of lessons) {
    const k = `${l.classKey}|${l.date}`;
    const list = lessonsByClassDay.get(k);
    if (list) list.push(l);
    else lessonsByClassDay.set(k, [l]);
  }
  const ddmm = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}`;
  const record = (studentKey: string, lesson: LessonPlan, kind: AttendanceKind, reason: AbsenceReason, document: string | null) => {
    if (lesson.state !== LessonState.HELD) return;
    attendance.set(`${studentKey}|${lesson.id}`, { id: randomUUID(), studentKey, lesson, kind, reason, document });
  };
  for (const s of studentSpecs) {
    // One stream per student over the whole year: whether a past day is an absence never depends on `today`.
    const rnd = rngFor(`attendance:${s.key}`);
    let ill = 0;
    let episode: { reason: AbsenceReason; document: string | null } = { reason: AbsenceReason.UNKNOWN, document: null };
    for (const date of days) {
      const dayLessons = lessonsByClassDay.get(`${s.classKey}|${date}`) ?? [];
      if (ill === 0 && rnd() < 0.006) {
        ill = 1 + Math.floor(rnd() * 4);
        const reason = pickWeighted<AbsenceReason>([
          [AbsenceReason.ILLNESS, 55], [AbsenceReason.EXCUSED, 20], [AbsenceReason.UNKNOWN, 15], [AbsenceReason.UNEXCUSED, 10],
        ], rnd);
        const number = 1 + Math.floor(rnd() * 400);
        episode = {
          reason,
          document: reason === AbsenceReason.ILLNESS ? `Справка №${number} от ${ddmm(date)}`
            : reason === AbsenceReason.EXCUSED ? 'Заявление родителей' : null,
        };
      }
      if (ill > 0) {
        ill -= 1;
        for (const l of dayLessons) record(s.key, l, AttendanceKind.ABSENT, episode.reason, episode.document);
        continue;
      }
      for (const l of dayLessons) {
        if (rnd() >= 0.004) continue;
        const late = rnd() < 0.6;
        const reason = late
          ? pickWeighted<AbsenceReason>([[AbsenceReason.UNKNOWN, 40], [AbsenceReason.UNEXCUSED, 40], [AbsenceReason.EXCUSED, 20]], rnd)
          : pickWeighted<AbsenceReason>([[AbsenceReason.UNEXCUSED, 40], [AbsenceReason.UNKNOWN, 30], [AbsenceReason.EXCUSED, 30]], rnd);
        record(s.key, l, late ? AttendanceKind.LATE : AttendanceKind.ABSENT, reason,
          reason === AbsenceReason.EXCUSED ? 'Заявление родителей' : null);
      }
    }
  }

  // The demo diaries of s.ivanov and s.ivanova always show a recent absence.
  const pastDays = days.filter((d) => d < today);
  const recent = pastDays.slice(-10);
  const hasRecentAbsence = (studentKey: string) =>
    [...attendance.values()].some((a) => a.studentKey === studentKey && a.kind === AttendanceKind.ABSENT && recent.includes(a.lesson.date));
  const heldOn = (classKey: ClassKey, date: string) =>
    (lessonsByClassDay.get(`${classKey}|${date}`) ?? []).filter((l) => l.state === LessonState.HELD);
  if (recent.length > 0 && !hasRecentAbsence('s.ivanov')) {
    // Missed the last lesson of the latest school day; the class teacher has not set a reason yet.
    const last = heldOn('5\u0410', recent[recent.length - 1]).at(-1);
    if (last) record('s.ivanov', last, AttendanceKind.ABSENT, AbsenceReason.UNKNOWN, null);
  }
  if (recent.length > 0 && !hasRecentAbsence('s.ivanova')) {
    // Ill for a whole day a little earlier, with a doctor's note.
    const date = recent[Math.max(0, recent.length - 3)];
    for (const l of heldOn('1\u0410', date)) {
      record('s.ivanova', l, AttendanceKind.ABSENT, AbsenceReason.ILLNESS, `Справка №117 от ${ddmm(date)}`);
    }
  }

  const studentId = (key: string) => students.get(key)!.id;
  await insertChunked(em, Attendance, [...attendance.values()].map((a) => ({
    id: a.id, school: schoolId, student: studentId(a.studentKey), lesson: a.lesson.id, kind: a.kind, reason: a.reason,
    document: a.document, createdBy: authorOf(a.lesson.teacher), createdAt: at(a.lesson.date, '12:00:00'),
    reasonSetAt: a.reason === AbsenceReason.UNKNOWN ? null : at(a.lesson.date, '16:00:00'),
  })));

  // ------------------------------------------------ marks (grade 5 only: the first grade gets none)
  const classStudents = new Map<ClassKey, StudentSpec[]>();
  for (const s of studentSpecs) classStudents.set(s.classKey, [...(classStudents.get(s.classKey) ?? []), s]);
  const markCount = new Map<string, number>(); // `${studentKey}|${subject}`
  const subjectBias = (s: StudentSpec, subject: SubjectName) => (rngFor(`bias:${s.key}:${subject}`)() - 0.5) * 0.6;
  const marks: RequiredEntityData<Mark>[] = [];
  const versions: RequiredEntityData<MarkVersion>[] = [];
  for (const l of lessons) {
    if (l.grade === 1 || l.state !== LessonState.HELD) continue;
    const rnd = rngFor(`marks:${l.key}`);
    const present = classStudents.get(l.classKey)!
      .filter((s) => attendance.get(`${s.key}|${l.id}`)?.kind !== AttendanceKind.ABSENT);
    // Teachers spread their questions: those marked least often in the subject come first;
    // demo students count their marks at a discount, so they are asked more often.
    const effective = (s: StudentSpec) => (markCount.get(`${s.key}|${l.subject}`) ?? 0) / (s.favoured ? 1.8 : 1);
    const least = Math.min(...present.map(effective));
    const pool = present.map((s) => ({ s, w: Math.pow(0.6, effective(s) - least) }));
    const mix = WORK_TYPE_MIX[l.subject]!;
    const mainType = pickWeighted(mix, rnd);
    const howMany = Math.min(pool.length, 3 + Math.floor(rnd() * 3));
    const createdBy = authorOf(l.teacher);
    const createdAt = at(l.date, '14:00:00');
    for (let i = 0; i < howMany; i++) {
      const total = pool.reduce((sum, p) => sum + p.w, 0);
      let x = rnd() * total;
      let idx = pool.findIndex((p) => (x -= p.w) < 0);
      if (idx < 0) idx = pool.length - 1;
      const [{ s }] = pool.splice(idx, 1);
      const code: WorkTypeCode = rnd() < 0.85 || !mix.some(([c]) => c === 'ORAL') ? mainType : 'ORAL';
      const hard = code === 'CONTROL' || code === 'TEST' ? 0.25 : 0;
      const noise = (rnd() + rnd() + rnd() - 1.5) * 1.1;
      const value = Math.max(2, Math.min(5, Math.round(s.ability + subjectBias(s, l.subject) - hard + noise)));
      const comment = value === 2 && code === 'HOMEWORK' ? 'Домашнее задание не выполнено'
        : value === 5 && rnd() < 0.05 ? 'Отличная работа!' : null;
      markCount.set(`${s.key}|${l.subject}`, (markCount.get(`${s.key}|${l.subject}`) ?? 0) + 1);
      const id = randomUUID();
      marks.push({
        id, school: schoolId, student: studentId(s.key), lesson: l.id, workType: workTypes.get(code)!.id,
        value: String(value), comment, revision: 1, createdBy, createdAt,
      });
      versions.push({
        id: randomUUID(), mark: id, revision: 1, value: String(value), comment, reason: null, createdBy, createdAt,
      });
    }
  }
  await insertChunked(em, Mark, marks);
  await insertChunked(em, MarkVersion, versions);
  await seedDemoCurriculum(em, schoolId);
  await seedDemoReports(em, { schoolId, today, timezone: DEMO_TIMEZONE });
  await seedDemoPeople(em, { schoolId, secretaryId: secretary.id, today, timezone: DEMO_TIMEZONE });
}

/** No teacher stands in two classes at the same bell on the same weekday. */
function checkTimetable(): void {
  const busy = new Map<string, string>();
  for (const c of CLASSES) {
    for (const [weekday, subjects] of Object.entries(TIMETABLE[c.key])) {
      subjects.forEach((subject, i) => {
        const slot = `${weekday}:${i + 1}:${teacherOf(c.key, subject)}`;
        const other = busy.get(slot);
        if (other) throw new Error(`demo seed: timetable puts one teacher in ${other} and ${c.key} at ${slot}`);
        busy.set(slot, c.key);
      });
    }
  }
}
