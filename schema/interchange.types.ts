import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

// Import of a school's lists (issue 18; docs/oneroster.md): the report a dry run or an apply answers.
// Roots are domain/interchange/import.service.ts's ImportReport.

export enum ImportFormat { ONEROSTER = 'ONEROSTER', SPREADSHEET = 'SPREADSHEET' }
export enum ImportOutcome { CREATED = 'CREATED', UPDATED = 'UPDATED', UNCHANGED = 'UNCHANGED' }
export enum ImportRecordKind {
  YEAR = 'YEAR', STUDY_PERIOD = 'STUDY_PERIOD', SUBJECT = 'SUBJECT', CLASS = 'CLASS', CURRICULUM_ITEM = 'CURRICULUM_ITEM',
  STUDENT = 'STUDENT', GUARDIAN = 'GUARDIAN', EMPLOYEE = 'EMPLOYEE', GUARDIANSHIP = 'GUARDIANSHIP', ENROLLMENT = 'ENROLLMENT',
  CLASS_TEACHER = 'CLASS_TEACHER', TEACHING_ASSIGNMENT = 'TEACHING_ASSIGNMENT', ACCOUNT = 'ACCOUNT',
}
registerEnumType(ImportFormat, { name: 'ImportFormat', description: 'OneRoster 1.2 CSV, or the spreadsheet set of docs/oneroster.md.' });
registerEnumType(ImportOutcome, { name: 'ImportOutcome', description: 'What the import does (a dry run: would do) to one record.' });
registerEnumType(ImportRecordKind, { name: 'ImportRecordKind', description: 'What a row of the files is.' });

@ObjectType('ImportFileSummary', { description: 'One CSV file of the import: how it was read and what its rows do.' })
export class ImportFileSummaryType {
  @Field() name!: string;
  @Field({ description: '"utf-8" or "windows-1251", as detected.' }) encoding!: string;
  @Field(() => Int, { description: 'Data rows (the header not counted).' }) rows!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) problems!: number;
}

@ObjectType('ImportRow', { description: 'One record of the files and its outcome.' })
export class ImportRowType {
  @Field() file!: string;
  @Field(() => Int, { description: 'The line in the file (the header is line 1).' }) line!: number;
  @Field(() => ImportRecordKind) kind!: ImportRecordKind;
  @Field({ description: 'The record\'s id in the files (OneRoster sourcedId, or the spreadsheet\'s id).' }) sourcedId!: string;
  @Field(() => ImportOutcome) outcome!: ImportOutcome;
}

@ObjectType('ImportProblem', { description: 'An error (nothing is applied while there is one) or a warning, at its file, line and column.' })
export class ImportProblemType {
  @Field() file!: string;
  @Field(() => Int) line!: number;
  @Field(() => String, { nullable: true }) column?: string | null;
  @Field() message!: string;
}

@ObjectType('StartingCredential', { description: 'A new account\'s login and starting password: answered once, when the import is applied, and never stored in the clear.' })
export class StartingCredentialType {
  @Field({ description: 'The person\'s id in the files.' }) sourcedId!: string;
  @Field() name!: string;
  @Field() login!: string;
  @Field() startingPassword!: string;
}

@ObjectType('ImportReport', {
  description: 'What an import did, or (a dry run) would do: per file and row, created, updated or left unchanged, and every problem. '
    + 'Applied only when there are no problems, all of it in one transaction.',
})
export class ImportReportType {
  @Field(() => ImportFormat) format!: ImportFormat;
  @Field() dryRun!: boolean;
  @Field({ description: 'True when everything was written; false after a dry run or when there were problems (then nothing was written).' }) applied!: boolean;
  @Field(() => [ImportFileSummaryType]) files!: ImportFileSummaryType[];
  @Field(() => [ImportRowType], { description: 'Every record, in file and line order.' }) rows!: ImportRowType[];
  @Field(() => [ImportProblemType], { description: 'Errors: while there is one, nothing is written.' }) problems!: ImportProblemType[];
  @Field(() => [ImportProblemType], { description: 'What was read but left out (personal fields without a consent, a login change).' }) warnings!: ImportProblemType[];
  @Field(() => [StartingCredentialType], { description: 'Only when applied: the new accounts\' starting passwords, this once.' }) credentials!: StartingCredentialType[];
}
