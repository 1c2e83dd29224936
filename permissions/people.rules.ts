import type { IRules } from 'graphql-shield';
import { can, isAuthenticated } from './rules';

/**
 * The administration's fields (issue 4, people). Role rules here say who may use a field at
 * all; which school, class or card is theirs is decided where the rows are fetched
 * (domain/people/accounts.service.ts, cards.service.ts, movement-book.ts, audit-log.ts, admin-reports.ts).
 */
const signedIn = isAuthenticated;

export const PEOPLE_QUERY_RULES = {
  accounts: can('account.read'),
  studentCard: signedIn,
  studentCards: signedIn,
  guardianCard: signedIn,
  employeeCards: can('employeeCard.read'),
  movementOrders: can('movement.read'),
  studentMovementHistory: can('movement.read'),
  auditLog: can('audit.readJournal'),
  personalDataLog: can('personalDataLog.read'),
  cardsLackingConsent: can('consentReport.students', 'consentReport.employees'),
  classFillReport: can('report.fillAndMovement'),
  movementSummaryReport: can('report.fillAndMovement'),
  userActivityReport: can('report.activity'),
  classFillBySchoolReport: can('report.bySchool'),
  movementSummaryBySchoolReport: can('report.bySchool'),
  userActivityBySchoolReport: can('report.bySchool'),
};

export const PEOPLE_MUTATION_RULES = {
  createAccount: can('account.manage'),
  grantRole: can('account.manage'),
  revokeRole: can('account.manage'),
  lockAccount: can('account.manage'),
  unlockAccount: can('account.manage'),
  resetPassword: can('account.manage'),
  issueCredentials: can('account.issueCredentials'),
  createStudent: can('studentCard.create'),
  updateStudentCard: can('studentCard.write'),
  createGuardian: can('studentCard.create'),
  updateGuardianCard: can('studentCard.write'),
  linkGuardian: can('studentCard.write'),
  revokeGuardianship: can('studentCard.write'),
  createEmployee: can('employeeCard.write'),
  updateEmployeeCard: can('employeeCard.write'),
  recordConsent: can('consent.write', 'employeeCard.write'),
  withdrawConsent: can('consent.write', 'employeeCard.write'),
  createMovementOrder: can('movement.write'),
};

/** Object types: reached only through the queries and mutations above, which scope their rows. */
export const PEOPLE_TYPE_RULES = {
  Account: {
    id: signedIn, login: signedIn, mustChangePassword: signedIn, locked: signedIn, lockedAt: signedIn, lockedReason: signedIn,
    lastLoginAt: signedIn, createdAt: signedIn, version: signedIn, roles: signedIn,
  },
  AccountRole: { role: signedIn, school: signedIn, grantedAt: signedIn },
  IssuedCredentials: { account: signedIn, login: signedIn, startingPassword: signedIn },
  PersonalDataConsent: {
    id: signedIn, givenByName: signedIn, givenByRelation: signedIn, givenOn: signedIn, document: signedIn, withdrawnOn: signedIn, createdAt: signedIn,
  },
  GuardianCard: {
    id: signedIn, lastName: signedIn, firstName: signedIn, middleName: signedIn, fullName: signedIn, phone: signedIn, email: signedIn,
    address: signedIn, personalDataConsentAt: signedIn, version: signedIn, consents: signedIn,
  },
  Guardianship: { id: signedIn, guardian: signedIn, relation: signedIn, createdAt: signedIn, revokedAt: signedIn },
  StudentCard: {
    id: signedIn, student: signedIn, lastName: signedIn, firstName: signedIn, middleName: signedIn, fullName: signedIn,
    birthDate: signedIn, gender: signedIn, address: signedIn, phone: signedIn, email: signedIn, identityDocumentKind: signedIn,
    identityDocumentNumber: signedIn, snils: signedIn, personalDataConsentAt: signedIn, version: signedIn, guardians: signedIn,
    consents: signedIn,
  },
  EmployeeCard: {
    id: signedIn, lastName: signedIn, firstName: signedIn, middleName: signedIn, fullName: signedIn, position: signedIn,
    phone: signedIn, email: signedIn, hiredOn: signedIn, dismissedOn: signedIn, version: signedIn,
    // Read with the card, by its readers (employeeCards) and writers (createEmployee, updateEmployeeCard).
    personalDataConsentAt: can('employeeCard.read'), consents: can('employeeCard.read'),
  },
  MovementOrder: {
    id: signedIn, number: signedIn, orderDate: signedIn, effectiveOn: signedIn, type: signedIn, student: signedIn,
    fromClass: signedIn, toClass: signedIn, basis: signedIn, createdAt: signedIn,
  },
  // Reached only through auditLog (auditReaders, school-scoped in domain/people/audit-log.queries.ts).
  AuditEntry: {
    at: signedIn, action: signedIn, entityType: signedIn, entityId: signedIn, actor: signedIn, before: signedIn, after: signedIn, ip: signedIn,
  },
  AccountConnection: { edges: signedIn, pageInfo: signedIn, totalCount: signedIn },
  AccountEdge: { cursor: signedIn, node: signedIn },
  MovementOrderConnection: { edges: signedIn, pageInfo: signedIn, totalCount: signedIn },
  MovementOrderEdge: { cursor: signedIn, node: signedIn },
  AuditEntryConnection: { edges: signedIn, pageInfo: signedIn, totalCount: signedIn },
  // Reached only through personalDataLog and cardsLackingConsent (school-scoped in domain/people/personal-data.queries.ts).
  PersonalDataRead: {
    at: signedIn, reader: signedIn, readerName: signedIn, cardKind: signedIn, cardId: signedIn, subjectName: signedIn, what: signedIn,
  },
  PersonalDataReadConnection: { edges: signedIn, pageInfo: signedIn, totalCount: signedIn },
  PersonalDataReadEdge: { cursor: signedIn, node: signedIn },
  CardLackingConsent: { kind: signedIn, cardId: signedIn, fullName: signedIn, holdsPersonalData: signedIn, lastWithdrawnOn: signedIn },
  CardLackingConsentConnection: { edges: signedIn, pageInfo: signedIn, totalCount: signedIn },
  CardLackingConsentEdge: { cursor: signedIn, node: signedIn },
  AuditEntryEdge: { cursor: signedIn, node: signedIn },
  GradeFill: { grade: signedIn, classes: signedIn, students: signedIn, norm: signedIn },
  ClassFill: { classGroup: signedIn, students: signedIn, norm: signedIn, vacancies: signedIn, fillPercent: signedIn },
  ClassFillReport: { date: signedIn, norm: signedIn, students: signedIn, capacity: signedIn, grades: signedIn, classes: signedIn },
  SchoolClassFill: { school: signedIn, date: signedIn, norm: signedIn, students: signedIn, capacity: signedIn, grades: signedIn },
  MovementTypeCount: { type: signedIn, count: signedIn },
  ClassMovement: { classGroup: signedIn, arrivals: signedIn, departures: signedIn },
  MovementSummaryReport: { from: signedIn, to: signedIn, arrivals: signedIn, departures: signedIn, byType: signedIn, classes: signedIn },
  SchoolMovementSummary: { school: signedIn, from: signedIn, to: signedIn, arrivals: signedIn, departures: signedIn, byType: signedIn },
  UserActivity: { user: signedIn, fullName: signedIn, roles: signedIn, logins: signedIn, writes: signedIn, lastLoginAt: signedIn },
  RoleActivity: { role: signedIn, users: signedIn, activeUsers: signedIn, logins: signedIn, writes: signedIn },
  WeekActivity: { weekStart: signedIn, activeUsers: signedIn, logins: signedIn, writes: signedIn },
  UserActivityReport: { from: signedIn, to: signedIn, users: signedIn, roles: signedIn, weeks: signedIn },
  SchoolUserActivity: { school: signedIn, from: signedIn, to: signedIn, roles: signedIn, weeks: signedIn },
} satisfies IRules;
