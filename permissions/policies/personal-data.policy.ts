import { Role } from '../../entities';
import { holds } from '../policy';
import { SCHOOL_HEADS } from '../roles';
import type { PermissionSpec } from '../policy';

/**
 * Personal data as the regulation keeps it (004 §3.1, §6.1; 152-ФЗ).
 *
 * The access log: every staff read of a student's or guardian's card is logged
 * (domain/people/cards.service.ts `CardReadLog`); the school's heads read that log, like the
 * whole audit log it belongs to (matrix "audit log": ADMIN R, DIRECTOR R — the journal part of it,
 * which DEP_ACAD reads, holds no card reads). Another school's log is never visible.
 *
 * Consents (004 §6.1: personal data goes in «с письменного согласия субъектов персональных данных»):
 * - A card's personal fields beyond the name — a student's birth date, gender, address, phone,
 *   e-mail, identity document and СНИЛС; a guardian's phone, e-mail and address; an employee's
 *   phone and e-mail — are written (set, not cleared: erasing needs no consent) only while a
 *   consent to processing is in force on that very card; else CONSENT_REQUIRED, nothing written.
 * - Whose consent: a guardian's and an employee's card, the person themself (an adult). A
 *   student's card, while the student is a minor (under 18 on the day the consent is given, or
 *   of unknown birth date), their parent or legal representative (152-ФЗ art. 9; СК РФ art. 64:
 *   parents are their children's legal representatives): the consent names the signer and their
 *   relation (мать, отец, опекун, …), and a minor's consent given by the student themself
 *   («сам») is refused. An adult student gives their own.
 * - An employee's position and hire and dismissal dates are the employment record the school
 *   keeps by law (ТК РФ art. 86; 152-ФЗ art. 6 §1.5: needed for the labour contract) and need no
 *   consent; the name never does (every card has one).
 * Who records and withdraws a consent: `consent.write` (cards.policy.ts) and `employeeCard.write`.
 * Who reads a card's consents: whoever reads the card (`studentCard.read`, `guardianCard.readOthers`,
 * `employeeCard.read` — so an employee's consents are read by ADMIN, DIRECTOR, DEP_ACAD, DEP_PAST,
 * SECRETARY and HR, as the card is).
 */
export const PERSONAL_DATA_POLICY = {
  'personalDataLog.read': {
    matrix: 'audit log: ADMIN R, DIRECTOR R — the personal-data access log of their school (who read whose card, when; 004 §3.1)',
    target: 'school',
    allow: holds(SCHOOL_HEADS),
  },
  'consentReport.students': {
    matrix: 'student and guardian cards: the cards lacking a consent (004 §6.1), for the school\'s heads and the card keeper (SECRETARY W create, 004 §6.3)',
    target: 'school',
    allow: holds(SCHOOL_HEADS, Role.SECRETARY),
  },
  'consentReport.employees': {
    matrix: 'employee cards: the cards lacking a consent (004 §6.1), for the school\'s heads and those who keep the cards (SECRETARY W, HR W, 004 §6.2)',
    target: 'school',
    allow: holds(SCHOOL_HEADS, Role.SECRETARY, Role.HR),
  },
} satisfies Record<string, PermissionSpec>;
