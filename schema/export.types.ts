import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

// Export of a school's lists and results (issue 18 part 3; docs/oneroster.md). Roots are
// domain/interchange/export.service.ts's ExportDownload.

export enum ExportFormatEnum { ONEROSTER_ZIP = 'ONEROSTER_ZIP', SPREADSHEET_ZIP = 'SPREADSHEET_ZIP', LIST_CSV = 'LIST_CSV' }
export enum ExportListName { PUPILS = 'PUPILS', CLASS_JOURNAL_MARKS = 'CLASS_JOURNAL_MARKS' }
registerEnumType(ExportFormatEnum, {
  name: 'ExportFormat',
  description: 'ONEROSTER_ZIP: OneRoster 1.2 CSV bulk files in a zip (roster and results); SPREADSHEET_ZIP: the spreadsheet set '
    + '(classes, staff, students, guardians, curriculum: UTF-8 with BOM, `;`, Russian headers, as the import reads them); LIST_CSV: one list (`list`).',
});
registerEnumType(ExportListName, {
  name: 'ExportList',
  description: 'PUPILS: the school\'s pupils of the year, by class; CLASS_JOURNAL_MARKS: the marks of a class × subject × study period, a column per lesson.',
});

@InputType('ExportListInput', { description: 'Which list a LIST_CSV export writes, and what it is of.' })
export class ExportListInput {
  @Field(() => ExportListName) name!: ExportListName;
  @Field(() => ID, { nullable: true, description: 'CLASS_JOURNAL_MARKS: the class.' }) classId?: string | null;
  @Field(() => ID, { nullable: true, description: 'CLASS_JOURNAL_MARKS: the subject.' }) subjectId?: string | null;
  @Field(() => ID, { nullable: true, description: 'CLASS_JOURNAL_MARKS: the study period.' }) studyPeriodId?: string | null;
}

@ObjectType('ExportDownload', {
  description: 'A file made for the viewer: fetch it once with `GET <url>` and your own `Authorization: Bearer …` header, within an hour. '
    + 'The URL is a credential: a request with an Idempotency-Key is refused, so no replay ever holds it.',
})
export class ExportDownloadType {
  @Field({ description: 'The one-time path, `/downloads/<token>`, on this server.' }) url!: string;
  @Field(() => Date) expiresAt!: Date;
  @Field() fileName!: string;
  @Field() contentType!: string;
  @Field(() => Int, { description: 'Bytes.' }) size!: number;
}
