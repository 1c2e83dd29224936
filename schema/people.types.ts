import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLScalarType } from 'graphql';
import { JSONResolver } from 'graphql-scalars';
import { Gender, IdentityDocumentKind, MovementOrderType, Role } from '../entities';
import { ConnectionType } from './connection';
import { NodeInterface } from './node';
import { DateScalar } from './scalars';
import { SchoolType } from './school.types';
import { ClassGroupType, StudentType, UserType } from './types';

// The administration's types (issue 4, people): accounts, personal cards, the movement
// book, the audit log and the reports on them. Roots are entities unless said otherwise.

/** graphql-scalars' JSON without its @specifiedBy, which introspection does not carry (role schemas are compared with it). */
const JsonScalar = new GraphQLScalarType({ ...JSONResolver.toConfig(), specifiedByURL: undefined });

registerEnumType(MovementOrderType, { name: 'MovementOrderType', description: 'Orders of the movement book (004 §10).' });
registerEnumType(Gender, { name: 'Gender' });
registerEnumType(IdentityDocumentKind, { name: 'IdentityDocumentKind' });

@ObjectType('AccountRole', { description: 'A role an account holds, in its school.' })
export class AccountRoleType {
  @Field(() => Role) role!: Role;
  @Field(() => SchoolType, { nullable: true }) school?: SchoolType | null;
  @Field(() => Date) grantedAt!: Date;
}

@ObjectType('Account', { description: 'A user account as its administrator sees it. `id` is the User id.' })
export class AccountType {
  @Field(() => ID) id!: string;
  @Field() login!: string;
  @Field({ description: 'A starting password: everything but changePassword answers PASSWORD_CHANGE_REQUIRED.' }) mustChangePassword!: boolean;
  @Field() locked!: boolean;
  @Field(() => Date, { nullable: true }) lockedAt?: Date | null;
  @Field(() => String, { nullable: true }) lockedReason?: string | null;
  @Field(() => Date, { nullable: true }) lastLoginAt?: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Int, { description: 'Send it back as `expectedVersion`: CONFLICT when the account changed meanwhile.' }) version!: number;
  @Field(() => [AccountRoleType], { description: 'Its roles in the schools the viewer administers.' }) roles!: AccountRoleType[];
}

@ObjectType('IssuedCredentials', { description: 'Shown once: the starting password is not stored in clear and cannot be read again.' })
export class IssuedCredentialsType {
  @Field(() => AccountType) account!: AccountType;
  @Field() login!: string;
  @Field({ description: 'Must be changed at the first login.' }) startingPassword!: string;
}

@ObjectType('PersonalDataConsent', { description: 'A recorded consent to personal-data processing (004 §6.1).' })
export class PersonalDataConsentType {
  @Field(() => ID) id!: string;
  @Field() givenByName!: string;
  @Field(() => String, { nullable: true }) givenByRelation?: string | null;
  @Field(() => DateScalar) givenOn!: string;
  @Field(() => String, { nullable: true }) document?: string | null;
  @Field(() => DateScalar, { nullable: true }) withdrawnOn?: string | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('GuardianCard', { description: 'A parent\'s or legal representative\'s card. `id` is the Guardian id.' })
export class GuardianCardType {
  @Field(() => ID) id!: string;
  @Field() lastName!: string;
  @Field() firstName!: string;
  @Field(() => String, { nullable: true }) middleName?: string | null;
  @Field() fullName!: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => Date, { nullable: true, description: 'Since when a consent is in force; null: none is.' }) personalDataConsentAt?: Date | null;
  @Field(() => Int) version!: number;
  @Field(() => [PersonalDataConsentType]) consents!: PersonalDataConsentType[];
}

@ObjectType('Guardianship')
export class GuardianshipType {
  @Field(() => ID) id!: string;
  @Field(() => GuardianCardType) guardian!: GuardianCardType;
  @Field(() => String, { nullable: true }) relation?: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt?: Date | null;
}

@ObjectType('StudentCard', { description: 'A student\'s personal card. `id` is the Student id; every staff read is logged.' })
export class StudentCardType {
  @Field(() => ID) id!: string;
  @Field(() => StudentType) student!: StudentType;
  @Field() lastName!: string;
  @Field() firstName!: string;
  @Field(() => String, { nullable: true }) middleName?: string | null;
  @Field() fullName!: string;
  @Field(() => DateScalar, { nullable: true }) birthDate?: string | null;
  @Field(() => Gender, { nullable: true }) gender?: Gender | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => IdentityDocumentKind, { nullable: true }) identityDocumentKind?: IdentityDocumentKind | null;
  @Field(() => String, { nullable: true }) identityDocumentNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'СНИЛС, 11 digits.' }) snils?: string | null;
  @Field(() => Date, { nullable: true, description: 'Since when a consent is in force; null: none is.' }) personalDataConsentAt?: Date | null;
  @Field(() => Int) version!: number;
  @Field(() => [GuardianshipType], { description: 'Guardianships in force.' }) guardians!: GuardianshipType[];
  @Field(() => [PersonalDataConsentType]) consents!: PersonalDataConsentType[];
}

@ObjectType('EmployeeCard', { description: 'An employee\'s card (004 §4.3, §6.2). `id` is the Employee id.' })
export class EmployeeCardType {
  @Field(() => ID) id!: string;
  @Field() lastName!: string;
  @Field() firstName!: string;
  @Field(() => String, { nullable: true }) middleName?: string | null;
  @Field() fullName!: string;
  @Field(() => String, { nullable: true }) position?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => DateScalar, { nullable: true }) hiredOn?: string | null;
  @Field(() => DateScalar, { nullable: true }) dismissedOn?: string | null;
  @Field(() => Date, { nullable: true, description: 'Since when a consent is in force; null: none is.' }) personalDataConsentAt?: Date | null;
  @Field(() => Int) version!: number;
  @Field(() => [PersonalDataConsentType]) consents!: PersonalDataConsentType[];
}

@ObjectType('MovementOrder', { implements: NodeInterface, description: 'One order of the movement book; enrollments follow from the orders.' })
export class MovementOrderGqlType extends NodeInterface {
  @Field() number!: string;
  @Field(() => DateScalar) orderDate!: string;
  @Field(() => DateScalar, { description: 'The first day the change applies; the old enrollment ends the day before.' }) effectiveOn!: string;
  @Field(() => MovementOrderType) type!: MovementOrderType;
  @Field(() => StudentType) student!: StudentType;
  @Field(() => ClassGroupType, { nullable: true }) fromClass?: ClassGroupType | null;
  @Field(() => ClassGroupType, { nullable: true }) toClass?: ClassGroupType | null;
  @Field(() => String, { nullable: true }) basis?: string | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('AuditEntry', { description: 'Who changed what, before and after, when and from where.' })
export class AuditEntryType {
  @Field(() => Date) at!: Date;
  @Field({ description: '"mark.record", "account.lock", "auth.login", …' }) action!: string;
  @Field() entityType!: string;
  @Field(() => ID, { nullable: true, description: 'The global id of what changed, when it has one.' }) entityId?: string | null;
  @Field(() => UserType, { nullable: true }) actor?: UserType | null;
  @Field(() => JsonScalar, { nullable: true }) before?: unknown;
  @Field(() => JsonScalar, { nullable: true }) after?: unknown;
  @Field(() => String, { nullable: true }) ip?: string | null;
}

export const { Connection: AccountConnection, Edge: AccountEdge } = ConnectionType('Account', AccountType);
export const { Connection: MovementOrderConnection, Edge: MovementOrderEdge } = ConnectionType('MovementOrder', MovementOrderGqlType);
export const { Connection: AuditEntryConnection, Edge: AuditEntryEdge } = ConnectionType('AuditEntry', AuditEntryType);

// ------------------------------------------------------------------ reports (plain objects)

@ObjectType('GradeFill')
export class GradeFillType {
  @Field(() => Int) grade!: number;
  @Field(() => Int) classes!: number;
  @Field(() => Int) students!: number;
  @Field(() => Int, { description: 'classes × the norm.' }) norm!: number;
}

@ObjectType('ClassFill')
export class ClassFillType {
  @Field(() => ClassGroupType) classGroup!: ClassGroupType;
  @Field(() => Int) students!: number;
  @Field(() => Int) norm!: number;
  @Field(() => Int, { description: 'norm − students (negative: over the norm).' }) vacancies!: number;
  @Field(() => Float, { description: 'students / norm × 100.' }) fillPercent!: number;
}

@ObjectType('ClassFillReport', { description: 'Students per class on a date against the class-size norm.' })
export class ClassFillReportType {
  @Field(() => DateScalar) date!: string;
  @Field(() => Int) norm!: number;
  @Field(() => Int) students!: number;
  @Field(() => Int) capacity!: number;
  @Field(() => [GradeFillType]) grades!: GradeFillType[];
  @Field(() => [ClassFillType]) classes!: ClassFillType[];
}

@ObjectType('SchoolClassFill', { description: 'A school\'s class fill by grade, for coordinators: no classes, no names.' })
export class SchoolClassFillType {
  @Field(() => SchoolType) school!: SchoolType;
  @Field(() => DateScalar) date!: string;
  @Field(() => Int) norm!: number;
  @Field(() => Int) students!: number;
  @Field(() => Int) capacity!: number;
  @Field(() => [GradeFillType]) grades!: GradeFillType[];
}

@ObjectType('MovementTypeCount')
export class MovementTypeCountType {
  @Field(() => MovementOrderType) type!: MovementOrderType;
  @Field(() => Int) count!: number;
}

@ObjectType('ClassMovement')
export class ClassMovementType {
  @Field(() => ClassGroupType) classGroup!: ClassGroupType;
  @Field(() => Int, { description: 'Orders effective in the span with this class as `toClass`.' }) arrivals!: number;
  @Field(() => Int, { description: 'Orders effective in the span taking a student out of this class.' }) departures!: number;
}

@ObjectType('MovementSummaryReport', { description: 'Orders taking effect in [from, to]: by type, and arrivals/departures per class.' })
export class MovementSummaryReportType {
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => Int, { description: 'Students who joined the school (ENROLL).' }) arrivals!: number;
  @Field(() => Int, { description: 'Students who left it (WITHDRAW, GRADUATE, FAMILY_EDUCATION).' }) departures!: number;
  @Field(() => [MovementTypeCountType]) byType!: MovementTypeCountType[];
  @Field(() => [ClassMovementType]) classes!: ClassMovementType[];
}

@ObjectType('SchoolMovementSummary', { description: 'A school\'s movement counts, for coordinators.' })
export class SchoolMovementSummaryType {
  @Field(() => SchoolType) school!: SchoolType;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => Int) arrivals!: number;
  @Field(() => Int) departures!: number;
  @Field(() => [MovementTypeCountType]) byType!: MovementTypeCountType[];
}

@ObjectType('UserActivity')
export class UserActivityType {
  @Field(() => UserType) user!: UserType;
  @Field(() => String, { nullable: true, description: 'The name on the account\'s card.' }) fullName?: string | null;
  @Field(() => [Role], { description: 'Its roles in the school.' }) roles!: Role[];
  @Field(() => Int) logins!: number;
  @Field(() => Int) writes!: number;
  @Field(() => Date, { nullable: true }) lastLoginAt?: Date | null;
}

@ObjectType('RoleActivity')
export class RoleActivityType {
  @Field(() => Role) role!: Role;
  @Field(() => Int, { description: 'Accounts holding the role.' }) users!: number;
  @Field(() => Int, { description: 'Of them, with a login or a write in the span.' }) activeUsers!: number;
  @Field(() => Int) logins!: number;
  @Field(() => Int) writes!: number;
}

@ObjectType('WeekActivity')
export class WeekActivityType {
  @Field(() => DateScalar, { description: 'The Monday of the week.' }) weekStart!: string;
  @Field(() => Int) activeUsers!: number;
  @Field(() => Int) logins!: number;
  @Field(() => Int) writes!: number;
}

@ObjectType('UserActivityReport', { description: 'Logins and writes of the school\'s accounts in [from, to] (002/003).' })
export class UserActivityReportType {
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => [UserActivityType]) users!: UserActivityType[];
  @Field(() => [RoleActivityType]) roles!: RoleActivityType[];
  @Field(() => [WeekActivityType]) weeks!: WeekActivityType[];
}

@ObjectType('SchoolUserActivity', { description: 'A school\'s activity by role and week, for coordinators: no accounts, no names.' })
export class SchoolUserActivityType {
  @Field(() => SchoolType) school!: SchoolType;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => [RoleActivityType]) roles!: RoleActivityType[];
  @Field(() => [WeekActivityType]) weeks!: WeekActivityType[];
}
