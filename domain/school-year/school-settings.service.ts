import { School } from '../../entities';
import { badInput } from '../../lib/errors';
import { optionalText } from '../../lib/text';
import { AdminWriter } from './admin-write';

const ZONE_NAME = /^(?:UTC|[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+)$/;

/** An IANA time zone name the runtime knows ("Europe/Moscow"), else BAD_USER_INPUT on `timeZone`. */
export function checkTimeZone(value: string): string {
  const zone = value.trim();
  const known = (() => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  })();
  if (zone.length > 64 || !ZONE_NAME.test(zone) || !known) {
    throw badInput('timeZone', '"timeZone" is an IANA time zone such as "Europe/Moscow".');
  }
  return zone;
}

export interface UpdateSchoolSettingsCommand { schoolId?: string | null; name?: string | null; timeZone?: string | null }

/**
 * The school's own settings (matrix row "… school settings": ADMIN W): its name and time zone
 * ("today", the entry window and lesson times are read in it). The study-period scheme per
 * parallel is the year's (SchoolYearService.setStudyPeriods), the shifts' bells the timetable's.
 */
export class SchoolSettingsService extends AdminWriter {
  async updateSchoolSettings(cmd: UpdateSchoolSettingsCommand): Promise<School> {
    const name = optionalText(cmd.name, 'name', 300);
    const timeZone = cmd.timeZone == null ? null : checkTimeZone(cmd.timeZone);
    const schoolId = await this.schoolFor(cmd.schoolId, 'schoolSettings.write');
    return this.write(async (em, now) => {
      const school = await em.findOneOrFail(School, schoolId);
      const before = { name: school.name, timeZone: school.timezone };
      if (name) school.name = name;
      if (timeZone) school.timezone = timeZone;
      const after = { name: school.name, timeZone: school.timezone };
      if (after.name !== before.name || after.timeZone !== before.timeZone) {
        this.audit(em, now, school.id, 'school.settings', 'School', school.id, before, after);
      }
      return school;
    });
  }
}
