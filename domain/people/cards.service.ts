import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import {
  Employee, Gender, Guardian, Guardianship, IdentityDocumentKind, PersonCardKind, PersonalDataConsent, School, Student, User
} from '../../entities';
import { isIsoDate } from '../../schema/scalars';
import { localDate } from '../../lib/clock';
import { isGuardianOfLedClass } from '../../permissions/account-reach';
import { holdsIn, isStaffOf } from '../../permissions/registry';
import { AccessScope } from '../../permissions/scope';
import { audit } from '../audit';
import { badInput, forbidden, notFound } from '../../lib/errors';
import { checkConsentGiver, fieldsNeedingConsent, requireConsent } from './personal-data-consent';
import type { RequestScope } from '../request-scope';
import { writeTransaction } from '../write';
import type { Viewer } from '../../permissions/viewer';

// Personal cards (004 §6): students and guardians (the secretary creates and links them,
// the class teacher maintains their own class's), employees (HR and the secretary), the
// consents to processing (004 §6.1) and the log of every staff read (004 §3.1).

/** A card field edit: undefined leaves it, null (or "") clears it. */
type Patch<T> = T | null | undefined;

export interface PersonNames { lastName?: Patch<string>; firstName?: Patch<string>; middleName?: Patch<string> }
export interface StudentFields extends PersonNames {
  birthDate?: Patch<string>; gender?: Patch<Gender>; address?: Patch<string>; phone?: Patch<string>; email?: Patch<string>;
  identityDocumentKind?: Patch<IdentityDocumentKind>; identityDocumentNumber?: Patch<string>; snils?: Patch<string>;
}
export interface GuardianFields extends PersonNames { phone?: Patch<string>; email?: Patch<string>; address?: Patch<string> }
export interface EmployeeFields extends PersonNames {
  position?: Patch<string>; phone?: Patch<string>; email?: Patch<string>; hiredOn?: Patch<string>; dismissedOn?: Patch<string>;
}
/** A signed consent to personal-data processing (004 §6.1), as recorded. */
export interface ConsentGiven { givenByName: string; givenByRelation?: string | null; givenOn: string; document?: string | null }
export interface ConsentCommand extends ConsentGiven {
  studentId?: string | null; guardianId?: string | null; employeeId?: string | null;
}

/** A consent's validated text (input shape; its dates are judged against the school's today later). */
function checkConsentText(c: ConsentGiven): { givenByName: string; givenByRelation?: string; givenOn: string; document?: string } {
  const givenByName = text(c.givenByName, 'givenByName', 300, true)!;
  const givenByRelation = text(c.givenByRelation, 'givenByRelation', 60) ?? undefined;
  const document = text(c.document, 'document', 300) ?? undefined;
  if (!isIsoDate(c.givenOn)) throw badInput('givenOn', '"givenOn" must be a date (YYYY-MM-DD).');
  return { givenByName, givenByRelation, givenOn: c.givenOn, document };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{5,40}$/;

/** СНИЛС: 11 digits whose last two are the checksum of the first nine. Dashes and spaces are dropped. */
export function normalizeSnils(value: string): string | null {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{11}$/.test(digits)) return null;
  const sum = [...digits.slice(0, 9)].reduce((acc, d, i) => acc + Number(d) * (9 - i), 0);
  const control = sum < 100 ? sum : sum === 100 || sum === 101 ? 0 : sum % 101 === 100 ? 0 : sum % 101;
  return control === Number(digits.slice(9)) ? digits : null;
}

function text(value: Patch<string>, field: string, max: number, required = false): Patch<string> {
  if (value === undefined) return undefined;
  const t = (value ?? '').trim();
  if (!t) {
    if (required) throw badInput(field, `"${field}" must not be empty.`);
    return null;
  }
  if (t.length > max) throw badInput(field, `"${field}" is longer than ${max} characters.`);
  return t;
}

function date(value: Patch<string>, field: string): Patch<string> {
  if (value === undefined || value === null || value === '') return value === '' ? null : value;
  if (!isIsoDate(value)) throw badInput(field, `"${field}" must be a date (YYYY-MM-DD).`);
  return value;
}

function pattern(value: Patch<string>, field: string, max: number, re: RegExp, what: string): Patch<string> {
  const t = text(value, field, max);
  if (t && !re.test(t)) throw badInput(field, `"${field}" is not ${what}.`);
  return t;
}

/** Validated card edits; `creating` makes the names required. */
function checkNames(f: PersonNames, creating: boolean) {
  return {
    lastName: text(f.lastName ?? (creating ? null : undefined), 'lastName', 100, true),
    firstName: text(f.firstName ?? (creating ? null : undefined), 'firstName', 100, true),
    middleName: text(f.middleName, 'middleName', 100),
  };
}

function checkStudent(f: StudentFields, creating: boolean, today: string) {
  const birthDate = date(f.birthDate, 'birthDate');
  if (birthDate && birthDate > today) throw badInput('birthDate', '"birthDate" is in the future.');
  let snils = f.snils === undefined ? undefined : text(f.snils, 'snils', 20);
  if (snils) {
    const normalized = normalizeSnils(snils);
    if (!normalized) throw badInput('snils', '"snils" is not a valid СНИЛС (11 digits with a matching checksum).');
    snils = normalized;
  }
  return {
    ...checkNames(f, creating), birthDate, snils,
    gender: f.gender, identityDocumentKind: f.identityDocumentKind,
    address: text(f.address, 'address', 500),
    phone: pattern(f.phone, 'phone', 40, PHONE, 'a phone number'),
    email: pattern(f.email, 'email', 254, EMAIL, 'an e-mail address'),
    identityDocumentNumber: text(f.identityDocumentNumber, 'identityDocumentNumber', 60),
  };
}

function checkGuardian(f: GuardianFields, creating: boolean) {
  return {
    ...checkNames(f, creating),
    address: text(f.address, 'address', 500),
    phone: pattern(f.phone, 'phone', 40, PHONE, 'a phone number'),
    email: pattern(f.email, 'email', 254, EMAIL, 'an e-mail address'),
  };
}

function checkEmployee(f: EmployeeFields, creating: boolean) {
  const hiredOn = date(f.hiredOn, 'hiredOn');
  const dismissedOn = date(f.dismissedOn, 'dismissedOn');
  if (hiredOn && dismissedOn && dismissedOn < hiredOn) throw badInput('dismissedOn', '"dismissedOn" is before "hiredOn".');
  return {
    ...checkNames(f, creating), hiredOn, dismissedOn,
    position: text(f.position, 'position', 200),
    phone: pattern(f.phone, 'phone', 40, PHONE, 'a phone number'),
    email: pattern(f.email, 'email', 254, EMAIL, 'an e-mail address'),
  };
}

/** Applies validated edits to a card and answers what changed (before and after, for the audit entry). */
function applyPatch(card: object, changes: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const row = card as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const next = value ?? undefined;
    if ((row[key] ?? undefined) === next) continue;
    before[key] = row[key] ?? null;
    after[key] = value;
    row[key] = next;
  }
  return { before, after };
}

/** May the viewer read these students' cards: FULL or CARD access (access.ts). TAUGHT sees names only. */
export async function readableStudentCards(access: AccessScope, ids: string[]): Promise<Map<string, 'READ' | 'NAMES' | 'NONE'>> {
  const levels = await access.studentsAccess(ids);
  const out = new Map<string, 'READ' | 'NAMES' | 'NONE'>();
  for (const id of ids) {
    const level = levels.get(id)?.level ?? 'NONE';
    out.set(id, level === 'FULL' || level === 'CARD' ? 'READ' : level === 'TAUGHT' ? 'NAMES' : 'NONE');
  }
  return out;
}

/**
 * Guardians the viewer may read: themself; the school's card keepers and administration all of
 * the school's; and the guardians of a student by `guardianCard.readOthers` on that student (the
 * class teacher — not the other parent, whose card is theirs alone).
 */
export async function readableGuardians(em: EntityManager, access: AccessScope, viewer: Viewer, guardians: Guardian[]): Promise<Set<string>> {
  if (guardians.length === 0) return new Set();
  const links = await em.find(Guardianship, { guardian: { $in: guardians.map((g) => g.id) }, revokedAt: null });
  const students = await access.studentsAccess([...new Set(links.map((l) => l.student.id))]);
  const ok = new Set<string>();
  for (const g of guardians) {
    if (g.id === viewer.guardianId || access.allows('guardianCard.readOthers', { schoolId: g.school.id, ties: new Set() })) ok.add(g.id);
  }
  for (const l of links) {
    const student = students.get(l.student.id);
    if (student && access.allows('guardianCard.readOthers', student)) ok.add(l.guardian.id);
  }
  return ok;
}

/**
 * The personal-data access log (004 §3.1): every staff read of a student's, guardian's or employee's card.
 * Reads are collected per request and written with one INSERT per batch (DataLoader), so a
 * list of cards costs one statement, not one per card. A card read twice in a request is logged once.
 */
export class CardReadLog {
  private readonly loader: DataLoader<{ kind: PersonCardKind; id: string; schoolId: string; what: string }, true, string>;

  constructor(private readonly em: () => EntityManager, private readonly viewer: Viewer, private readonly now: () => Date) {
    this.loader = new DataLoader(async (reads) => {
      await this.em().getConnection().execute(
        `insert into personal_data_access (at, actor_id, school_id, card_kind, card_id, what)
         select ?, ?, r.school_id, r.card_kind::person_card_kind, r.card_id, r.what
           from unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[]) as r(school_id, card_kind, card_id, what)`,
        [this.now(), this.viewer.userId, `{${reads.map((r) => r.schoolId).join(',')}}`,
          `{${reads.map((r) => r.kind).join(',')}}`, `{${reads.map((r) => r.id).join(',')}}`, pgTextArray(reads.map((r) => r.what))],
      );
      return reads.map(() => true as const);
    }, { cacheKeyFn: (r) => `${r.kind}:${r.id}` });
  }

  /** Logs the read when the viewer is staff of the card's school and the card is not their own. */
  async read(kind: PersonCardKind, cards: (Student | Guardian | Employee)[], what: string): Promise<void> {
    const v = this.viewer;
    const logged = cards.filter((c) => isStaffOf(v, c.school.id) && ![v.studentId, v.guardianId, v.employeeId].includes(c.id));
    await Promise.all(logged.map((c) => this.loader.load({ kind, id: c.id, schoolId: c.school.id, what })));
  }
}

function pgTextArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

export class CardsService {
  constructor(private readonly scope: RequestScope) {}

  private get viewer(): Viewer {
    return this.scope.viewer;
  }

  /**
   * A new student card. Its personal fields beyond the name need a consent (004 §6.1): given
   * here with the card (`consent`), or the card is created with the name alone and filled after
   * recordConsent; else CONSENT_REQUIRED and nothing is written.
   */
  async createStudent(schoolId: string, fields: StudentFields, consent?: ConsentGiven | null): Promise<Student> {
    const now = this.scope.clock.now();
    const given = consent ? checkConsentText(consent) : null;
    return this.write(async (em) => {
      const school = await this.keeperSchool(em, schoolId);
      const today = localDate(now, school.timezone);
      const values = checkStudent(fields, true, today);
      if (given) this.checkConsentDate(given.givenOn, today);
      if (given) checkConsentGiver(PersonCardKind.STUDENT, values.birthDate, given.givenOn, given.givenByRelation);
      await requireConsent(em, PersonCardKind.STUDENT, null, fieldsNeedingConsent(PersonCardKind.STUDENT, null, values), values.birthDate, today, !!given);
      const student = em.create(Student, { school, lastName: values.lastName!, firstName: values.firstName! });
      const { after } = applyPatch(student, values);
      this.audit(em, now, schoolId, 'student.create', 'Student', student.id, null, after);
      if (given) this.consentWithCard(em, now, school, { student }, given);
      return student;
    });
  }

  async updateStudent(studentId: string, expectedVersion: number, fields: StudentFields): Promise<Student> {
    const now = this.scope.clock.now();
    return this.write(async (em) => {
      const student = await em.findOne(Student, studentId, { populate: ['school'] });
      if (!student || (await this.studentWriteLevel(em, student)) === 'NONE') throw notFound('Student');
      await em.lock(student, LockMode.OPTIMISTIC, expectedVersion);
      const today = localDate(now, student.school.timezone);
      const values = checkStudent(fields, false, today);
      await requireConsent(em, PersonCardKind.STUDENT, student.id, fieldsNeedingConsent(PersonCardKind.STUDENT, student, values),
        values.birthDate === undefined ? student.birthDate : values.birthDate, today, false);
      const { before, after } = applyPatch(student, values);
      if (Object.keys(after).length > 0) this.audit(em, now, student.school.id, 'student.update', 'Student', student.id, before, after);
      return student;
    });
  }

  /** A new guardian card; its phone, e-mail and address need the guardian's consent (as createStudent). */
  async createGuardian(schoolId: string, fields: GuardianFields, consent?: ConsentGiven | null): Promise<Guardian> {
    const now = this.scope.clock.now();
    const given = consent ? checkConsentText(consent) : null;
    return this.write(async (em) => {
      const school = await this.keeperSchool(em, schoolId);
      const today = localDate(now, school.timezone);
      const values = checkGuardian(fields, true);
      if (given) this.checkConsentDate(given.givenOn, today);
      await requireConsent(em, PersonCardKind.GUARDIAN, null, fieldsNeedingConsent(PersonCardKind.GUARDIAN, null, values), null, today, !!given);
      const guardian = em.create(Guardian, { school, lastName: values.lastName!, firstName: values.firstName! });
      const { after } = applyPatch(guardian, values);
      this.audit(em, now, schoolId, 'guardian.create', 'Guardian', guardian.id, null, after);
      if (given) this.consentWithCard(em, now, school, { guardian }, given);
      return guardian;
    });
  }

  async updateGuardian(guardianId: string, expectedVersion: number, fields: GuardianFields): Promise<Guardian> {
    const now = this.scope.clock.now();
    return this.write(async (em) => {
      const guardian = await em.findOne(Guardian, guardianId);
      if (!guardian || !(await this.mayWriteGuardian(em, guardian))) throw notFound('Guardian');
      await em.lock(guardian, LockMode.OPTIMISTIC, expectedVersion);
      const values = checkGuardian(fields, false);
      await requireConsent(em, PersonCardKind.GUARDIAN, guardian.id, fieldsNeedingConsent(PersonCardKind.GUARDIAN, guardian, values), null, '', false);
      const { before, after } = applyPatch(guardian, values);
      if (Object.keys(after).length > 0) this.audit(em, now, guardian.school.id, 'guardian.update', 'Guardian', guardian.id, before, after);
      return guardian;
    });
  }

  /** Links a guardian to a student of the same school (004 §6.3): the secretary, or the student's class teacher. */
  async linkGuardian(guardianId: string, studentId: string, relation: string | null | undefined): Promise<Guardianship> {
    const now = this.scope.clock.now();
    const rel = text(relation, 'relation', 40) ?? undefined;
    return this.write(async (em) => {
      const student = await em.findOne(Student, studentId);
      const level = student ? await this.studentWriteLevel(em, student) : 'NONE';
      if (!student || level === 'NONE') throw notFound('Student');
      const guardian = await em.findOne(Guardian, { id: guardianId, school: student.school });
      // A class teacher links only a guardian of their own class: one who already stands for a child of it.
      // Anyone else's guardian would become theirs to issue credentials to (permissions/account-reach.ts).
      if (!guardian || (level === 'CLASS'
          && !(await isGuardianOfLedClass(em, this.viewer, this.scope.clock, guardian.id, student.school.id)))) throw notFound('Guardian');
      if (await em.count(Guardianship, { guardian, student, revokedAt: null })) {
        throw badInput('guardianId', 'The guardian is already linked to this student.');
      }
      const link = em.create(Guardianship, { guardian, student, relation: rel, createdAt: now });
      this.audit(em, now, student.school.id, 'guardianship.create', 'Guardianship', link.id, null,
        { guardianId: guardian.id, studentId: student.id, relation: rel ?? null });
      return link;
    });
  }

  /** Ends a guardianship: the guardian's access (diary, live stream) ends with the commit. */
  async revokeGuardianship(guardianshipId: string): Promise<Guardianship> {
    const now = this.scope.clock.now();
    return this.write(async (em) => {
      const link = await em.findOne(Guardianship, guardianshipId, { populate: ['student'], lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!link || (await this.studentWriteLevel(em, link.student)) === 'NONE') throw notFound('Guardianship');
      if (link.revokedAt) throw badInput('guardianshipId', 'The guardianship is already revoked.');
      link.revokedAt = now;
      this.audit(em, now, link.student.school.id, 'guardianship.revoke', 'Guardianship', link.id, { revokedAt: null }, { revokedAt: now });
      return link;
    });
  }

  /** A new employee card; the phone and e-mail need the employee's consent (position and dates do not). */
  async createEmployee(schoolId: string, fields: EmployeeFields, consent?: ConsentGiven | null): Promise<Employee> {
    const now = this.scope.clock.now();
    const given = consent ? checkConsentText(consent) : null;
    return this.write(async (em) => {
      if (!holdsIn(this.viewer, 'employeeCard.write', schoolId)) throw notFound('School');
      const values = checkEmployee(fields, true);
      const school = await em.findOneOrFail(School, schoolId);
      const today = localDate(now, school.timezone);
      if (given) this.checkConsentDate(given.givenOn, today);
      await requireConsent(em, PersonCardKind.EMPLOYEE, null, fieldsNeedingConsent(PersonCardKind.EMPLOYEE, null, values), null, today, !!given);
      const employee = em.create(Employee, { school, lastName: values.lastName!, firstName: values.firstName! });
      const { after } = applyPatch(employee, values);
      this.audit(em, now, schoolId, 'employee.create', 'Employee', employee.id, null, after);
      if (given) this.consentWithCard(em, now, school, { employee }, given);
      return employee;
    });
  }

  async updateEmployee(employeeId: string, expectedVersion: number, fields: EmployeeFields): Promise<Employee> {
    const now = this.scope.clock.now();
    return this.write(async (em) => {
      const employee = await em.findOne(Employee, employeeId);
      if (!employee) throw notFound('Employee');
      if (!holdsIn(this.viewer, 'employeeCard.write', employee.school.id)) {
        // Members of the school know the employee exists (names are public there): FORBIDDEN; others: NOT_FOUND.
        if (await this.scope.access.isMemberOf(employee.school.id)) throw forbidden('Employee cards are kept by HR and the secretary.');
        throw notFound('Employee');
      }
      await em.lock(employee, LockMode.OPTIMISTIC, expectedVersion);
      const values = checkEmployee(fields, false);
      await requireConsent(em, PersonCardKind.EMPLOYEE, employee.id, fieldsNeedingConsent(PersonCardKind.EMPLOYEE, employee, values), null, '', false);
      const { before, after } = applyPatch(employee, values);
      const hired = employee.hiredOn;
      if (hired && employee.dismissedOn && employee.dismissedOn < hired) throw badInput('dismissedOn', '"dismissedOn" is before "hiredOn".');
      if (Object.keys(after).length > 0) this.audit(em, now, employee.school.id, 'employee.update', 'Employee', employee.id, before, after);
      return employee;
    });
  }

  /** Records a consent to personal-data processing for one card (004 §6.1) and marks the card as covered. */
  async recordConsent(cmd: ConsentCommand): Promise<PersonalDataConsent> {
    const now = this.scope.clock.now();
    const given = [cmd.studentId, cmd.guardianId, cmd.employeeId].filter(Boolean).length;
    if (given !== 1) throw badInput('studentId', 'Give exactly one of studentId, guardianId and employeeId.');
    const { givenByName, givenByRelation, document } = checkConsentText(cmd);
    return this.write(async (em) => {
      const card = await this.consentCard(em, cmd);
      const school = await em.findOneOrFail(School, card.school.id);
      this.checkConsentDate(cmd.givenOn, localDate(now, school.timezone));
      if (card instanceof Student) checkConsentGiver(PersonCardKind.STUDENT, card.birthDate, cmd.givenOn, givenByRelation);
      const consent = em.create(PersonalDataConsent, {
        school, givenByName, givenByRelation, givenOn: cmd.givenOn, document,
        student: card instanceof Student ? card : undefined, guardian: card instanceof Guardian ? card : undefined,
        employee: card instanceof Employee ? card : undefined,
        recordedBy: em.getReference(User, this.viewer.userId), createdAt: now,
      });
      await em.flush();
      await syncConsentMark(em, card);
      this.audit(em, now, school.id, 'consent.record', 'PersonalDataConsent', consent.id, null,
        { card: { kind: card.constructor.name, id: card.id }, givenByName, givenByRelation: givenByRelation ?? null, givenOn: cmd.givenOn, document: document ?? null });
      return consent;
    });
  }

  async withdrawConsent(consentId: string, withdrawnOn: string): Promise<PersonalDataConsent> {
    const now = this.scope.clock.now();
    if (!isIsoDate(withdrawnOn)) throw badInput('withdrawnOn', '"withdrawnOn" must be a date (YYYY-MM-DD).');
    return this.write(async (em) => {
      const consent = await em.findOne(PersonalDataConsent, consentId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!consent) throw notFound('Consent');
      const card = await this.consentCard(em, {
        studentId: consent.student?.id, guardianId: consent.guardian?.id, employeeId: consent.employee?.id,
      }, 'Consent');
      if (consent.withdrawnOn) throw badInput('consentId', 'The consent is already withdrawn.');
      if (withdrawnOn < consent.givenOn) throw badInput('withdrawnOn', '"withdrawnOn" is before the consent was given.');
      const school = await em.findOneOrFail(School, consent.school.id);
      if (withdrawnOn > localDate(now, school.timezone)) throw badInput('withdrawnOn', '"withdrawnOn" is in the future.');
      consent.withdrawnOn = withdrawnOn;
      await em.flush();
      await syncConsentMark(em, card);
      this.audit(em, now, school.id, 'consent.withdraw', 'PersonalDataConsent', consent.id, { withdrawnOn: null }, { withdrawnOn });
      return consent;
    });
  }

  private checkConsentDate(givenOn: string, today: string): void {
    if (givenOn > today) throw badInput('givenOn', '"givenOn" is in the future.');
  }

  /** The consent given with a new card: recorded in the same transaction, the card marked as covered. */
  private consentWithCard(
    em: EntityManager, now: Date, school: School, card: { student?: Student; guardian?: Guardian; employee?: Employee },
    given: ReturnType<typeof checkConsentText>,
  ): void {
    const consent = em.create(PersonalDataConsent, {
      school, ...card, ...given, recordedBy: em.getReference(User, this.viewer.userId), createdAt: now,
    });
    const row = (card.student ?? card.guardian ?? card.employee)!;
    row.personalDataConsentAt = now;
    this.audit(em, now, school.id, 'consent.record', 'PersonalDataConsent', consent.id, null, {
      card: { kind: row.constructor.name, id: row.id }, givenByName: given.givenByName, givenByRelation: given.givenByRelation ?? null,
      givenOn: given.givenOn, document: given.document ?? null,
    });
  }

  /** The card a consent is about, if the viewer may write it; else NOT_FOUND. */
  private async consentCard(
    em: EntityManager, ids: { studentId?: string | null; guardianId?: string | null; employeeId?: string | null }, what?: string,
  ): Promise<Student | Guardian | Employee> {
    if (ids.studentId) {
      const s = await em.findOne(Student, ids.studentId);
      if (!s || (await this.studentWriteLevel(em, s)) === 'NONE') throw notFound(what ?? 'Student');
      return s;
    }
    if (ids.guardianId) {
      const g = await em.findOne(Guardian, ids.guardianId);
      if (!g || !(await this.mayWriteGuardian(em, g))) throw notFound(what ?? 'Guardian');
      return g;
    }
    const e = await em.findOne(Employee, ids.employeeId!);
    if (!e || !holdsIn(this.viewer, 'employeeCard.write', e.school.id)) throw notFound(what ?? 'Employee');
    return e;
  }

  /** KEEPER: the school's secretary; CLASS: the student's class teacher; NONE: neither (answered as missing). */
  private async studentWriteLevel(em: EntityManager, student: Student): Promise<'KEEPER' | 'CLASS' | 'NONE'> {
    if (holdsIn(this.viewer, 'studentCard.write', student.school.id)) return 'KEEPER';
    // Judged on the transaction's own connection (a second pooled one could deadlock the pool).
    const access = await new AccessScope(em, this.viewer, this.scope.clock).student(student.id);
    return access.ties.has('leadsClass') ? 'CLASS' : 'NONE';
  }

  private async mayWriteGuardian(em: EntityManager, guardian: Guardian): Promise<boolean> {
    if (holdsIn(this.viewer, 'studentCard.write', guardian.school.id)) return true;
    return isGuardianOfLedClass(em, this.viewer, this.scope.clock, guardian.id, guardian.school.id);
  }

  /** The school where the viewer keeps cards (SECRETARY); another school answers as missing. */
  private async keeperSchool(em: EntityManager, schoolId: string): Promise<School> {
    if (!holdsIn(this.viewer, 'studentCard.create', schoolId)) throw notFound('School');
    return em.findOneOrFail(School, schoolId);
  }

  private audit(em: EntityManager, at: Date, schoolId: string, action: string, entityType: string, entityId: string, before: unknown, after: unknown) {
    audit(em, { actorId: this.viewer.userId, schoolId, action, entityType, entityId, before, after, ip: this.scope.ip, at });
  }

  private write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return writeTransaction(this.scope, (unit) => work(unit.em));
  }
}

/**
 * Keeps `personalDataConsentAt` equal to the newest consent in force (null when none). Plain
 * SQL: a consent is not an edit of the card, so it leaves the card's optimistic-lock version alone.
 */
async function syncConsentMark(em: EntityManager, card: Student | Guardian | Employee): Promise<void> {
  const table = card instanceof Student ? 'student' : card instanceof Guardian ? 'guardian' : 'employee';
  const column = `${table}_id`;
  await em.execute(
    `update "${table}" set personal_data_consent_at =
       (select max(c.created_at) from personal_data_consent c where c.${column} = ? and c.withdrawn_on is null)
      where id = ?`,
    [card.id, card.id],
  );
}
