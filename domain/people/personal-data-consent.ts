import type { EntityManager } from '@mikro-orm/postgresql';
import { Employee, Guardian, PersonCardKind, Student } from '../../entities';
import { badInput, consentRequired } from '../../lib/errors';
import { toGlobalId } from '../../schema/global-id';

/**
 * The consent rule of 004 §6.1 (personal data goes in only with the written consent of its
 * subject), as permissions/policies/personal-data.policy.ts states it: which fields of a card
 * need a consent in force, and whose consent that is. Enforced by every write of those fields
 * (domain/people/cards.service.ts: create and update of the three cards).
 */

/** The fields beyond the name that need a consent, per card. */
export const CONSENT_FIELDS: Readonly<Record<PersonCardKind, readonly string[]>> = {
  [PersonCardKind.STUDENT]: ['birthDate', 'gender', 'address', 'phone', 'email', 'identityDocumentKind', 'identityDocumentNumber', 'snils'],
  [PersonCardKind.GUARDIAN]: ['phone', 'email', 'address'],
  // Position, hiredOn and dismissedOn: the employment record kept by law (ТК РФ art. 86), no consent.
  [PersonCardKind.EMPLOYEE]: ['phone', 'email'],
};

/** Who must sign: the person themself, or (a minor student) their parent or legal representative. */
export type ConsentGiver = 'SUBJECT' | 'LEGAL_REPRESENTATIVE';

const TABLES: Readonly<Record<PersonCardKind, string>> = {
  [PersonCardKind.STUDENT]: 'student', [PersonCardKind.GUARDIAN]: 'guardian', [PersonCardKind.EMPLOYEE]: 'employee',
};

export function cardKindOf(card: Student | Guardian | Employee): PersonCardKind {
  return card instanceof Student ? PersonCardKind.STUDENT : card instanceof Guardian ? PersonCardKind.GUARDIAN : PersonCardKind.EMPLOYEE;
}

/** Under 18 on `on`; a student of unknown birth date counts as a minor (a school's pupils nearly all are). */
export function isMinorOn(birthDate: string | null | undefined, on: string): boolean {
  if (!birthDate) return true;
  const adultFrom = `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`;
  return on < adultFrom;
}

export function consentGiver(kind: PersonCardKind, birthDate: string | null | undefined, on: string): ConsentGiver {
  return kind === PersonCardKind.STUDENT && isMinorOn(birthDate, on) ? 'LEGAL_REPRESENTATIVE' : 'SUBJECT';
}

const SELF = new Set(['сам', 'сама', 'self', 'лично']);

/**
 * A minor's consent is given by their parent or legal representative: the consent names the
 * relation, and it is not the student themself. Other consents are the subject's own.
 */
export function checkConsentGiver(kind: PersonCardKind, birthDate: string | null | undefined, givenOn: string, givenByRelation: string | null | undefined): void {
  if (consentGiver(kind, birthDate, givenOn) !== 'LEGAL_REPRESENTATIVE') return;
  const relation = (givenByRelation ?? '').trim().toLowerCase();
  if (!relation || SELF.has(relation)) {
    throw badInput('givenByRelation',
      'A minor\'s consent to personal-data processing is given by their parent or legal representative: say who signed ("мать", "отец", "опекун", …).');
  }
}

/** The consent-needing fields a patch sets to a new, non-empty value (clearing one needs no consent). */
export function fieldsNeedingConsent(kind: PersonCardKind, card: object | null, values: Record<string, unknown>): string[] {
  const row = (card ?? {}) as Record<string, unknown>;
  return CONSENT_FIELDS[kind].filter((f) => values[f] !== undefined && values[f] !== null && (row[f] ?? null) !== values[f]);
}

/**
 * Refuses the write (CONSENT_REQUIRED, nothing written) unless a consent is in force on the
 * card. For an existing card the mark is read under the card's row lock, so a consent
 * withdrawn concurrently is either seen or waits for this write.
 */
export async function requireConsent(
  em: EntityManager, kind: PersonCardKind, cardId: string | null, fields: string[], birthDate: string | null | undefined, today: string,
  consentGiven: boolean,
): Promise<void> {
  if (fields.length === 0 || consentGiven) return;
  if (cardId) {
    const [row] = await em.getConnection().execute<{ consent_at: Date | null }[]>(
      `select personal_data_consent_at as consent_at from "${TABLES[kind]}" where id = ? for update`, [cardId],
    );
    if (row?.consent_at) return;
  }
  throw missingConsent(kind, cardId, fields, consentGiver(kind, birthDate, today));
}

const CARD_WORDS: Readonly<Record<PersonCardKind, [string, 'Student' | 'Guardian' | 'Employee']>> = {
  [PersonCardKind.STUDENT]: ['student', 'Student'], [PersonCardKind.GUARDIAN]: ['guardian', 'Guardian'],
  [PersonCardKind.EMPLOYEE]: ['employee', 'Employee'],
};

function missingConsent(kind: PersonCardKind, cardId: string | null, fields: string[], givenBy: ConsentGiver) {
  const [word, type] = CARD_WORDS[kind];
  const whose = givenBy === 'LEGAL_REPRESENTATIVE'
    ? `the ${word}'s parent or legal representative (the ${word} is a minor)`
    : `the ${word} themself`;
  return consentRequired(
    `Writing ${fields.join(', ')} on this ${word}'s card needs a consent to personal-data processing in force (004 §6.1), `
      + `given by ${whose}: ${cardId ? 'record it first (recordConsent)' : 'give it with the new card ("consent"), or create the card with the name alone'}.`,
    { card: kind, cardId: cardId ? toGlobalId(type, cardId) : null, givenBy },
    fields,
  );
}
