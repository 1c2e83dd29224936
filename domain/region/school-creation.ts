import argon2 from 'argon2';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Employee, Municipality, Region, RoleGrant, School, User, WorkType } from '../../entities';
import { FIRST_ACCOUNT_ROLE } from '../../permissions/roster-roles';
import { badInput } from '../../lib/errors';
import { requiredText } from '../../lib/text';
import { audit } from '../audit';
import { generateStartingPassword } from '../people/accounts.service';

/**
 * A new school, made by the region's operator from the command line (`npm run school:create`),
 * never by a school's users: its region and municipality (found by name, or made), the school,
 * its work types (001: every mark has one), and its first ADMIN with a starting password shown
 * once. Everything else (year, classes, people) the ADMIN then sets up or imports.
 */

/** The work types of 001 most schools start from; the ADMIN changes them in the school's settings. */
export const STANDARD_WORK_TYPES: readonly { code: string; name: string; weight: string }[] = [
  { code: 'ORAL', name: 'Устный ответ', weight: '1.00' },
  { code: 'HOMEWORK', name: 'Домашняя работа', weight: '1.00' },
  { code: 'INDEPENDENT', name: 'Самостоятельная работа', weight: '1.50' },
  { code: 'CONTROL', name: 'Контрольная работа', weight: '2.00' },
  { code: 'LAB', name: 'Лабораторная работа', weight: '1.50' },
  { code: 'PRACTICAL', name: 'Практическая работа', weight: '1.50' },
  { code: 'TEST', name: 'Тест', weight: '1.50' },
  { code: 'ESSAY', name: 'Сочинение', weight: '2.00' },
];

export interface CreateSchoolCommand {
  region: string; municipality: string; school: string; timezone?: string | null;
  admin: { lastName: string; firstName: string; middleName?: string | null; login: string };
}

export interface CreatedSchool { schoolId: string; municipalityId: string; regionId: string; adminUserId: string; login: string; startingPassword: string }

export async function createSchool(em: EntityManager, cmd: CreateSchoolCommand, now: Date): Promise<CreatedSchool> {
  const regionName = requiredText(cmd.region, 'region', 200);
  const municipalityName = requiredText(cmd.municipality, 'municipality', 200);
  const schoolName = requiredText(cmd.school, 'school', 300);
  const timezone = cmd.timezone?.trim() || 'Europe/Moscow';
  try { new Intl.DateTimeFormat('en', { timeZone: timezone }); } catch { throw badInput('timezone', `"${timezone}" is not an IANA time zone.`); }
  const login = requiredText(cmd.admin.login, 'login', 100).toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{2,99}$/.test(login)) throw badInput('login', 'A login is 3–100 of a–z, 0–9, ".", "_", "-".');

  return em.transactional(async (tx) => {
    if (await tx.count(User, { login })) throw badInput('login', `The login "${login}" is taken.`);
    const region = (await tx.findOne(Region, { name: regionName })) ?? tx.create(Region, { name: regionName });
    const municipality = (await tx.findOne(Municipality, { region, name: municipalityName })) ?? tx.create(Municipality, { region, name: municipalityName });
    if (await tx.count(School, { municipality, name: schoolName })) throw badInput('school', `${municipalityName} already has a school named "${schoolName}".`);
    const school = tx.create(School, { municipality, name: schoolName, timezone });
    for (const wt of STANDARD_WORK_TYPES) tx.create(WorkType, { school, ...wt });
    const startingPassword = generateStartingPassword();
    const user = tx.create(User, { login, passwordHash: await argon2.hash(startingPassword, { type: argon2.argon2id }), mustChangePassword: true, createdAt: now });
    tx.create(Employee, {
      school, user, lastName: requiredText(cmd.admin.lastName, 'lastName', 100), firstName: requiredText(cmd.admin.firstName, 'firstName', 100),
      middleName: cmd.admin.middleName?.trim() || undefined, position: 'Администратор',
    });
    tx.create(RoleGrant, { user, role: FIRST_ACCOUNT_ROLE, school, grantedAt: now });
    await tx.flush();
    audit(tx, { actorId: null, schoolId: school.id, action: 'school.create', entityType: 'School', entityId: school.id, after: { name: schoolName, municipality: municipalityName, region: regionName, timezone, admin: login }, at: now });
    return { schoolId: school.id, municipalityId: municipality.id, regionId: region.id, adminUserId: user.id, login, startingPassword };
  });
}
