import { randomUUID } from 'node:crypto';
import { PersonCardKind, Role, SourcedKind } from '../../entities';
import { rolesMayLeadClass } from '../../permissions/roster-roles';
import { checkConsentGiver, CONSENT_FIELDS } from '../people/personal-data-consent';
import type {
  PersonKind, Roster, RosterAssignment, RosterClass, RosterCurriculumItem, RosterEnrollment, RosterGuardianship,
  RosterPerson, RosterPeriod, RosterSubject, RosterYear, RowProblem, Source,
} from './roster';

/**
 * What an import would do, decided before anything is written: every record of the roster matched
 * to the school's rows (by the sourced id it came with, then by the row's own id as our export
 * writes it, then by its natural key: a year's name, a class's grade and letter, a subject's
 * name, a login), and its outcome CREATED, UPDATED or UNCHANGED; every reference between records
 * resolved or reported. A plan with problems is never applied.
 */

export type Outcome = 'CREATED' | 'UPDATED' | 'UNCHANGED';
export type RecordKind = 'YEAR' | 'STUDY_PERIOD' | 'SUBJECT' | 'CLASS' | 'CURRICULUM_ITEM' | 'STUDENT' | 'GUARDIAN' | 'EMPLOYEE'
  | 'GUARDIANSHIP' | 'ENROLLMENT' | 'CLASS_TEACHER' | 'TEACHING_ASSIGNMENT' | 'ACCOUNT';

export interface RowOutcome { file: string; line: number; kind: RecordKind; sourcedId: string; outcome: Outcome }

/** The school's rows an import is matched against, read in a fixed number of statements (import.service.ts). */
export interface SchoolState {
  schoolId: string;
  today: string;
  defaultYearId: string | null;
  keys: Map<string, string>; // `${kind}|${sourcedId}` → entity id
  keyed: Set<string>; // `${kind}|${entityId}`: rows that already carry a sourced key
  years: { id: string; name: string; startsOn: string; endsOn: string }[];
  periods: { id: string; yearId: string; ordinal: number; name: string; startsOn: string; endsOn: string; kind: string; gradeFrom: number; gradeTo: number }[];
  subjects: { id: string; name: string; gradingScale: string }[];
  classes: { id: string; yearId: string; grade: number; letter: string; shift: number; classTeacherId: string | null; closed: boolean }[];
  curriculum: { id: string; classId: string; subjectId: string; hoursPerWeek: string; component: string }[];
  students: PersonRow[]; guardians: PersonRow[]; employees: PersonRow[];
  guardianships: { id: string; guardianId: string; studentId: string; relation: string | null }[];
  openEnrollments: { id: string; studentId: string; classId: string; startsOn: string; form: string }[];
  assignments: { id: string; teacherId: string; classId: string; subjectId: string }[];
  /** Users holding the logins the files name, with their cards and roles in this school. */
  users: { id: string; login: string; cardIds: string[]; roles: Role[] }[];
  /** Roles held in this school by the users of the cards above. */
  cardUsers: Map<string, { userId: string; login: string; roles: Role[] }>;
}

export interface PersonRow {
  id: string; lastName: string; firstName: string; middleName: string | null; position: string | null;
  birthDate: string | null; gender: string | null; phone: string | null; email: string | null; consentAt: boolean;
}

interface Planned<R> { record: R; id: string; outcome: Outcome }

export interface ImportPlan {
  state: SchoolState;
  roster: Roster;
  problems: RowProblem[];
  warnings: RowProblem[];
  rows: RowOutcome[];
  years: Planned<RosterYear>[];
  periods: (Planned<RosterPeriod> & { yearId: string })[];
  subjects: Planned<RosterSubject>[];
  classes: (Planned<RosterClass> & { yearId: string })[];
  curriculum: (Planned<RosterCurriculumItem> & { classId: string; subjectId: string; yearId: string })[];
  people: (Planned<RosterPerson> & { personalFields: boolean })[];
  guardianships: (Planned<RosterGuardianship> & { guardianId: string; studentId: string })[];
  enrollments: (Planned<RosterEnrollment> & { classId: string; studentId: string; yearId: string; startsOn: string })[];
  classTeachers: { classId: string; employeeId: string; outcome: Outcome; at: Source; classKey: string }[];
  assignments: (Planned<RosterAssignment> & { teacherId: string; classId: string; subjectId: string; yearId: string })[];
  /** New accounts (a login on a card without one), and roles to grant to existing ones. */
  accounts: { personKey: string; cardId: string; kind: PersonKind; login: string; userId: string; roles: Role[]; name: string }[];
  grants: { userId: string; role: Role }[];
  /** Which account each card gets: a new account's cards, and new cards of an account there is. */
  cardLinks: { userId: string; cardId: string; kind: PersonKind }[];
  /** (kind, sourcedId, entityId) to remember: every matched or created row that had no key yet. */
  newKeys: { kind: SourcedKind; sourcedId: string; entityId: string }[];
}

const KIND_OF_PERSON: Record<PersonKind, SourcedKind> = { STUDENT: SourcedKind.STUDENT, GUARDIAN: SourcedKind.GUARDIAN, EMPLOYEE: SourcedKind.EMPLOYEE };
const CARD_KIND: Record<PersonKind, PersonCardKind> = { STUDENT: PersonCardKind.STUDENT, GUARDIAN: PersonCardKind.GUARDIAN, EMPLOYEE: PersonCardKind.EMPLOYEE };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One account for several cards of one person: never a student's (a student holds no other role), never two cards of a kind. */
function mayShareAccount(kinds: PersonKind[], kind: PersonKind): boolean {
  return !kinds.includes(kind) && kind !== 'STUDENT' && !kinds.includes('STUDENT');
}

export function planImport(roster: Roster, state: SchoolState): ImportPlan {
  const plan: ImportPlan = {
    state, roster, problems: [...roster.problems], warnings: [...roster.warnings], rows: [],
    years: [], periods: [], subjects: [], classes: [], curriculum: [], people: [], guardianships: [], enrollments: [],
    classTeachers: [], assignments: [], accounts: [], grants: [], cardLinks: [], newKeys: [],
  };
  const problem = (at: Source, column: string | null, message: string) => plan.problems.push({ file: at.file, line: at.line, column, message });
  const row = (at: Source, kind: RecordKind, sourcedId: string, outcome: Outcome) => plan.rows.push({ file: at.file, line: at.line, kind, sourcedId, outcome });

  /** The existing row for a record: its sourced key, else our own id (an export of this system), else the natural match. */
  const match = (kind: SourcedKind, key: string, ownIds: Set<string>, natural: () => string | undefined): { id: string; known: boolean } | null => {
    const byKey = state.keys.get(`${kind}|${key}`);
    if (byKey) return { id: byKey, known: true };
    if (UUID.test(key) && ownIds.has(key.toLowerCase())) return { id: key.toLowerCase(), known: false };
    const id = natural();
    return id ? { id, known: false } : null;
  };
  const remember = (kind: SourcedKind, key: string, id: string, known: boolean) => {
    if (!known && !state.keyed.has(`${kind}|${id}`) && key !== id) plan.newKeys.push({ kind, sourcedId: key, entityId: id });
  };
  const unique = <R extends { key: string; at: Source }>(records: R[], what: string): R[] => {
    const seen = new Map<string, Source>();
    return records.filter((r) => {
      const first = seen.get(r.key);
      if (first) { problem(r.at, 'sourcedId', `${what} "${r.key.slice(0, 60)}" appears twice (first at ${first.file}:${first.line}).`); return false; }
      seen.set(r.key, r.at);
      return true;
    });
  };

  // Years.
  const yearIds = new Map<string, string>();
  const ownYears = new Set(state.years.map((y) => y.id));
  for (const y of unique(roster.years, 'The school year')) {
    const m = match(SourcedKind.ACADEMIC_SESSION, y.key, ownYears, () => state.years.find((e) => e.name === y.name)?.id);
    const existing = m && state.years.find((e) => e.id === m.id);
    if (existing && (existing.startsOn !== y.startsOn || existing.endsOn !== y.endsOn)) {
      problem(y.at, 'startDate', `The school year ${y.name} exists with other dates (${existing.startsOn} – ${existing.endsOn}); a year's dates are changed in the school's settings, not by an import.`);
      continue;
    }
    if (!existing && state.years.some((e) => e.startsOn <= y.endsOn && y.startsOn <= e.endsOn)) {
      problem(y.at, 'startDate', `The school year ${y.name} overlaps one the school has.`);
      continue;
    }
    const id = existing?.id ?? randomUUID();
    yearIds.set(y.key, id);
    plan.years.push({ record: y, id, outcome: existing ? 'UNCHANGED' : 'CREATED' });
    remember(SourcedKind.ACADEMIC_SESSION, y.key, id, !!m?.known);
    row(y.at, 'YEAR', y.key, existing ? 'UNCHANGED' : 'CREATED');
  }
  const yearOf = (yearKey: string | null, at: Source, column: string): string | null => {
    if (!yearKey) {
      const only = plan.years.length === 1 ? plan.years[0].id : state.defaultYearId;
      if (!only) problem(at, column, 'Which school year? The school has no current year and the files name none (academicSessions.csv).');
      return only;
    }
    const id = yearIds.get(yearKey) ?? state.keys.get(`${SourcedKind.ACADEMIC_SESSION}|${yearKey}`) ?? (ownYears.has(yearKey) ? yearKey : undefined);
    if (!id) problem(at, column, `Unknown school year "${yearKey.slice(0, 60)}".`);
    return id ?? null;
  };

  // Study periods: new years get theirs; an existing year's periods are matched, never rewritten.
  const ownPeriods = new Set(state.periods.map((p) => p.id));
  const schemes = new Map<string, { gradeFrom: number; gradeTo: number; at: Source }[]>();
  for (const p of unique(roster.periods, 'The study period')) {
    const yearId = yearOf(p.yearKey, p.at, 'parentSourcedId');
    if (!yearId) continue;
    // One scheme per parallel: the grade ranges of a year's periods are the same range or apart.
    const ranges = schemes.get(yearId) ?? [];
    const clash = ranges.find((r) => (r.gradeFrom !== p.gradeFrom || r.gradeTo !== p.gradeTo) && r.gradeFrom <= p.gradeTo && p.gradeFrom <= r.gradeTo);
    if (clash) { problem(p.at, 'metadata.grades', `Grades ${p.gradeFrom}–${p.gradeTo} overlap the periods of grades ${clash.gradeFrom}–${clash.gradeTo} (${clash.at.file}:${clash.at.line}).`); continue; }
    if (!ranges.some((r) => r.gradeFrom === p.gradeFrom)) schemes.set(yearId, [...ranges, { gradeFrom: p.gradeFrom, gradeTo: p.gradeTo, at: p.at }]);
    const m = match(SourcedKind.STUDY_PERIOD, p.key, ownPeriods, () => state.periods.find((e) => e.yearId === yearId && e.gradeFrom === p.gradeFrom && e.ordinal === p.ordinal && e.kind === p.kind)?.id);
    const existing = m && state.periods.find((e) => e.id === m.id);
    if (!existing && state.periods.some((e) => e.yearId === yearId)) {
      problem(p.at, 'sourcedId', `The year already has its study periods; ${p.name} is not one of them (periods are set in the school's settings).`);
      continue;
    }
    if (existing && (existing.startsOn !== p.startsOn || existing.endsOn !== p.endsOn)) {
      plan.warnings.push({ file: p.at.file, line: p.at.line, column: 'startDate', message: `${p.name} has other dates here than in the school (${existing.startsOn} – ${existing.endsOn}); the school's are kept.` });
    }
    const id = existing?.id ?? randomUUID();
    plan.periods.push({ record: p, id, yearId, outcome: existing ? 'UNCHANGED' : 'CREATED' });
    remember(SourcedKind.STUDY_PERIOD, p.key, id, !!m?.known);
    row(p.at, 'STUDY_PERIOD', p.key, existing ? 'UNCHANGED' : 'CREATED');
  }

  // Subjects.
  const subjectIds = new Map<string, string>();
  const ownSubjects = new Set(state.subjects.map((s) => s.id));
  const subjectNames = new Map<string, Source>();
  for (const s of unique(roster.subjects, 'The course')) {
    const lower = s.name.toLowerCase();
    if (subjectNames.has(lower)) { problem(s.at, 'title', `Two courses are named "${s.name}" (first at ${subjectNames.get(lower)!.file}:${subjectNames.get(lower)!.line}).`); continue; }
    subjectNames.set(lower, s.at);
    const m = match(SourcedKind.COURSE, s.key, ownSubjects, () => state.subjects.find((e) => e.name.toLowerCase() === lower)?.id);
    const existing = m && state.subjects.find((e) => e.id === m.id);
    if (existing && existing.name.toLowerCase() !== lower && state.subjects.some((e) => e.id !== existing.id && e.name.toLowerCase() === lower)) {
      problem(s.at, 'title', `Another subject of the school is named "${s.name}".`); continue;
    }
    const outcome: Outcome = !existing ? 'CREATED' : existing.name !== s.name || (s.gradingScale && existing.gradingScale !== s.gradingScale) ? 'UPDATED' : 'UNCHANGED';
    const id = existing?.id ?? randomUUID();
    subjectIds.set(s.key, id);
    plan.subjects.push({ record: s, id, outcome });
    remember(SourcedKind.COURSE, s.key, id, !!m?.known);
    row(s.at, 'SUBJECT', s.key, outcome);
  }

  // Classes.
  const classIds = new Map<string, { id: string; yearId: string; grade: number }>();
  const ownClasses = new Set(state.classes.map((c) => c.id));
  const classNames = new Map<string, Source>();
  for (const c of unique(roster.classes, 'The class')) {
    const yearId = yearOf(c.yearKey, c.at, 'termSourcedIds');
    if (!yearId) continue;
    const nameKey = `${yearId}|${c.grade}${c.letter}`;
    if (classNames.has(nameKey)) { problem(c.at, 'title', `The class ${c.grade}${c.letter} appears twice in one year (first at ${classNames.get(nameKey)!.file}:${classNames.get(nameKey)!.line}).`); continue; }
    classNames.set(nameKey, c.at);
    const m = match(SourcedKind.CLASS, c.key, ownClasses, () => state.classes.find((e) => e.yearId === yearId && e.grade === c.grade && e.letter === c.letter)?.id);
    const existing = m && state.classes.find((e) => e.id === m.id);
    if (existing && (existing.grade !== c.grade || existing.letter !== c.letter || existing.yearId !== yearId)) {
      problem(c.at, 'title', `This class is ${existing.grade}${existing.letter} in the school; a class is renamed in the school's settings, not by an import.`); continue;
    }
    if (existing?.closed) { problem(c.at, 'title', `The class ${existing.grade}${existing.letter} is closed; an import does not reopen it.`); continue; }
    const outcome: Outcome = !existing ? 'CREATED' : existing.shift !== c.shift ? 'UPDATED' : 'UNCHANGED';
    const id = existing?.id ?? randomUUID();
    classIds.set(c.key, { id, yearId, grade: c.grade });
    plan.classes.push({ record: c, id, yearId, outcome });
    remember(SourcedKind.CLASS, c.key, id, !!m?.known);
    row(c.at, 'CLASS', c.key, outcome);
  }
  const classOf = (key: string, at: Source, column: string) => {
    const found = classIds.get(key);
    if (found) return found;
    const id = state.keys.get(`${SourcedKind.CLASS}|${key}`) ?? (ownClasses.has(key) ? key : undefined);
    const existing = id ? state.classes.find((e) => e.id === id) : undefined;
    if (!existing) { problem(at, column, `Unknown class "${key.replace(/^class:/, '').slice(0, 60)}": it is neither in the files nor in the school.`); return null; }
    if (existing.closed) { problem(at, column, `The class ${existing.grade}${existing.letter} is closed.`); return null; }
    return { id: existing.id, yearId: existing.yearId, grade: existing.grade };
  };

  // People.
  const personIds = new Map<string, { id: string; kind: PersonKind }>();
  const ownCards: Record<PersonKind, Map<string, PersonRow>> = {
    STUDENT: new Map(state.students.map((p) => [p.id, p])), GUARDIAN: new Map(state.guardians.map((p) => [p.id, p])), EMPLOYEE: new Map(state.employees.map((p) => [p.id, p])),
  };
  const logins = new Map<string, { at: Source; kinds: Set<PersonKind>; userId: string; heldRoles: Role[]; account: ImportPlan['accounts'][number] | null }>();
  const grantMissing = (userId: string, held: Role[], roles: Role[]) => {
    for (const role of roles) {
      if (!held.includes(role) && !plan.grants.some((planned) => planned.userId === userId && planned.role === role)) plan.grants.push({ userId, role });
    }
  };
  const userByLogin = new Map(state.users.map((u) => [u.login, u]));
  for (const p of unique(roster.people, 'The user')) {
    const own = ownCards[p.kind];
    const m = match(KIND_OF_PERSON[p.kind], p.key, new Set(own.keys()), () => {
      const user = p.login ? userByLogin.get(p.login) : undefined;
      return user?.cardIds.find((id) => own.has(id) && !state.keyed.has(`${KIND_OF_PERSON[p.kind]}|${id}`));
    });
    if (!m && [...Object.values(KIND_OF_PERSON)].some((k) => k !== KIND_OF_PERSON[p.kind] && state.keys.has(`${k}|${p.key}`))) {
      problem(p.at, 'sourcedId', `"${p.key.slice(0, 60)}" was imported before as another kind of person.`); continue;
    }
    const existing = m ? own.get(m.id) : undefined;
    const id = existing?.id ?? randomUUID();
    // Personal fields beyond the name go in only with a consent (004 §6.1): recorded in the files, or already on the card.
    const personal = CONSENT_FIELDS[CARD_KIND[p.kind]].filter((f) => (p as unknown as Record<string, unknown>)[f] != null);
    let personalFields = personal.length > 0;
    if (personalFields && !p.consent && !existing?.consentAt) {
      plan.warnings.push({ file: p.at.file, line: p.at.line, column: personal[0], message: `${personal.join(', ')} not imported: the card has no recorded consent to personal-data processing (004 §6.1); give metadata.consentGivenOn and metadata.consentGivenBy.` });
      personalFields = false;
    }
    if (p.consent) {
      try { checkConsentGiver(CARD_KIND[p.kind], p.birthDate, p.consent.givenOn, p.consent.givenByRelation); } catch (e) {
        problem(p.at, 'metadata.consentRelation', (e as Error).message); continue;
      }
      if (p.consent.givenOn > state.today) { problem(p.at, 'metadata.consentGivenOn', 'A consent cannot be dated in the future.'); continue; }
    }
    const changed = existing && (existing.lastName !== p.lastName || existing.firstName !== p.firstName || (existing.middleName ?? null) !== p.middleName
      || (p.kind === 'EMPLOYEE' && (existing.position ?? null) !== p.position)
      || (personalFields && personal.some((f) => (existing as unknown as Record<string, unknown>)[f] !== (p as unknown as Record<string, unknown>)[f])));
    const outcome: Outcome = !existing ? 'CREATED' : changed ? 'UPDATED' : 'UNCHANGED';
    personIds.set(p.key, { id, kind: p.kind });
    plan.people.push({ record: p, id, outcome, personalFields });
    remember(KIND_OF_PERSON[p.kind], p.key, id, !!m?.known);
    row(p.at, p.kind, p.key, outcome);

    // The account: a login on the row gives the card one (or finds the one it has). One person with
    // several cards (a teacher who is also a parent) is several rows with one login: one account.
    const cardUser = existing ? state.cardUsers.get(existing.id) : undefined;
    if (!p.login) {
      if (cardUser) grantMissing(cardUser.userId, cardUser.roles, p.roles);
      continue;
    }
    const first = logins.get(p.login);
    if (first) {
      if (!mayShareAccount([...first.kinds], p.kind)) { problem(p.at, 'username', `The login "${p.login}" is given twice (first at ${first.at.file}:${first.at.line}).`); continue; }
      first.kinds.add(p.kind);
      if (cardUser) {
        if (cardUser.userId !== first.userId) problem(p.at, 'username', `The login "${p.login}" is given to two people with accounts of their own (first at ${first.at.file}:${first.at.line}).`);
        else grantMissing(cardUser.userId, cardUser.roles, p.roles);
        continue;
      }
      if (first.account) first.account.roles = [...new Set([...first.account.roles, ...p.roles])];
      else grantMissing(first.userId, first.heldRoles, p.roles);
      plan.cardLinks.push({ userId: first.userId, cardId: id, kind: p.kind });
      continue;
    }
    if (cardUser) {
      if (cardUser.login !== p.login) {
        plan.warnings.push({ file: p.at.file, line: p.at.line, column: 'username', message: `The card already has the login "${cardUser.login}"; logins are changed by the administrator, not by an import.` });
      }
      logins.set(p.login, { at: p.at, kinds: new Set([p.kind]), userId: cardUser.userId, heldRoles: cardUser.roles, account: null });
      grantMissing(cardUser.userId, cardUser.roles, p.roles);
      continue;
    }
    const holder = userByLogin.get(p.login);
    if (holder) {
      // The account of one of this school's people of another kind (the teacher's, the parent card new): that account.
      const holderKinds = holder.cardIds.map((cardId) => (Object.keys(ownCards) as PersonKind[]).find((k) => ownCards[k].has(cardId)));
      if (holderKinds.length === 0 || holderKinds.some((k) => !k) || !mayShareAccount(holderKinds as PersonKind[], p.kind)) {
        problem(p.at, 'username', `The login "${p.login}" is taken by another account.`); continue;
      }
      logins.set(p.login, { at: p.at, kinds: new Set([...(holderKinds as PersonKind[]), p.kind]), userId: holder.id, heldRoles: holder.roles, account: null });
      grantMissing(holder.id, holder.roles, p.roles);
      plan.cardLinks.push({ userId: holder.id, cardId: id, kind: p.kind });
      row(p.at, 'ACCOUNT', p.key, 'UPDATED');
      continue;
    }
    const account = { personKey: p.key, cardId: id, kind: p.kind, login: p.login, userId: randomUUID(), roles: p.roles, name: [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ') };
    plan.accounts.push(account);
    plan.cardLinks.push({ userId: account.userId, cardId: id, kind: p.kind });
    logins.set(p.login, { at: p.at, kinds: new Set([p.kind]), userId: account.userId, heldRoles: [], account });
    row(p.at, 'ACCOUNT', p.key, 'CREATED');
  }
  const personOf = (key: string, kind: PersonKind, at: Source, column: string, what: string): string | null => {
    const inFile = personIds.get(key);
    if (inFile) {
      if (inFile.kind !== kind) { problem(at, column, `"${key.slice(0, 60)}" is not a ${what}.`); return null; }
      return inFile.id;
    }
    const id = state.keys.get(`${KIND_OF_PERSON[kind]}|${key}`) ?? (ownCards[kind].has(key) ? key : undefined);
    if (!id) problem(at, column, `Unknown ${what} "${key.replace(/^(student|staff|guardian):/, '').slice(0, 60)}".`);
    return id ?? null;
  };
  const rolesOf = (employeeId: string): Role[] => {
    const fromFile = plan.people.find((p) => p.id === employeeId)?.record.roles ?? [];
    return [...fromFile, ...(state.cardUsers.get(employeeId)?.roles ?? [])];
  };

  // Guardianships: every guardian of the files has a pupil (in the files or already in the school).
  const guarded = new Set<string>();
  const seenLinks = new Set<string>();
  for (const g of roster.guardianships) {
    const guardianId = personOf(g.guardianKey, 'GUARDIAN', g.at, 'agentSourcedIds', 'guardian');
    const studentId = personOf(g.studentKey, 'STUDENT', g.at, 'agentSourcedIds', 'student');
    if (!guardianId || !studentId) continue;
    if (seenLinks.has(`${guardianId}|${studentId}`)) continue;
    seenLinks.add(`${guardianId}|${studentId}`);
    guarded.add(guardianId);
    const existing = state.guardianships.find((e) => e.guardianId === guardianId && e.studentId === studentId);
    const outcome: Outcome = !existing ? 'CREATED' : g.relation && existing.relation !== g.relation ? 'UPDATED' : 'UNCHANGED';
    plan.guardianships.push({ record: g, id: existing?.id ?? randomUUID(), guardianId, studentId, outcome });
    row(g.at, 'GUARDIANSHIP', g.key, outcome);
  }
  for (const p of plan.people) {
    if (p.record.kind === 'GUARDIAN' && !guarded.has(p.id) && !state.guardianships.some((e) => e.guardianId === p.id)) {
      problem(p.record.at, 'agentSourcedIds', `The guardian ${p.record.lastName} ${p.record.firstName} has no pupil (agentSourcedIds, or «ученики» in guardians.csv).`);
    }
  }

  // Curriculum.
  const curriculumIds = new Map<string, { classId: string; subjectId: string; yearId: string }>();
  const ownCurriculum = new Set(state.curriculum.map((c) => c.id));
  for (const c of unique(roster.curriculum, 'The scheduled class')) {
    const cls = classOf(c.classKey, c.at, 'metadata.homeroomSourcedId');
    const subjectId = subjectIds.get(c.subjectKey) ?? state.keys.get(`${SourcedKind.COURSE}|${c.subjectKey}`) ?? (ownSubjects.has(c.subjectKey) ? c.subjectKey : undefined);
    if (!subjectId) problem(c.at, 'courseSourcedId', `Unknown course "${c.subjectKey.replace(/^subject:/, '').slice(0, 60)}".`);
    if (!cls || !subjectId) continue;
    if ([...curriculumIds.values()].some((v) => v.classId === cls.id && v.subjectId === subjectId)) {
      problem(c.at, 'courseSourcedId', 'The class has this subject twice in its curriculum.'); continue;
    }
    const m = match(SourcedKind.CURRICULUM_ITEM, c.key, ownCurriculum, () => state.curriculum.find((e) => e.classId === cls.id && e.subjectId === subjectId)?.id);
    const existing = m && state.curriculum.find((e) => e.id === m.id);
    const outcome: Outcome = !existing ? 'CREATED' : Number(existing.hoursPerWeek) !== Number(c.hoursPerWeek) || existing.component !== c.component ? 'UPDATED' : 'UNCHANGED';
    const id = existing?.id ?? randomUUID();
    curriculumIds.set(c.key, { classId: cls.id, subjectId, yearId: cls.yearId });
    plan.curriculum.push({ record: c, id, classId: cls.id, subjectId, yearId: cls.yearId, outcome });
    remember(SourcedKind.CURRICULUM_ITEM, c.key, id, !!m?.known);
    row(c.at, 'CURRICULUM_ITEM', c.key, outcome);
  }

  // Enrollments: ENROLL orders of the movement book, one class at a time per pupil.
  const placed = new Map<string, Source>();
  for (const e of unique(roster.enrollments, 'The enrollment')) {
    const cls = classOf(e.classKey, e.at, 'classSourcedId');
    const studentId = personOf(e.studentKey, 'STUDENT', e.at, 'userSourcedId', 'student');
    if (!cls || !studentId) continue;
    const first = placed.get(studentId);
    if (first) { problem(e.at, 'classSourcedId', `The pupil is in two classes at once (also at ${first.file}:${first.line}).`); continue; }
    placed.set(studentId, e.at);
    const open = state.openEnrollments.find((o) => o.studentId === studentId);
    if (open && open.classId !== cls.id) {
      const other = state.classes.find((c) => c.id === open.classId);
      problem(e.at, 'classSourcedId', `The pupil is already in ${other ? `${other.grade}${other.letter}` : 'another class'} since ${open.startsOn}; moving a pupil is a TRANSFER_CLASS order of the movement book, not an import.`);
      continue;
    }
    const year = state.years.find((y) => y.id === cls.yearId) ?? plan.years.find((y) => y.id === cls.yearId)?.record;
    const startsOn = e.startsOn ?? (year && year.startsOn > state.today ? year.startsOn : state.today);
    if (year && (startsOn < year.startsOn || startsOn > year.endsOn)) { problem(e.at, 'beginDate', `The enrollment begins on ${startsOn}, outside the class's school year.`); continue; }
    if (open && open.form !== e.form) {
      plan.warnings.push({ file: e.at.file, line: e.at.line, column: null, message: `The pupil's form of education is ${open.form} in the school; it changes by a FAMILY_EDUCATION or ENROLL order of the movement book, not by an import.` });
    }
    const outcome: Outcome = open ? 'UNCHANGED' : 'CREATED';
    const id = open?.id ?? randomUUID();
    plan.enrollments.push({ record: e, id, classId: cls.id, studentId, yearId: cls.yearId, startsOn, outcome });
    remember(SourcedKind.ENROLLMENT, e.key, id, state.keys.has(`${SourcedKind.ENROLLMENT}|${e.key}`));
    row(e.at, 'ENROLLMENT', e.key, outcome);
  }

  // Class teachers and teaching assignments: a teacher of the school.
  const isTeacher = (employeeId: string) => rolesMayLeadClass(rolesOf(employeeId));
  const led = new Set<string>();
  for (const t of roster.classTeachers) {
    const cls = classOf(t.classKey, t.at, 'classSourcedId');
    const employeeId = personOf(t.employeeKey, 'EMPLOYEE', t.at, 'userSourcedId', 'staff member');
    if (!cls || !employeeId) continue;
    if (led.has(cls.id)) { problem(t.at, 'primary', 'The class has two class teachers.'); continue; }
    led.add(cls.id);
    if (!isTeacher(employeeId)) { problem(t.at, 'userSourcedId', 'The class teacher must hold the teacher role.'); continue; }
    const current = state.classes.find((c) => c.id === cls.id)?.classTeacherId ?? null;
    const outcome: Outcome = current === employeeId ? 'UNCHANGED' : current ? 'UPDATED' : 'CREATED';
    plan.classTeachers.push({ classId: cls.id, employeeId, outcome, at: t.at, classKey: t.classKey });
    row(t.at, 'CLASS_TEACHER', t.classKey, outcome);
  }
  const ownAssignments = new Set(state.assignments.map((a) => a.id));
  for (const a of unique(roster.assignments, 'The teacher enrollment')) {
    const item = curriculumIds.get(a.curriculumKey) ?? (() => {
      const id = state.keys.get(`${SourcedKind.CURRICULUM_ITEM}|${a.curriculumKey}`) ?? (ownCurriculum.has(a.curriculumKey) ? a.curriculumKey : undefined);
      const e = id ? state.curriculum.find((c) => c.id === id) : undefined;
      return e ? { classId: e.classId, subjectId: e.subjectId, yearId: state.classes.find((c) => c.id === e.classId)!.yearId } : undefined;
    })();
    const teacherId = personOf(a.employeeKey, 'EMPLOYEE', a.at, 'userSourcedId', 'staff member');
    if (!item) problem(a.at, 'classSourcedId', `Unknown scheduled class "${a.curriculumKey.slice(0, 60)}".`);
    if (!item || !teacherId) continue;
    if (!isTeacher(teacherId)) { problem(a.at, 'userSourcedId', 'A teaching assignment is for a teacher.'); continue; }
    const m = match(SourcedKind.TEACHING_ASSIGNMENT, a.key, ownAssignments, () => state.assignments.find((e) => e.teacherId === teacherId && e.classId === item.classId && e.subjectId === item.subjectId)?.id);
    const existing = m && state.assignments.find((e) => e.id === m.id);
    const id = existing?.id ?? randomUUID();
    const outcome: Outcome = existing ? (existing.teacherId === teacherId ? 'UNCHANGED' : 'UPDATED') : 'CREATED';
    plan.assignments.push({ record: a, id, teacherId, ...item, outcome });
    remember(SourcedKind.TEACHING_ASSIGNMENT, a.key, id, !!m?.known);
    row(a.at, 'TEACHING_ASSIGNMENT', a.key, outcome);
  }
  return plan;
}
