import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Student } from '../../entities';
import { appsOf, type ConsentedApp } from '../../domain/apps/apps.queries';
import { revokeApp } from '../../domain/apps/apps.service';
import { registerApp, registerTrustedDocument, type RegisteredApp } from '../../domain/apps/registration.service';
import type { RequestContext } from '../context';
import { AuthorizedAppType, RegisterAppDocumentInput, RegisterAppInput, RegisteredAppType } from '../../schema/apps.types';
import { StudentType } from '../../schema/types';

@Resolver()
export class AppsResolver {
  @Query(() => [AuthorizedAppType], { description: 'The apps the viewer let see their family\'s diary, with scopes, children and last use.' })
  myApps(@Ctx() ctx: RequestContext): Promise<ConsentedApp[]> {
    return appsOf(ctx.em, ctx.requireViewer().userId);
  }

  @Mutation(() => Boolean, { description: 'Revokes an app\'s access at once: its tokens stop working and its sockets close (4403).' })
  revokeApp(@Arg('id', () => String) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return revokeApp(ctx.scope, id);
  }

  @Mutation(() => RegisteredAppType, { description: 'The region\'s operator registers a third-party app (no dynamic registration).' })
  registerApp(@Arg('input') input: RegisterAppInput, @Ctx() ctx: RequestContext): Promise<RegisteredApp> {
    return registerApp(ctx.em, {
      ...input, trustedDocumentsOnly: input.trustedDocumentsOnly ?? false, rateLimitPerMinute: input.rateLimitPerMinute ?? undefined,
    }, ctx.requireViewer().userId, ctx.clock.now());
  }

  @Mutation(() => String, { description: 'Registers a document (a trusted document) for an app ahead of time; answers its SHA-256 hash.' })
  registerAppDocument(@Arg('input') input: RegisterAppDocumentInput, @Ctx() ctx: RequestContext): Promise<string> {
    return registerTrustedDocument(ctx.em, input.clientId, input.document, ctx.clock.now());
  }
}

@Resolver(() => AuthorizedAppType)
export class AuthorizedAppResolver {
  @FieldResolver(() => String) id(@Root() app: ConsentedApp): string { return app.grantId; }
  @FieldResolver(() => Date) grantedAt(@Root() app: ConsentedApp): Date { return app.createdAt; }

  @FieldResolver(() => [StudentType])
  async children(@Root() app: ConsentedApp, @Ctx() ctx: RequestContext): Promise<Student[]> {
    // The viewer's own grant named them; the loader batches every app's children into one statement.
    const students = await Promise.all(app.studentIds.map((id) => ctx.loaders.one(Student, id)));
    return students.filter((s): s is Student => !!s);
  }
}
