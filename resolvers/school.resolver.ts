import { FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { School } from '../entities';
import { toGlobalId } from '../schema/global-id';
import { SchoolType } from '../schema/school.types';

@Resolver(() => SchoolType)
export class SchoolResolver {
  @FieldResolver(() => ID)
  id(@Root() school: School): string {
    return toGlobalId('School', school.id);
  }
}
