import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { ImportService, type ImportReport } from '../../domain/interchange/import.service';
import type { RequestContext } from '../context';
import { fromGlobalId } from '../../schema/global-id';
import { ImportReportType } from '../../schema/interchange.types';

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportReportType, {
    description: 'Imports a school\'s lists (ADMIN of the school) from files staged with `POST /uploads`: OneRoster 1.2 CSV (a zip or its files) '
      + 'or the spreadsheet set (docs/oneroster.md). `dryRun: true` (the default) writes nothing and reports what would be done; '
      + '`dryRun: false` writes everything in one transaction, or nothing when any row has a problem. Re-importing the same files changes nothing.',
  })
  importRoster(
    @Ctx() ctx: RequestContext,
    @Arg('schoolId', () => ID) schoolId: string,
    @Arg('files', () => [ID], { description: 'Staged file ids (`POST /uploads`), the viewer\'s own, at most 20.' }) files: string[],
    @Arg('dryRun', { defaultValue: true }) dryRun: boolean,
  ): Promise<ImportReport> {
    ctx.requireViewer();
    return new ImportService(ctx.scope).importStaged(
      fromGlobalId(schoolId, 'School', 'schoolId'), files.map((f) => fromGlobalId(f, 'StagedFile', 'files')), dryRun,
    );
  }
}
