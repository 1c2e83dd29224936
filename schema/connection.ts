import { Field, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';

@ObjectType('PageInfo')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> { cursor: string; node: T }
export interface Connection<T> { edges: Edge<T>[]; pageInfo: PageInfo; totalCount: number }

/** Relay connection and edge types for one node type ("MarkConnection", "MarkEdge"). */
export function ConnectionType<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field({ description: 'How many items match, across all pages.' })
    totalCount!: number;
  }
  return { Connection: ConnectionClass, Edge: EdgeType };
}
