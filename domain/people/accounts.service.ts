import { randomInt } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Employee, Guardian, Role, RoleGrant, School, Student, User } from '../../entities';
import { accountReach, issueReachForCard } from '../../permissions/account-reach';
import { holdsIn } from '../../permissions/registry';
import { SCHOOL_ROLES } from '../../permissions/roles';
import { audit } from '../audit';
import { hashPassword } from '../auth/auth.service';
import { AppError, ErrorCode, badInput, notFound } from '../../lib/errors';
import { optionalText } from '../../lib/text';
import type { RequestScope } from '../request-scope';
import { writeTransaction } from '../write';
import { revokeAllSessions } from '../auth/sessions.service';

/** An account that also belongs elsewhere (another school, a staff role, a child of another class): not this actor's to manage. */
function beyondReach(): AppError {
  return new AppError(ErrorCode.FORBIDDEN, 'The account also holds roles or cards beyond what you manage: the administrators of every school involved manage it.',
    { reason: 'ACCOUNT_BEYOND_REACH' });
}

const LOGIN = /^[a-z0-9][a-z0-9._-]{2,99}$/;
/** No 0/O, 1/l/I: starting passwords are read off paper. */
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const STARTING_PASSWORD_LENGTH = 12;

/** A fresh account's or a reset's password, shown once to whoever issued it, never stored in clear nor logged. */
export function generateStartingPassword(): string {
  let out = '';
  for (let i = 0; i < STARTING_PASSWORD_LENGTH; i += 1) out += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return out;
}

export interface IssuedCredentials { account: User; login: string; startingPassword: string }

export interface CreateAccountCommand {
  schoolId: string; login: string; roles: Role[];
  employeeId?: string | null; studentId?: string | null; guardianId?: string | null;
}
export interface RoleCommand { userId: string; schoolId: string; role: Role }
export interface LockCommand { userId: string; reason?: string | null; expectedVersion: number }
export interface ResetCommand { userId: string; expectedVersion: number }
export interface IssueCommand { studentId?: string | null; guardianId?: string | null; login?: string | null }

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y',
  ь: '', э: 'e', ю: 'yu', я: 'ya',
};
function latin(name: string): string {
  return [...name.toLowerCase()].map((c) => TRANSLIT[c] ?? (/[a-z0-9]/.test(c) ? c : '')).join('').slice(0, 40) || 'user';
}

/**
 * User accounts (access matrix "user accounts, roles, password reset"): the ADMIN writes the
 * accounts of their own school and grants school roles there only; a class teacher issues and
 * resets the credentials of their own class's students and parents (004 §3.2.3). An account
 * "of the school" holds a role there or has a card there; any other answers NOT_FOUND.
 */
export class AccountsService {
  constructor(private readonly scope: RequestScope) {}

  async createAccount(cmd: CreateAccountCommand): Promise<IssuedCredentials> {
    const login = this.checkLogin(cmd.login, 'login');
    const roles = [...new Set(cmd.roles ?? [])];
    if (roles.length === 0) throw badInput('roles', 'An account needs at least one role.');
    for (const role of roles) if (!SCHOOL_ROLES.includes(role)) throw badInput('roles', `${role} is not a school role.`);
    const cards = [cmd.employeeId, cmd.studentId, cmd.guardianId].filter(Boolean);
    if (cards.length > 1) throw badInput('employeeId', 'An account belongs to at most one card.');
    return this.write(async (em, now) => {
      this.requireAdmin(cmd.schoolId);
      const card = await this.unlinkedCard(em, cmd);
      if (await em.count(User, { login })) throw badInput('login', `The login "${login}" is taken.`);
      const password = generateStartingPassword();
      const user = em.create(User, {
        login, passwordHash: await hashPassword(password), mustChangePassword: true, createdAt: now,
        createdBy: em.getReference(User, this.scope.viewer.userId),
      });
      for (const role of roles) this.grant(em, user, role, cmd.schoolId, now);
      if (card) card.user = user;
      this.audit(em, now, cmd.schoolId, 'account.create', user.id, null, {
        login, roles, card: card ? { kind: card.constructor.name, id: card.id } : null,
      });
      return { account: user, login, startingPassword: password };
    });
  }

  async grantRole(cmd: RoleCommand): Promise<User> {
    this.checkRole(cmd.role);
    return this.write(async (em, now) => {
      this.requireAdmin(cmd.schoolId);
      const user = await this.managedAccount(em, cmd.userId, 'account.manage');
      if (await em.count(RoleGrant, { user, role: cmd.role, school: cmd.schoolId })) {
        throw badInput('role', `The account already holds ${cmd.role} here.`);
      }
      this.grant(em, user, cmd.role, cmd.schoolId, now);
      this.audit(em, now, cmd.schoolId, 'account.grant_role', user.id, null, { role: cmd.role });
      return user;
    });
  }

  async revokeRole(cmd: RoleCommand): Promise<User> {
    this.checkRole(cmd.role);
    return this.write(async (em, now) => {
      this.requireAdmin(cmd.schoolId);
      const user = await this.managedAccount(em, cmd.userId, 'account.manage');
      if (user.id === this.scope.viewer.userId && cmd.role === Role.ADMIN) {
        throw badInput('role', 'An administrator cannot take away their own ADMIN role.');
      }
      const grant = await em.findOne(RoleGrant, { user, role: cmd.role, school: cmd.schoolId });
      if (!grant) throw badInput('role', `The account holds no ${cmd.role} role here.`);
      em.remove(grant);
      this.audit(em, now, cmd.schoolId, 'account.revoke_role', user.id, { role: cmd.role, grantedAt: grant.grantedAt }, null);
      return user;
    });
  }

  async lockAccount(cmd: LockCommand, schoolId: string): Promise<User> {
    const reason = optionalText(cmd.reason, 'reason', 500);
    return this.write(async (em, now) => {
      this.requireAdmin(schoolId);
      const user = await this.managedAccount(em, cmd.userId, 'account.manage');
      await em.lock(user, LockMode.OPTIMISTIC, cmd.expectedVersion);
      if (user.id === this.scope.viewer.userId) throw badInput('userId', 'You cannot lock your own account.');
      if (user.locked) throw badInput('userId', 'The account is already locked.');
      user.locked = true;
      user.lockedAt = now;
      user.lockedReason = reason ?? undefined;
      await revokeAllSessions(em, user.id, now);
      this.audit(em, now, schoolId, 'account.lock', user.id, { locked: false }, { locked: true, reason });
      return user;
    });
  }

  async unlockAccount(cmd: ResetCommand, schoolId: string): Promise<User> {
    return this.write(async (em, now) => {
      this.requireAdmin(schoolId);
      const user = await this.managedAccount(em, cmd.userId, 'account.manage');
      await em.lock(user, LockMode.OPTIMISTIC, cmd.expectedVersion);
      if (!user.locked) throw badInput('userId', 'The account is not locked.');
      const before = { locked: true, lockedAt: user.lockedAt, reason: user.lockedReason ?? null };
      user.locked = false;
      user.lockedAt = undefined;
      user.lockedReason = undefined;
      this.audit(em, now, schoolId, 'account.unlock', user.id, before, { locked: false });
      return user;
    });
  }

  /** A new starting password for an account of the school; every session of it ends. */
  async resetPassword(cmd: ResetCommand, schoolId: string): Promise<IssuedCredentials> {
    return this.write(async (em, now) => {
      this.requireAdmin(schoolId);
      const user = await this.managedAccount(em, cmd.userId, 'account.manage');
      await em.lock(user, LockMode.OPTIMISTIC, cmd.expectedVersion);
      return this.reset(em, user, schoolId, now);
    });
  }

  /**
   * The class teacher (or the ADMIN) issues credentials to a student of their class or to a
   * guardian of one (004 §3.2.3): a new STUDENT/PARENT account when the card has none, else
   * a reset of its password. Anyone else's card answers NOT_FOUND.
   */
  async issueCredentials(cmd: IssueCommand): Promise<IssuedCredentials> {
    if (Boolean(cmd.studentId) === Boolean(cmd.guardianId)) throw badInput('studentId', 'Give exactly one of studentId and guardianId.');
    return this.write(async (em, now) => {
      const card: Student | Guardian | null = cmd.studentId
        ? await em.findOne(Student, cmd.studentId, { populate: ['user'] })
        : await em.findOne(Guardian, cmd.guardianId!, { populate: ['user'] });
      const kind = card instanceof Student ? 'student' : 'guardian';
      const reach = card ? await issueReachForCard(em, this.scope.viewer, this.scope.clock, { kind, id: card.id, schoolId: card.school.id }) : 'NONE';
      if (!card || reach === 'NONE') throw notFound(cmd.studentId ? 'Student' : 'Guardian');
      if (reach === 'BEYOND') throw beyondReach();
      const schoolId = card.school.id;
      if (card.user) {
        if (cmd.login) throw badInput('login', 'The card already has an account; its login stays.');
        // Resetting hands the account over: only when all of it is the actor's (a family account of their class, or their school's).
        const user = await this.managedAccount(em, card.user.id, 'account.issueCredentials');
        await em.lock(user, LockMode.PESSIMISTIC_WRITE);
        return this.reset(em, user, schoolId, now);
      }
      const role = card instanceof Student ? Role.STUDENT : Role.PARENT;
      const login = cmd.login ? this.checkLogin(cmd.login, 'login') : await this.freeLogin(em, card instanceof Student ? 's' : 'p', card.lastName);
      if (await em.count(User, { login })) throw badInput('login', `The login "${login}" is taken.`);
      const password = generateStartingPassword();
      const user = em.create(User, {
        login, passwordHash: await hashPassword(password), mustChangePassword: true, createdAt: now,
        createdBy: em.getReference(User, this.scope.viewer.userId),
      });
      this.grant(em, user, role, schoolId, now);
      card.user = user;
      this.audit(em, now, schoolId, 'account.issue', user.id, null, { login, role, card: { kind: card.constructor.name, id: card.id } });
      return { account: user, login, startingPassword: password };
    });
  }

  private async reset(em: EntityManager, user: User, schoolId: string, now: Date): Promise<IssuedCredentials> {
    const password = generateStartingPassword();
    user.passwordHash = await hashPassword(password);
    user.mustChangePassword = true;
    await revokeAllSessions(em, user.id, now);
    this.audit(em, now, schoolId, 'account.reset_password', user.id, null, { mustChangePassword: true });
    return { account: user, login: user.login, startingPassword: password };
  }

  private async freeLogin(em: EntityManager, prefix: string, lastName: string): Promise<string> {
    const base = `${prefix}.${latin(lastName)}`;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const login = attempt === 0 ? base : `${base}${randomInt(10, 10_000)}`;
      if (!(await em.count(User, { login }))) return login;
    }
    throw badInput('login', 'No free login could be made from the name; give one.');
  }

  /** The card to link, of this school and without an account. */
  private async unlinkedCard(em: EntityManager, cmd: CreateAccountCommand): Promise<Employee | Student | Guardian | null> {
    const pick: [string | null | undefined, typeof Employee | typeof Student | typeof Guardian, string][] = [
      [cmd.employeeId, Employee, 'employeeId'], [cmd.studentId, Student, 'studentId'], [cmd.guardianId, Guardian, 'guardianId'],
    ];
    for (const [id, cls, field] of pick) {
      if (!id) continue;
      const card = await em.findOne(cls as typeof Employee, { id, school: cmd.schoolId });
      if (!card) throw notFound(cls.name);
      if (card.user) throw badInput(field, 'The card already has an account.');
      return card;
    }
    return null;
  }

  /**
   * An account the actor manages: every grant and card of it in the actor's schools
   * (permissions/account-reach.ts). None of it: NOT_FOUND; part of it: FORBIDDEN.
   */
  private async managedAccount(em: EntityManager, userId: string, permission: 'account.manage' | 'account.issueCredentials'): Promise<User> {
    const reach = await accountReach(em, this.scope.viewer, this.scope.clock, userId, permission);
    if (reach === 'BEYOND') throw beyondReach();
    const user = reach === 'WITHIN' ? await em.findOne(User, userId) : null;
    if (!user) throw notFound('Account');
    return user;
  }

  private grant(em: EntityManager, user: User, role: Role, schoolId: string, now: Date): void {
    em.create(RoleGrant, {
      user, role, school: em.getReference(School, schoolId), grantedAt: now, grantedBy: em.getReference(User, this.scope.viewer.userId),
    });
  }

  private requireAdmin(schoolId: string): void {
    if (!holdsIn(this.scope.viewer, 'account.manage', schoolId)) throw notFound('School');
  }

  private checkRole(role: Role): void {
    if (!SCHOOL_ROLES.includes(role)) throw badInput('role', `${role} is not a school role.`);
  }

  private checkLogin(value: string, field: string): string {
    const login = (value ?? '').trim().toLowerCase();
    if (!LOGIN.test(login)) throw badInput(field, 'A login has 3–100 latin letters, digits, ".", "_" or "-", starting with a letter or digit.');
    return login;
  }

  private audit(em: EntityManager, at: Date, schoolId: string, action: string, userId: string, before: unknown, after: unknown): void {
    audit(em, { actorId: this.scope.viewer.userId, schoolId, action, entityType: 'User', entityId: userId, before, after, ip: this.scope.ip, at });
  }

  private async write<T>(work: (em: EntityManager, now: Date) => Promise<T>): Promise<T> {
    return writeTransaction(this.scope, (unit) => work(unit.em, unit.now));
  }
}
