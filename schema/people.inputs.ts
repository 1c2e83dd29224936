import { Field, ID, InputType, Int } from 'type-graphql';
import { Gender, IdentityDocumentKind, MovementOrderType, Role } from '../entities';
import { ConsentGivenInput } from './personal-data.types';
import { DateScalar } from './scalars';

// Inputs of the administration's mutations. `schoolId` may be left out by someone who holds
// the needed role in one school only. On card edits a field left out stays, null clears it.

@InputType()
export class CreateAccountInput {
  @Field(() => ID, { nullable: true }) schoolId?: string | null;
  @Field() login!: string;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => ID, { nullable: true, description: 'The card the account belongs to (at most one of the three).' }) employeeId?: string | null;
  @Field(() => ID, { nullable: true }) studentId?: string | null;
  @Field(() => ID, { nullable: true }) guardianId?: string | null;
}

@InputType()
export class RoleGrantInput {
  @Field(() => ID) userId!: string;
  @Field(() => Role) role!: Role;
  @Field(() => ID, { nullable: true }) schoolId?: string | null;
}

@InputType()
export class AccountVersionInput {
  @Field(() => ID) userId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => ID, { nullable: true }) schoolId?: string | null;
}

@InputType()
export class LockAccountInput extends AccountVersionInput {
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType()
export class IssueCredentialsInput {
  @Field(() => ID, { nullable: true, description: 'A student of the class teacher\'s class (exactly one of studentId, guardianId).' })
  studentId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A guardian of a student of the class.' }) guardianId?: string | null;
  @Field(() => String, { nullable: true, description: 'For a new account; made from the name when left out.' }) login?: string | null;
}

@InputType()
export class StudentCardFields {
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) middleName?: string | null;
  @Field(() => DateScalar, { nullable: true }) birthDate?: string | null;
  @Field(() => Gender, { nullable: true }) gender?: Gender | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => IdentityDocumentKind, { nullable: true }) identityDocumentKind?: IdentityDocumentKind | null;
  @Field(() => String, { nullable: true }) identityDocumentNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'СНИЛС; dashes and spaces are dropped, the checksum is checked.' }) snils?: string | null;
}

@InputType()
export class CreateStudentInput extends StudentCardFields {
  @Field(() => ID, { nullable: true }) schoolId?: string | null;
  @Field(() => ConsentGivenInput, {
    nullable: true,
    description: 'The consent to personal-data processing, recorded with the card: needed when any field beyond the name is given (004 §6.1; else CONSENT_REQUIRED).',
  }) consent?: ConsentGivenInput | null;
}

@InputType()
export class UpdateStudentCardInput extends StudentCardFields {
  @Field(() => ID) studentId!: string;
  @Field(() => Int) expectedVersion!: number;
}

@InputType()
export class GuardianCardFields {
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) middleName?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
}

@InputType()
export class CreateGuardianInput extends GuardianCardFields {
  @Field(() => ID, { nullable: true }) schoolId?: string | null;
  @Field(() => ConsentGivenInput, {
    nullable: true,
    description: 'The consent to personal-data processing, recorded with the card: needed when any field beyond the name is given (004 §6.1; else CONSENT_REQUIRED).',
  }) consent?: ConsentGivenInput | null;
}

@InputType()
export class UpdateGuardianCardInput extends GuardianCardFields {
  @Field(() => ID) guardianId!: string;
  @Field(() => Int) expectedVersion!: number;
}

@InputType()
export class LinkGuardianInput {
  @Field(() => ID) guardianId!: string;
  @Field(() => ID) studentId!: string;
  @Field(() => String, { nullable: true, description: '"мать", "отец", "опекун", …' }) relation?: string | null;
}

@InputType()
export class RevokeGuardianshipInput {
  @Field(() => ID) guardianshipId!: string;
}

@InputType()
export class EmployeeCardFields {
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) middleName?: string | null;
  @Field(() => String, { nullable: true }) position?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => DateScalar, { nullable: true }) hiredOn?: string | null;
  @Field(() => DateScalar, { nullable: true }) dismissedOn?: string | null;
}

@InputType()
export class CreateEmployeeInput extends EmployeeCardFields {
  @Field(() => ID, { nullable: true }) schoolId?: string | null;
  @Field(() => ConsentGivenInput, {
    nullable: true,
    description: 'The consent to personal-data processing, recorded with the card: needed when any field beyond the name is given (004 §6.1; else CONSENT_REQUIRED).',
  }) consent?: ConsentGivenInput | null;
}

@InputType()
export class UpdateEmployeeCardInput extends EmployeeCardFields {
  @Field(() => ID) employeeId!: string;
  @Field(() => Int) expectedVersion!: number;
}

@InputType()
export class RecordConsentInput {
  @Field(() => ID, { nullable: true, description: 'Exactly one of studentId, guardianId, employeeId.' }) studentId?: string | null;
  @Field(() => ID, { nullable: true }) guardianId?: string | null;
  @Field(() => ID, { nullable: true }) employeeId?: string | null;
  @Field() givenByName!: string;
  @Field(() => String, { nullable: true }) givenByRelation?: string | null;
  @Field(() => DateScalar) givenOn!: string;
  @Field(() => String, { nullable: true, description: 'The signed paper: "заявление №15 от 28.08.2026".' }) document?: string | null;
}

@InputType()
export class WithdrawConsentInput {
  @Field(() => ID) consentId!: string;
  @Field(() => DateScalar) withdrawnOn!: string;
}

@InputType()
export class CreateMovementOrderInput {
  @Field(() => ID) studentId!: string;
  @Field(() => MovementOrderType) type!: MovementOrderType;
  @Field({ description: 'As printed: "15-у"; unique in the school\'s book for the year.' }) number!: string;
  @Field(() => DateScalar) orderDate!: string;
  @Field(() => DateScalar) effectiveOn!: string;
  @Field(() => ID, { nullable: true, description: 'The class entered: ENROLL, TRANSFER_CLASS, PROMOTE, PROMOTE_CONDITIONAL, REPEAT_YEAR.' })
  toClassId?: string | null;
  @Field(() => String, { nullable: true }) basis?: string | null;
}

@InputType()
export class AuditLogFilterInput {
  @Field(() => ID, { nullable: true, description: 'The acting User.' }) actorId?: string | null;
  @Field(() => String, { nullable: true, description: '"Mark", "User", "MovementOrder", …' }) entityType?: string | null;
  @Field(() => ID, { nullable: true, description: 'The global id of the entity.' }) entityId?: string | null;
  @Field(() => Date, { nullable: true }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Exclusive.' }) to?: Date | null;
}
