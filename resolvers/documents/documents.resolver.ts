import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { DocumentService, type DocumentDownload } from '../../domain/documents/document.service';
import { checkDate } from '../../domain/school-year/admin-write';
import type { RequestContext } from '../context';
import { fromGlobalId } from '../../schema/global-id';
import { DateScalar } from '../../schema/scalars';
import { DocumentDownloadType, type DocumentKindEnum, VerifiedDocumentType } from '../../schema/documents.types';

@Resolver()
export class DocumentsResolver {
  @Mutation(() => DocumentDownloadType, {
    description: 'A pupil\'s printed diary of the week that holds `week` (Monday to Saturday; 004 §8.12), as PDF: for the pupil, their parents, '
      + 'the class teacher and the school administration. Another family\'s child answers NOT_FOUND, like a missing id.',
  })
  requestDiaryWeekDocument(
    @Ctx() ctx: RequestContext,
    @Arg('studentId', () => ID) studentId: string,
    @Arg('week', () => DateScalar, { description: 'Any day of the week.' }) week: string,
  ): Promise<DocumentDownload> {
    ctx.requireViewer();
    return new DocumentService(ctx.scope).requestDocument({ kind: 'DIARY_WEEK', studentId: fromGlobalId(studentId, 'Student', 'studentId'), week: checkDate(week, 'week') });
  }

  @Mutation(() => DocumentDownloadType, {
    description: 'The class journal of a class × subject for a study period, or its whole year without `studyPeriodId`, as PDF (004 §9.3): '
      + 'the marks grid with work types and absences, what was taught, the period marks and the corrections. For ADMIN, DIRECTOR, DEPUTY_ACADEMIC, '
      + 'the subject\'s teacher and the class teacher.',
  })
  requestClassJournalDocument(
    @Ctx() ctx: RequestContext,
    @Arg('classGroupId', () => ID) classGroupId: string,
    @Arg('subjectId', () => ID) subjectId: string,
    @Arg('studyPeriodId', () => ID, { nullable: true }) studyPeriodId?: string | null,
  ): Promise<DocumentDownload> {
    ctx.requireViewer();
    return new DocumentService(ctx.scope).requestDocument({
      kind: 'CLASS_JOURNAL',
      classGroupId: fromGlobalId(classGroupId, 'ClassGroup', 'classGroupId'),
      subjectId: fromGlobalId(subjectId, 'Subject', 'subjectId'),
      studyPeriodId: studyPeriodId ? fromGlobalId(studyPeriodId, 'StudyPeriod', 'studyPeriodId') : null,
    });
  }

  @Mutation(() => DocumentDownloadType, {
    description: 'The archive of a CLOSED year (004 §9.1–9.2), ADMIN only: one zip with each class journal as PDF, every mark, period mark, absence, '
      + 'lesson record and movement-book order as CSV and JSON, and manifest.json with each file\'s SHA-256. Made again it is the same file.',
  })
  requestYearArchive(@Ctx() ctx: RequestContext, @Arg('yearId', () => ID) yearId: string): Promise<DocumentDownload> {
    ctx.requireViewer();
    return new DocumentService(ctx.scope).requestDocument({ kind: 'YEAR_ARCHIVE', yearId: fromGlobalId(yearId, 'AcademicYear', 'yearId') });
  }

  @Query(() => VerifiedDocumentType, {
    description: 'Confirms that a document was made here, for a certified copy: give the SHA-256 printed on its pages (or the file\'s own SHA-256). '
      + 'For the administration and the SECRETARY of the school that made it; anything else answers NOT_FOUND.',
  })
  async verifyDocument(@Ctx() ctx: RequestContext, @Arg('sha256') sha256: string): Promise<VerifiedDocumentType> {
    ctx.requireViewer();
    const d = await new DocumentService(ctx.scope).verify(sha256);
    return {
      kind: d.kind as DocumentKindEnum, title: d.title, madeBy: d.madeByName, madeAt: d.madeAt, contentSha256: d.contentSha256 ?? null,
      fileSha256: d.fileSha256 ?? null, pages: d.pages ?? null, size: d.bytes == null ? null : Number(d.bytes),
    };
  }
}
