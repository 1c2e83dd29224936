import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { PersonCardKind } from '../../entities';
import {
  cardsLackingConsent, personalDataLog, type CardLackingConsentRow, type PersonalDataReadRow,
} from '../../domain/people/personal-data.queries';
import { badInput } from '../../lib/errors';
import type { RequestContext } from '../context';
import { parseGlobalId, toGlobalId } from '../../schema/global-id';
import {
  CardLackingConsentConnection, CardLackingConsentType, CardsLackingConsentFilterInput, PersonalDataLogFilterInput,
  PersonalDataReadConnection, PersonalDataReadType,
} from '../../schema/personal-data.types';
import { UserType } from '../../schema/types';
import { pageRequest, toConnection } from '../pagination';
import { optionalId, schoolArg } from './people-support';

const CARD_TYPES = { Student: PersonCardKind.STUDENT, Guardian: PersonCardKind.GUARDIAN, Employee: PersonCardKind.EMPLOYEE } as const;
const TYPE_OF: Readonly<Record<PersonCardKind, keyof typeof CARD_TYPES>> = {
  [PersonCardKind.STUDENT]: 'Student', [PersonCardKind.GUARDIAN]: 'Guardian', [PersonCardKind.EMPLOYEE]: 'Employee',
};

/** A card's global id (Student, Guardian or Employee) as the log's kind and uuid. */
function cardArg(id: string | null | undefined): { kind: PersonCardKind; id: string } | null {
  if (!id) return null;
  const parsed = parseGlobalId(id);
  const kind = parsed ? CARD_TYPES[parsed.type as keyof typeof CARD_TYPES] : undefined;
  if (!parsed || !kind) throw badInput('cardId', '"cardId" is not a valid Student, Guardian or Employee id.');
  return { kind, id: parsed.uuid };
}

@Resolver()
export class PersonalDataResolver {
  @Query(() => PersonalDataReadConnection, {
    description: 'The personal-data access log of the viewer\'s school (004 §3.1), newest first: who read whose card, when, through what. ADMIN and DIRECTOR. `first` 1–100.',
  })
  async personalDataLog(
    @Ctx() ctx: RequestContext,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string,
    @Arg('filter', () => PersonalDataLogFilterInput, { nullable: true }) filter?: PersonalDataLogFilterInput,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const page = pageRequest(first, after);
    const school = schoolArg(ctx, schoolId, 'personalDataLog.read');
    const result = await personalDataLog(ctx.em, ctx.requireViewer(), {
      schoolId: school, readerId: optionalId(filter?.readerId, 'User', 'readerId'), subject: cardArg(filter?.cardId),
      from: filter?.from, to: filter?.to,
    }, page);
    return toConnection(result, page);
  }

  @Query(() => CardLackingConsentConnection, {
    description: 'The school\'s cards with no consent to personal-data processing in force (004 §6.1), those holding data first: '
      + 'students and guardians for the heads and the secretary, employees for them and HR. `first` 1–100.',
  })
  async cardsLackingConsent(
    @Ctx() ctx: RequestContext,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string,
    @Arg('filter', () => CardsLackingConsentFilterInput, { nullable: true }) filter?: CardsLackingConsentFilterInput,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const page = pageRequest(first, after);
    // Whoever may read the employees' part may read some part (its readers include the students' part's):
    // the school is theirs; the domain says which parts.
    const school = schoolArg(ctx, schoolId, 'consentReport.employees');
    const result = await cardsLackingConsent(ctx.em, ctx.requireViewer(), {
      schoolId: school, kinds: filter?.kinds, holdingPersonalDataOnly: filter?.holdingPersonalDataOnly,
    }, page);
    return toConnection(result, page);
  }
}

@Resolver(() => PersonalDataReadType)
export class PersonalDataReadResolver {
  /** The reader's id and login come joined with the row (UserType's resolver makes the id global). */
  @FieldResolver(() => UserType)
  reader(@Root() row: PersonalDataReadRow): { id: string; login: string } {
    return row.reader;
  }

  @FieldResolver(() => ID)
  cardId(@Root() row: PersonalDataReadRow): string {
    return toGlobalId(TYPE_OF[row.cardKind], row.cardId);
  }
}

@Resolver(() => CardLackingConsentType)
export class CardLackingConsentResolver {
  @FieldResolver(() => ID)
  cardId(@Root() row: CardLackingConsentRow): string {
    return toGlobalId(TYPE_OF[row.kind], row.id);
  }
}
