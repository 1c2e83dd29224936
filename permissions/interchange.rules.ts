import { can } from './rules';

type ShieldRule = ReturnType<typeof can>;

/** Data in and out (issue 18): the role rules; which school is the viewer's is decided in domain/interchange/. */
const importer = can('interchange.import');
const fields = (rule: ShieldRule, ...names: string[]) => Object.fromEntries(names.map((n) => [n, rule]));

export const INTERCHANGE_MUTATION_RULES = {
  importRoster: importer,
};

/** An import's report is only ever the importer's own answer. */
export const INTERCHANGE_TYPE_RULES = {
  ImportReport: fields(importer, 'format', 'dryRun', 'applied', 'files', 'rows', 'problems', 'warnings', 'credentials'),
  ImportFileSummary: fields(importer, 'name', 'encoding', 'rows', 'created', 'updated', 'unchanged', 'problems'),
  ImportRow: fields(importer, 'file', 'line', 'kind', 'sourcedId', 'outcome'),
  ImportProblem: fields(importer, 'file', 'line', 'column', 'message'),
  StartingCredential: fields(importer, 'sourcedId', 'name', 'login', 'startingPassword'),
};
