import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122122626_initial } from './Migration20261122122626_initial';
import { Migration20261122140000_login_lowercase } from './Migration20261122140000_login_lowercase';
import { Migration20261122150000_diary_event_position } from './Migration20261122150000_diary_event_position';
import { Migration20261201190000_hardening } from './Migration20261201190000_hardening';
import { Migration20261201200000_running_the_school } from './Migration20261201200000_running_the_school';
import { Migration20261201210000_audit_actor_index } from './Migration20261201210000_audit_actor_index';
import { Migration20261201212000_attendance_taken } from './Migration20261201212000_attendance_taken';
import { Migration20261201220000_mark_rollup } from './Migration20261201220000_mark_rollup';
import { Migration20261201230000_access_indexes } from './Migration20261201230000_access_indexes';
import { Migration20261202170000_role_grant_diary_access } from './Migration20261202170000_role_grant_diary_access';
import { Migration20261203100000_sourced_key } from './Migration20261203100000_sourced_key';
import { Migration20261203160000_staged_file } from './Migration20261203160000_staged_file';
import { Migration20261203152000_personal_data } from './Migration20261203152000_personal_data';
import { Migration20261203151000_family_education } from './Migration20261203151000_family_education';
import { Migration20261203151500_school_events } from './Migration20261203151500_school_events';
import { Migration20261203154000_school_setup } from './Migration20261203154000_school_setup';
import { Migration20261204010000_corrections } from './Migration20261204010000_corrections';
import { Migration20261204011000_late_entry_permit } from './Migration20261204011000_late_entry_permit';
import { Migration20261204011500_download } from './Migration20261204011500_download';
import { Migration20261204030000_retention } from './Migration20261204030000_retention';
import { Migration20261204190000_oauth_apps } from './Migration20261204190000_oauth_apps';

/** Every migration, in order. `npm run db:migration:create` writes a new file; add it here. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122122626_initial', class: Migration20261122122626_initial },
  { name: 'Migration20261122140000_login_lowercase', class: Migration20261122140000_login_lowercase },
  { name: 'Migration20261122150000_diary_event_position', class: Migration20261122150000_diary_event_position },
  { name: 'Migration20261201190000_hardening', class: Migration20261201190000_hardening },
  { name: 'Migration20261201200000_running_the_school', class: Migration20261201200000_running_the_school },
  { name: 'Migration20261201210000_audit_actor_index', class: Migration20261201210000_audit_actor_index },
  { name: 'Migration20261201212000_attendance_taken', class: Migration20261201212000_attendance_taken },
  { name: 'Migration20261201220000_mark_rollup', class: Migration20261201220000_mark_rollup },
  { name: 'Migration20261201230000_access_indexes', class: Migration20261201230000_access_indexes },
  { name: 'Migration20261202170000_role_grant_diary_access', class: Migration20261202170000_role_grant_diary_access },
  { name: 'Migration20261203100000_sourced_key', class: Migration20261203100000_sourced_key },
  { name: 'Migration20261203152000_personal_data', class: Migration20261203152000_personal_data },
  { name: 'Migration20261203160000_staged_file', class: Migration20261203160000_staged_file },
  { name: 'Migration20261203151000_family_education', class: Migration20261203151000_family_education },
  { name: 'Migration20261203151500_school_events', class: Migration20261203151500_school_events },
  { name: 'Migration20261203154000_school_setup', class: Migration20261203154000_school_setup },
  { name: 'Migration20261204010000_corrections', class: Migration20261204010000_corrections },
  { name: 'Migration20261204011000_late_entry_permit', class: Migration20261204011000_late_entry_permit },
  { name: 'Migration20261204011500_download', class: Migration20261204011500_download },
  { name: 'Migration20261204030000_retention', class: Migration20261204030000_retention },
  { name: 'Migration20261204190000_oauth_apps', class: Migration20261204190000_oauth_apps },
];
