import type { IRules } from 'graphql-shield';
import { Role } from '../entities';
import { hasRole, isAuthenticated } from './rules';

/**
 * The administration's fields (issue 4, people). Role rules here say who may use a field at
 * all; which school, class or card is theirs is decided where the rows are fetched
 * (domain/accounts.service.ts, cards.service.ts, movement-book.ts, audit-log.ts, admin-reports.ts).
 */
const signedIn = isAuthenticated;
const admin = hasRole(Role.ADMIN);
const administration = hasRole(Role.ADMIN, Role.DIRECTOR);
const cardKeepers = hasRole(Role.SECRETARY);
/** The secretary keeps the cards; a class teacher (a TEACHER) maintains their own class's. */
const cardEditors = hasRole(Role.SECRETARY, Role.TEACHER);
const employeeKeepers = hasRole(Role.SECRETARY, Role.HR);
const movementWriters = hasRole(Role.ADMIN, Role.DEPUTY_ACADEMIC, Role.SECRETARY);
const movementReaders = hasRole(Role.ADMIN, Role.DIRECTOR, Role.DEPUTY_ACADEMIC, Role.SECRETARY, Role.TEACHER);
const auditReaders = hasRole(Role.ADMIN, Role.DIRECTOR, Role.DEPUTY_ACADEMIC);
const fillAndMovementReports = hasRole(Role.ADMIN, Role.DIRECTOR, Role.DEPUTY_ACADEMIC, Role.SECRETARY);
const activityReports = hasRole(Role.ADMIN, Role.DIRECTOR, Role.DEPUTY_ACADEMIC, Role.HR);
const coordinators = hasRole(Role.MUNICIPAL_COORDINATOR, Role.REGIONAL_COORDINATOR);

export const PEOPLE_QUERY_RULES = {
  accounts: administration,
  studentCard: signedIn,
  studentCards: signedIn,
  guardianCard: signedIn,
  employeeCards: hasRole(Role.ADMIN, Role.DIRECTOR, Role.DEPUTY_ACADEMIC, Role.DEPUTY_PASTORAL, Role.SECRETARY, Role.HR),
  movementOrders: movementReaders,
  studentMovementHistory: movementReaders,
  auditLog: auditReaders,
  classFillReport: fillAndMovementReports,
  movementSummaryReport: fillAndMovementReports,
  userActivityReport: activityReports,
  classFillBySchoolReport: coordinators,
  movementSummaryBySchoolReport: coordinators,
  userActivityBySchoolReport: coordinators,
};

export const PEOPLE_MUTATION_RULES = {
  createAccount: admin,
  grantRole: admin,
  revokeRole: admin,
  lockAccount: admin,
  unlockAccount: admin,
  resetPassword: admin,
  issueCredentials: hasRole(Role.ADMIN, Role.TEACHER),
  createStudent: cardKeepers,
  updateStudentCard: cardEditors,
  createGuardian: cardKeepers,
  updateGuardianCard: cardEditors,
  linkGuardian: cardEditors,
  revokeGuardianship: cardEditors,
  createEmployee: employeeKeepers,
  updateEmployeeCard: employeeKeepers,
  recordConsent: hasRole(Role.SECRETARY, Role.TEACHER, Role.HR),
  withdrawConsent: hasRole(Role.SECRETARY, Role.TEACHER, Role.HR),
  createMovementOrder: movementWriters,
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
  },
  MovementOrder: {
    id: signedIn, number: signedIn, orderDate: signedIn, effectiveOn: signedIn, type: signedIn, student: signedIn,
    fromClass: signedIn, toClass: signedIn, basis: signedIn, createdAt: signedIn,
  },
  // Reached only through auditLog (auditReaders, school-scoped in domain/audit-log.ts).
  AuditEntry: {
    at: signedIn, action: signedIn, entityType: signedIn, entityId: signedIn, actor: signedIn, before: signedIn, after: signedIn, ip: signedIn,
  },
  AccountConnection: { edges: signedIn, pageInfo: signedIn, totalCount: signedIn },
  AccountEdge: { cursor: signedIn, node: signedIn },
  MovementOrderConnection: { edges: signedIn, pageInfo: signedIn, totalCount: signedIn },
  MovementOrderEdge: { cursor: signedIn, node: signedIn },
  AuditEntryConnection: { edges: signedIn, pageInfo: signedIn, totalCount: signedIn },
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
