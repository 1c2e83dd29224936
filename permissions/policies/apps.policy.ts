import { Role } from '../../entities';
import { holds } from '../policy';
import { FAMILY } from '../roles';
import type { PermissionSpec } from '../policy';

/**
 * Third-party apps (DOMAIN.md matrix row "third-party apps (OAuth)": STUDENT own grants, PARENT
 * own grants, per child; "Third-party apps": apps are registered by the region's operator). Whose
 * grant is whose is the grant's user (domain/apps/); which children an app then reaches is the
 * `child`/`self` tie narrowed to the consent (permissions/ties.ts).
 */
export const APPS_POLICY = {
  'app.grant': {
    matrix: 'third-party apps (OAuth): STUDENT own grants, PARENT own grants, per child (list, revoke)',
    target: 'school',
    allow: holds(FAMILY),
  },
  'app.register': {
    matrix: 'third-party apps: registered by the region\'s operator (REGIONAL_COORDINATOR); no dynamic registration',
    target: 'school',
    allow: holds(Role.REGIONAL_COORDINATOR),
  },
} satisfies Record<string, PermissionSpec>;
