import { AccountResolver, AccountRoleResolver, AccountsResolver } from './accounts.resolver';
import { AdminReportsResolver } from './admin-reports.resolver';
import { AuditEntryResolver, AuditLogResolver } from './audit-log.resolver';
import {
  CardsResolver, EmployeeCardResolver, GuardianCardResolver, GuardianshipResolver, PersonalDataConsentResolver, StudentCardResolver,
} from './cards.resolver';
import { MovementOrderResolver, MovementResolver } from './movement.resolver';
import { CardLackingConsentResolver, PersonalDataReadResolver, PersonalDataResolver } from './personal-data.resolver';

/** The administration's resolvers (issue 4, people), listed once in resolvers/index.ts. */
export const PEOPLE_RESOLVERS: Function[] = [
  AccountsResolver, AccountResolver, AccountRoleResolver, CardsResolver, StudentCardResolver, GuardianshipResolver,
  GuardianCardResolver, EmployeeCardResolver, PersonalDataConsentResolver, MovementResolver, MovementOrderResolver,
  AuditLogResolver, AuditEntryResolver, AdminReportsResolver, PersonalDataResolver, PersonalDataReadResolver, CardLackingConsentResolver,
];
