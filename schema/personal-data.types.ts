import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { PersonCardKind } from '../entities';
import { ConnectionType } from './connection';
import { DateScalar } from './scalars';
import { UserType } from './types';

// Personal data as the regulation keeps it (004 §3.1, §6.1): the access log of card reads and
// the cards lacking a consent. Roots are the rows of domain/people/personal-data.queries.ts.

registerEnumType(PersonCardKind, { name: 'PersonCardKind', description: 'The three personal cards (004 §6).' });

@ObjectType('PersonalDataRead', { description: 'One staff read of a personal card (004 §3.1): who read whose card, when, through what.' })
export class PersonalDataReadType {
  @Field(() => Date) at!: Date;
  @Field(() => UserType) reader!: UserType;
  @Field(() => String, { nullable: true, description: 'The name on the reader\'s employee card.' }) readerName?: string | null;
  @Field(() => PersonCardKind) cardKind!: PersonCardKind;
  @Field(() => ID, { description: 'The global id of the card read (Student, Guardian or Employee).' }) cardId!: string;
  @Field(() => String, { nullable: true, description: 'The name on the card read; null when the card is gone.' }) subjectName?: string | null;
  @Field({ description: 'The field it was read through: "studentCard", "studentCards", "guardianCard", …' }) what!: string;
}

@ObjectType('CardLackingConsent', { description: 'A card with no consent to personal-data processing in force (004 §6.1).' })
export class CardLackingConsentType {
  @Field(() => PersonCardKind) kind!: PersonCardKind;
  @Field(() => ID, { description: 'The global id of the card (Student, Guardian or Employee).' }) cardId!: string;
  @Field() fullName!: string;
  @Field({ description: 'The card holds fields beyond the name that need a consent: held without one, to be put right first.' })
  holdsPersonalData!: boolean;
  @Field(() => DateScalar, { nullable: true, description: 'When the last consent was withdrawn; null: none was ever recorded.' })
  lastWithdrawnOn?: string | null;
}

export const { Connection: PersonalDataReadConnection, Edge: PersonalDataReadEdge } = ConnectionType('PersonalDataRead', PersonalDataReadType);
export const { Connection: CardLackingConsentConnection, Edge: CardLackingConsentEdge } = ConnectionType('CardLackingConsent', CardLackingConsentType);

@InputType({ description: 'Narrows the personal-data access log; every given part must match.' })
export class PersonalDataLogFilterInput {
  @Field(() => ID, { nullable: true, description: 'The User who read.' }) readerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The card read: a Student, Guardian or Employee id.' }) cardId?: string | null;
  @Field(() => Date, { nullable: true }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Exclusive.' }) to?: Date | null;
}

@InputType({ description: 'Narrows the cards lacking a consent.' })
export class CardsLackingConsentFilterInput {
  @Field(() => [PersonCardKind], { nullable: true, description: 'Left out: every kind you may read.' }) kinds?: PersonCardKind[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only the cards holding data beyond the name.' }) holdingPersonalDataOnly?: boolean | null;
}

@InputType({ description: 'A signed consent to personal-data processing given with a new card (004 §6.1).' })
export class ConsentGivenInput {
  @Field() givenByName!: string;
  @Field(() => String, { nullable: true, description: '"сам", or for a minor\'s card the parent or legal representative: "мать", "отец", "опекун", …' })
  givenByRelation?: string | null;
  @Field(() => DateScalar) givenOn!: string;
  @Field(() => String, { nullable: true, description: 'The signed paper: "заявление №15 от 28.08.2026".' }) document?: string | null;
}
