import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { ExportService, type ExportDownload } from '../../domain/interchange/export.service';
import type { RequestContext } from '../context';
import { fromGlobalId } from '../../schema/global-id';
import { ExportDownloadType, ExportFormatEnum, ExportListInput } from '../../schema/export.types';

@Resolver()
export class ExportResolver {
  @Mutation(() => ExportDownloadType, {
    description: 'Exports a school\'s lists and results (ADMIN, DEPUTY_ACADEMIC, SECRETARY of the school; docs/oneroster.md): '
      + 'OneRoster 1.2 CSV, the spreadsheet set, or one list as CSV. The file holds what the viewer may see there (marks only for '
      + 'the school administration, logins only for the school heads), and is fetched once from `url` within an hour.',
  })
  requestExport(
    @Ctx() ctx: RequestContext,
    @Arg('schoolId', () => ID) schoolId: string,
    @Arg('format', () => ExportFormatEnum) format: ExportFormatEnum,
    @Arg('yearId', () => ID, { nullable: true, description: 'The school year (default: the active one).' }) yearId?: string | null,
    @Arg('list', () => ExportListInput, { nullable: true, description: 'For LIST_CSV: which list.' }) list?: ExportListInput | null,
  ): Promise<ExportDownload> {
    ctx.requireViewer();
    return new ExportService(ctx.scope).requestExport(fromGlobalId(schoolId, 'School', 'schoolId'), {
      format,
      yearId: yearId ? fromGlobalId(yearId, 'AcademicYear', 'yearId') : null,
      list: list ? {
        name: list.name,
        classId: list.classId ? fromGlobalId(list.classId, 'ClassGroup', 'list.classId') : null,
        subjectId: list.subjectId ? fromGlobalId(list.subjectId, 'Subject', 'list.subjectId') : null,
        studyPeriodId: list.studyPeriodId ? fromGlobalId(list.studyPeriodId, 'StudyPeriod', 'list.studyPeriodId') : null,
      } : null,
    });
  }
}
