import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateScalar } from './scalars';
import { EmployeeType, UserType } from './types';

@ObjectType('LateEntryPermit', {
  description: 'The deputy head lets a teacher write the journal of their own lessons of some past days after the entry window, '
    + 'until `validUntil` (004 §8.6); the writes made under it are counted apart in the timeliness report.',
})
export class LateEntryPermitType {
  @Field(() => ID) id!: string;
  @Field(() => EmployeeType) teacher!: EmployeeType;
  @Field(() => DateScalar, { description: 'The first day whose lessons it opens.' }) daysFrom!: string;
  @Field(() => DateScalar, { description: 'The last day whose lessons it opens.' }) daysTo!: string;
  @Field() reason!: string;
  @Field(() => DateScalar, { description: 'The last day the teacher may write under it (the school\'s calendar).' }) validUntil!: string;
  @Field(() => UserType) grantedBy!: UserType;
  @Field(() => Date) grantedAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt?: Date | null;
  @Field({ description: 'Not revoked, and validUntil not past (on the server\'s clock).' }) active!: boolean;
}

@InputType()
export class GrantLateEntryPermitInput {
  @Field(() => ID, { description: 'The teacher (Employee) whose lessons it opens.' }) teacherId!: string;
  @Field(() => DateScalar) daysFrom!: string;
  @Field(() => DateScalar, { description: 'At most 31 days after daysFrom, and before today.' }) daysTo!: string;
  @Field({ description: 'Why the lessons are written late; required.' }) reason!: string;
  @Field(() => DateScalar, { description: 'From today to at most 31 days ahead.' }) validUntil!: string;
}

@InputType()
export class RevokeLateEntryPermitInput {
  @Field(() => ID) permitId!: string;
}
