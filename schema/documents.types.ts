import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

// Documents (issue 13 parts 3–4): domain/documents/document.service.ts.

export enum DocumentKindEnum { DIARY_WEEK = 'DIARY_WEEK', CLASS_JOURNAL = 'CLASS_JOURNAL', YEAR_ARCHIVE = 'YEAR_ARCHIVE' }
registerEnumType(DocumentKindEnum, {
  name: 'DocumentKind',
  description: 'DIARY_WEEK: a pupil\'s printed diary of a week (004 §8.12); CLASS_JOURNAL: the journal of a class × subject for a study period '
    + 'or the year (004 §9.3); YEAR_ARCHIVE: the archive of a closed year (004 §9.1–9.2), a zip of the journals as PDF, the journal\'s rows as CSV and JSON, and a manifest with checksums.',
});

@ObjectType('DocumentDownload', {
  description: 'A document to fetch once with `GET <url>` and your own `Authorization: Bearer …` header, within an hour. It is made when fetched, '
    + 'streamed, after the same access check as when it was asked for. The URL is a credential: a request with an Idempotency-Key is refused.',
})
export class DocumentDownloadType {
  @Field({ description: 'The one-time path, `/downloads/<token>`, on this server.' }) url!: string;
  @Field(() => Date) expiresAt!: Date;
  @Field() fileName!: string;
  @Field() contentType!: string;
}

@ObjectType('VerifiedDocument', {
  description: 'A document this server made (for a certified copy, 004 §9.3): what it is, who made it and when. `contentSha256` is the hash printed '
    + 'on every page — the SHA-256 of the document\'s content (the data it shows as canonical JSON, with who made it and when), not of the file\'s bytes; '
    + 'for an archive, of its manifest.json. `fileSha256` is the SHA-256 of the file\'s bytes as served (null if the download broke off).',
})
export class VerifiedDocumentType {
  @Field(() => DocumentKindEnum) kind!: DocumentKindEnum;
  @Field({ description: 'What it is, in words.' }) title!: string;
  @Field({ description: 'Who made it, as printed on it.' }) madeBy!: string;
  @Field(() => Date) madeAt!: Date;
  @Field(() => String, { nullable: true }) contentSha256!: string | null;
  @Field(() => String, { nullable: true }) fileSha256!: string | null;
  @Field(() => Int, { nullable: true }) pages!: number | null;
  @Field(() => Int, { nullable: true, description: 'Bytes of the file as served.' }) size!: number | null;
}
