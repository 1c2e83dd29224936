import { Role } from '../../entities';
import { holds } from '../policy';
import type { PermissionSpec } from '../policy';

/** Data in and out (matrix row "import and export of the school's lists and results"; 003). */
export const INTERCHANGE_POLICY = {
  'interchange.import': {
    matrix: "import and export of the school's lists and results: ADMIN W (003: «импорт внешних массивов данных»)",
    target: 'school',
    allow: holds(Role.ADMIN),
  },
  'interchange.export': {
    matrix: "import and export of the school's lists and results: ADMIN W, DEP_ACAD R export, SECRETARY R export (003: «экспорт внутренних массивов данных»)",
    target: 'school',
    allow: holds(Role.ADMIN, Role.DEPUTY_ACADEMIC, Role.SECRETARY),
  },
} satisfies Record<string, PermissionSpec>;
