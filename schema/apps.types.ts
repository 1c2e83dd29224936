import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { StudentType } from './types';

@ObjectType('AuthorizedApp', { description: 'A third-party app the viewer let read their family\'s diary (one grant), with what it may see.' })
export class AuthorizedAppType {
  @Field(() => ID, { description: 'The grant; revokeApp takes it.' }) id!: string;
  @Field({ description: 'The app\'s OAuth client_id.' }) clientId!: string;
  @Field() name!: string;
  @Field(() => [String], { description: 'The scopes granted (diary:read, events:read, profile).' }) scopes!: string[];
  @Field(() => [StudentType], { description: 'The children it may see.' }) children!: StudentType[];
  @Field(() => Date) grantedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Its last request (to the minute).' }) lastUsedAt?: Date | null;
}

@ObjectType('RegisteredApp', { description: 'A third-party app as the region\'s operator registered it (docs/apps.md).' })
export class RegisteredAppType {
  @Field({ description: 'The OAuth client_id (a public client: no secret, PKCE).' }) clientId!: string;
  @Field() name!: string;
  @Field(() => [String]) redirectUris!: string[];
  @Field(() => [String]) scopes!: string[];
  @Field(() => String, { nullable: true }) webhookUrl?: string | null;
  @Field() trustedDocumentsOnly!: boolean;
  @Field(() => Int) rateLimitPerMinute!: number;
}

@InputType()
export class RegisterAppInput {
  @Field() name!: string;
  @Field(() => [String], { description: 'Matched exactly: https, loopback http, or a reverse-domain private scheme.' }) redirectUris!: string[];
  @Field(() => [String], { description: 'Some of diary:read, events:read, profile.' }) scopes!: string[];
  @Field(() => String, { nullable: true, description: 'Where the app\'s webhooks go (kept for the webhooks to come).' }) webhookUrl?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'In production, refuse any document the app did not register.' }) trustedDocumentsOnly?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Requests a minute over all its tokens (600 by default).' }) rateLimitPerMinute?: number | null;
}

@InputType()
export class RegisterAppDocumentInput {
  @Field() clientId!: string;
  @Field({ description: 'The exact text; its SHA-256 (hex) is the hash the app sends.' }) document!: string;
}
