import type { EntityManager } from '@mikro-orm/postgresql';
import { AcademicYear, AcademicYearState, ClassGroup, Role, type School } from '../../entities';
import { toGlobalId } from '../../schema/global-id';
import { errorCode, type GraphQLResponse, type TestServer } from '../support/server';
import { buildStaff, buildUser, type World } from '../support/factories';

/** The tables the administration's writes touch. */
const PEOPLE_TABLES = [
  'app_user', 'role_grant', 'refresh_token', 'student', 'guardian', 'guardianship', 'employee', 'personal_data_consent',
  'movement_order', 'enrollment', 'audit_entry',
] as const;

/** A fingerprint (row count and a hash of every row) of each table an administration write touches. */
export async function peopleState(server: TestServer): Promise<Record<string, { count: number; hash: string }>> {
  const em = server.em();
  const state: Record<string, { count: number; hash: string }> = {};
  for (const table of PEOPLE_TABLES) {
    const [row] = await em.getConnection().execute<{ count: string; hash: string | null }[]>(
      `select count(*)::text as count, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from "${table}" t`,
    );
    state[table] = { count: Number(row.count), hash: row.hash ?? '' };
  }
  return state;
}

export const gid = toGlobalId;

/** Every kind of caller, by name, as the user id whose token they carry. */
export async function adminActors(em: EntityManager, w: World) {
  const pastoral = await buildStaff(em, w.school, [Role.DEPUTY_PASTORAL]);
  const otherSecretary = await buildStaff(em, w.otherSchool, [Role.SECRETARY]);
  const otherDeputy = await buildStaff(em, w.otherSchool, [Role.DEPUTY_ACADEMIC]);
  const regional = await buildUser(em, null, { roles: [] });
  return {
    admin: w.admin.user.id, director: w.director.user.id, deputyAcademic: w.deputy.user.id, deputyPastoral: pastoral.user.id,
    teacher: w.teacher.user.id, classTeacher: w.classTeacher.user.id, primaryTeacher: w.primaryTeacher.user.id,
    secretary: w.secretary.user.id, hr: w.hr.user.id, student: w.student.user!.id, parent: w.parent.user.id,
    coordinator: w.coordinator.id, otherSchoolAdmin: w.otherAdmin.user.id, otherSchoolSecretary: otherSecretary.user.id,
    otherSchoolDeputy: otherDeputy.user.id, noRoles: regional.id,
  };
}
export type AdminActors = Awaited<ReturnType<typeof adminActors>>;

export async function as(server: TestServer, userId: string | null, query: string, variables: Record<string, unknown> = {}) {
  return server.gql(query, variables, userId ? await server.token(userId) : undefined);
}

/** Sends a write that must be refused with `code` (and `field` for BAD_USER_INPUT), and proves nothing changed. */
export async function expectRefused(
  server: TestServer, userId: string | null, query: string, variables: Record<string, unknown>, code: string, field?: string,
): Promise<GraphQLResponse> {
  // The token (a session row) first: the snapshot must hold everything but the write itself.
  const token = userId ? await server.token(userId) : undefined;
  const before = await peopleState(server);
  const r = await server.gql(query, variables, token);
  expect(errorCode(r)).toBe(code);
  if (field) expect(r.errors?.[0]?.extensions?.field).toBe(field);
  expect(r.data ?? null).toBeNull();
  expect(await peopleState(server)).toEqual(before);
  return r;
}

/** Runs a write that must succeed and answers its data. */
export async function expectOk<T = Record<string, any>>(server: TestServer, userId: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await as(server, userId, query, variables);
  expect(r.errors).toBeUndefined();
  return r.data as T;
}

/** The school's next academic year (2027/2028) and a class of it. */
export async function nextYearClass(em: EntityManager, school: School, grade: number, letter = 'А'): Promise<ClassGroup> {
  let year = await em.findOne(AcademicYear, { school, name: '2027/2028' });
  year ??= em.create(AcademicYear, { school, name: '2027/2028', startsOn: '2027-09-01', endsOn: '2028-05-26', state: AcademicYearState.PLANNING });
  const cls = em.create(ClassGroup, { school, year, grade, letter });
  await em.flush();
  return cls;
}
