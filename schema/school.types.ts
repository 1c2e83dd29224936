import { Directive, Field, ObjectType } from 'type-graphql';
import { ENTITY_KEY } from './entity-key';
import { NodeInterface } from './node';

@Directive(ENTITY_KEY)
@ObjectType('School', { implements: NodeInterface, description: 'A school (the tenant of its classes, staff and students).' })
export class SchoolType extends NodeInterface {
  @Field() name!: string;
}
