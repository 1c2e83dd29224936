import { can } from './rules';

/** Export of a school's lists and results (issue 18 part 3): the role rule; which school and which rows, domain/interchange/export.service.ts. */
const exporter = can('interchange.export');

export const EXPORT_MUTATION_RULES = {
  requestExport: exporter,
};

/** The download's answer is only ever the exporter's own. */
export const EXPORT_TYPE_RULES = {
  ExportDownload: Object.fromEntries(['url', 'expiresAt', 'fileName', 'contentType', 'size'].map((f) => [f, exporter])),
};
