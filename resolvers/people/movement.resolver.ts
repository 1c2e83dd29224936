import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ClassGroup, MovementOrder, MovementOrderType, Student } from '../../entities';
import { MovementBookService } from '../../domain/people/movement-book.service';
import type { RequestContext } from '../context';
import { fromGlobalId, toGlobalId } from '../../schema/global-id';
import { CreateMovementOrderInput } from '../../schema/people.inputs';
import { MovementOrderConnection, MovementOrderGqlType } from '../../schema/people.types';
import { DateScalar } from '../../schema/scalars';
import { ClassGroupType, StudentType } from '../../schema/types';
import { pageRequest, toConnection } from '../pagination';
import { optionalId, schoolArg } from './people-support';

@Resolver()
export class MovementResolver {
  @Mutation(() => MovementOrderGqlType, {
    description: 'Writes an order into the movement book and applies it to the student\'s enrollments (ADMIN, DEPUTY_ACADEMIC, SECRETARY).',
  })
  createMovementOrder(@Arg('input') input: CreateMovementOrderInput, @Ctx() ctx: RequestContext): Promise<MovementOrder> {
    return new MovementBookService(ctx.scope).createOrder({
      studentId: fromGlobalId(input.studentId, 'Student', 'studentId'), type: input.type, number: input.number,
      orderDate: input.orderDate, effectiveOn: input.effectiveOn,
      toClassId: optionalId(input.toClassId, 'ClassGroup', 'toClassId'), basis: input.basis,
    });
  }

  @Query(() => MovementOrderConnection, {
    description: 'Orders dated within [from, to], newest first. A class teacher names their own class and gets its orders only.',
  })
  async movementOrders(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId?: string,
    @Arg('type', () => MovementOrderType, { nullable: true }) type?: MovementOrderType,
    @Arg('classGroupId', () => ID, { nullable: true }) classGroupId?: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const page = pageRequest(first, after);
    const school = schoolArg(ctx, schoolId, 'movement.read');
    const orders = await new MovementBookService(ctx.scope).orders(
      { schoolId: school, from, to, type, classGroupId: optionalId(classGroupId, 'ClassGroup', 'classGroupId') }, page,
    );
    return toConnection(orders, page);
  }

  @Query(() => [MovementOrderGqlType], { description: 'A student\'s movement history, oldest first: the book\'s readers, and class teachers of the student\'s classes.' })
  studentMovementHistory(@Arg('studentId', () => ID) studentId: string, @Ctx() ctx: RequestContext): Promise<MovementOrder[]> {
    return new MovementBookService(ctx.scope).history(fromGlobalId(studentId, 'Student', 'studentId'));
  }
}

@Resolver(() => MovementOrderGqlType)
export class MovementOrderResolver {
  @FieldResolver(() => ID)
  id(@Root() order: MovementOrder): string {
    return toGlobalId('MovementOrder', order.id);
  }

  /** Whoever reads the order reads the student's name on it (Student's other fields keep their own row scope). */
  @FieldResolver(() => StudentType)
  async student(@Root() order: MovementOrder, @Ctx() ctx: RequestContext): Promise<Student> {
    return (await ctx.loaders.one(Student, order.student.id))!;
  }

  @FieldResolver(() => ClassGroupType, { nullable: true })
  async fromClass(@Root() order: MovementOrder, @Ctx() ctx: RequestContext): Promise<ClassGroup | null> {
    return order.fromClass ? (await ctx.loaders.one(ClassGroup, order.fromClass.id)) ?? null : null;
  }

  @FieldResolver(() => ClassGroupType, { nullable: true })
  async toClass(@Root() order: MovementOrder, @Ctx() ctx: RequestContext): Promise<ClassGroup | null> {
    return order.toClass ? (await ctx.loaders.one(ClassGroup, order.toClass.id)) ?? null : null;
  }
}
