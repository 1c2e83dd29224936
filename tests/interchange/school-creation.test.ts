import { createSchool, STANDARD_WORK_TYPES, type CreateSchoolCommand } from '../../domain/region/school-creation';
import { TestServer } from '../support/server';

// A new school, its municipality and its first ADMIN come from the region's operator
// (`npm run school:create`, issue 18 part 1), never from a school's users.

let server: TestServer;
beforeAll(async () => { server = await TestServer.start(); });
afterAll(async () => { await server.stop(); });

const command = (over: Partial<CreateSchoolCommand> = {}): CreateSchoolCommand => ({
  region: 'Псковская область', municipality: 'Великие Луки', school: 'МБОУ СОШ № 1', timezone: 'Europe/Moscow',
  admin: { login: 'admin.vl1', lastName: 'Ефимова', firstName: 'Ольга' }, ...over,
});

async function counts() {
  const [row] = await server.em().getConnection().execute<Record<string, string>[]>(
    'select (select count(*) from region) regions, (select count(*) from municipality) municipalities, (select count(*) from school) schools, (select count(*) from app_user) users');
  return row;
}

describe('school:create', () => {
  it('creates the region, the municipality, the school with the standard work types, and its ADMIN on a starting password', async () => {
    const created = await createSchool(server.em(), command(), server.clock.now());
    const conn = server.em().getConnection();
    const [school] = await conn.execute<{ name: string; timezone: string; municipality: string; region: string }[]>(
      'select s.name, s.timezone, m.name municipality, r.name region from school s join municipality m on m.id = s.municipality_id join region r on r.id = m.region_id where s.id = ?', [created.schoolId]);
    expect(school).toEqual({ name: 'МБОУ СОШ № 1', timezone: 'Europe/Moscow', municipality: 'Великие Луки', region: 'Псковская область' });
    const types = await conn.execute<{ code: string }[]>('select code from work_type where school_id = ? order by code', [created.schoolId]);
    expect(types.map((t) => t.code)).toEqual(STANDARD_WORK_TYPES.map((t) => t.code).sort());
    const [admin] = await conn.execute<{ roles: string[]; must_change_password: boolean; card: string }[]>(
      `select array(select role::text from role_grant where user_id = u.id and school_id = ?) roles, u.must_change_password,
              (select last_name from employee where user_id = u.id) card from app_user u where u.id = ?`, [created.schoolId, created.adminUserId]);
    expect(admin).toEqual({ roles: ['ADMIN'], must_change_password: true, card: 'Ефимова' });
    const login = await server.gql(`mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }`, { l: 'admin.vl1', p: created.startingPassword });
    expect(login.errors).toBeUndefined();
    const [entry] = await conn.execute<{ action: string }[]>(`select action from audit_entry where school_id = ? and action = 'school.create'`, [created.schoolId]);
    expect(entry).toEqual({ action: 'school.create' });
  });

  it('a second school of the municipality joins the same municipality', async () => {
    const before = await counts();
    const second = await createSchool(server.em(), command({ school: 'МБОУ СОШ № 2', admin: { login: 'admin.vl2', lastName: 'Жукова', firstName: 'Вера' } }), server.clock.now());
    const after = await counts();
    expect(Number(after.municipalities)).toBe(Number(before.municipalities));
    expect(Number(after.schools)).toBe(Number(before.schools) + 1);
    expect(second.login).toBe('admin.vl2');
  });

  it.each([
    ['a taken login', command({ school: 'Школа 3', admin: { login: 'admin.vl1', lastName: 'А', firstName: 'Б' } }), 'login'],
    ['a malformed login', command({ school: 'Школа 4', admin: { login: 'Админ!', lastName: 'А', firstName: 'Б' } }), 'login'],
    ['an unknown time zone', command({ school: 'Школа 5', timezone: 'Mars/Olympus', admin: { login: 'admin.vl5', lastName: 'А', firstName: 'Б' } }), 'timezone'],
    ['a school name the municipality has', command({ admin: { login: 'admin.vl6', lastName: 'А', firstName: 'Б' } }), 'school'],
    ['no region', command({ region: '  ', school: 'Школа 7', admin: { login: 'admin.vl7', lastName: 'А', firstName: 'Б' } }), 'region'],
  ])('refuses %s with BAD_USER_INPUT on its field, creating nothing', async (_what, cmd, field) => {
    const before = await counts();
    const error = await createSchool(server.em(), cmd, server.clock.now()).then(() => null, (e: { extensions?: Record<string, unknown> }) => e);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await counts()).toEqual(before);
  });
});
