import type { EntityManager } from '@mikro-orm/postgresql';
import { PersonCardKind } from '../../entities';
import { badInput, forbidden, notFound } from '../../lib/errors';
import { holdsIn } from '../../permissions/registry';
import type { Viewer } from '../../permissions/viewer';
import type { Page, PageRequest } from '../journal/journal.queries';
import { CONSENT_FIELDS } from './personal-data-consent';

// The regulation's personal-data reads (004 §3.1, §6.1): the access log of card reads, and the
// cards lacking a consent. Who may read them: permissions/policies/personal-data.policy.ts.
// Each page is one statement whatever its size, the total included (even past the last page).

export interface PersonalDataLogFilter {
  schoolId: string;
  readerId?: string | null;
  /** One card: its kind and uuid. */
  subject?: { kind: PersonCardKind; id: string } | null;
  from?: Date | null;
  to?: Date | null;
}

/** One logged read: who read whose card, when, through what. */
export interface PersonalDataReadRow {
  id: string;
  at: Date;
  reader: { id: string; login: string };
  readerName: string | null;
  cardKind: PersonCardKind;
  cardId: string;
  /** Null when the card is gone (the log outlives it). */
  subjectName: string | null;
  what: string;
}

const NAME = (t: string) => `concat_ws(' ', ${t}.last_name, ${t}.first_name, ${t}.middle_name)`;

/**
 * The personal-data access log of one school, newest first (`personalDataLog.read`: ADMIN and
 * DIRECTOR of that school; anyone else, another school included, answers NOT_FOUND).
 * Served by the (school, at), (actor, at) and (card_id) indexes.
 */
export async function personalDataLog(em: EntityManager, viewer: Viewer, filter: PersonalDataLogFilter, page: PageRequest): Promise<Page<PersonalDataReadRow>> {
  if (!holdsIn(viewer, 'personalDataLog.read', filter.schoolId)) throw notFound('School');
  if (filter.from && filter.to && filter.to < filter.from) throw badInput('to', '"to" is before "from".');
  const rows = await em.getConnection().execute<{
    total: number; id: string | null; at: string; actor_id: string; login: string; reader_name: string | null;
    card_kind: PersonCardKind; card_id: string; subject_name: string | null; what: string;
  }[]>(
    `with f as (
       select a.id, a.at, a.actor_id, a.card_kind, a.card_id, a.what from personal_data_access a
        where a.school_id = ?
          and (?::uuid is null or a.actor_id = ?::uuid)
          and (?::uuid is null or (a.card_id = ?::uuid and a.card_kind = ?::person_card_kind))
          and (?::timestamptz is null or a.at >= ?::timestamptz)
          and (?::timestamptz is null or a.at < ?::timestamptz))
     select c.total, p.* from (select count(*)::int as total from f) c
       left join lateral (
         select f.id, f.at, f.actor_id, u.login, f.card_kind, f.card_id, f.what,
                (select ${NAME('e')} from employee e where e.user_id = f.actor_id) as reader_name,
                case f.card_kind
                  when 'STUDENT' then (select ${NAME('s')} from student s where s.id = f.card_id)
                  when 'GUARDIAN' then (select ${NAME('g')} from guardian g where g.id = f.card_id)
                  else (select ${NAME('e')} from employee e where e.id = f.card_id) end as subject_name
           from f join app_user u on u.id = f.actor_id
          order by f.at desc, f.id desc limit ? offset ?) p on true`,
    [
      filter.schoolId, filter.readerId ?? null, filter.readerId ?? null,
      filter.subject?.id ?? null, filter.subject?.id ?? null, filter.subject?.kind ?? null,
      filter.from ?? null, filter.from ?? null, filter.to ?? null, filter.to ?? null, page.first, page.offset,
    ],
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.filter((r) => r.id !== null).map((r) => ({
      id: r.id!, at: new Date(r.at), reader: { id: r.actor_id, login: r.login }, readerName: r.reader_name || null,
      cardKind: r.card_kind, cardId: r.card_id, subjectName: r.subject_name || null, what: r.what,
    })),
  };
}

/** A card with no consent in force. */
export interface CardLackingConsentRow {
  kind: PersonCardKind;
  id: string;
  fullName: string;
  /** The card holds some field beyond the name that needs a consent (held without one: to be put right first). */
  holdsPersonalData: boolean;
  /** The last consent's withdrawal date, when there was one; null: none was ever recorded. */
  lastWithdrawnOn: string | null;
}

export interface CardsLackingConsentFilter {
  schoolId: string;
  kinds?: PersonCardKind[] | null;
  holdingPersonalDataOnly?: boolean | null;
}

const TABLE: Readonly<Record<PersonCardKind, string>> = {
  [PersonCardKind.STUDENT]: 'student', [PersonCardKind.GUARDIAN]: 'guardian', [PersonCardKind.EMPLOYEE]: 'employee',
};

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** One branch of the union: a kind's cards without a consent in force (`personal_data_consent_at`, kept by cards.service.ts). */
function lackingOf(kind: PersonCardKind): string {
  const t = TABLE[kind];
  const holds = CONSENT_FIELDS[kind].map((f) => `x.${snake(f)} is not null`).join(' or ');
  return `select '${kind}'::text as kind, x.id, x.last_name, x.first_name, ${NAME('x')} as full_name, (${holds}) as holds_data,
            (select max(c.withdrawn_on) from personal_data_consent c where c.${t}_id = x.id) as withdrawn_on
       from "${t}" x where ?::boolean and x.school_id = ? and x.personal_data_consent_at is null`;
}

/**
 * The school's cards lacking a consent to processing (004 §6.1): students and guardians for
 * `consentReport.students` (the heads and the secretary), employees for `consentReport.employees`
 * (the heads, the secretary and HR). Asking for kinds one may not read is FORBIDDEN; another
 * school NOT_FOUND. Cards holding data come first, then by kind and name.
 */
export async function cardsLackingConsent(
  em: EntityManager, viewer: Viewer, filter: CardsLackingConsentFilter, page: PageRequest,
): Promise<Page<CardLackingConsentRow>> {
  const families = holdsIn(viewer, 'consentReport.students', filter.schoolId);
  const staff = holdsIn(viewer, 'consentReport.employees', filter.schoolId);
  if (!families && !staff) throw notFound('School');
  const allowed = new Set<PersonCardKind>([
    ...(families ? [PersonCardKind.STUDENT, PersonCardKind.GUARDIAN] : []), ...(staff ? [PersonCardKind.EMPLOYEE] : []),
  ]);
  const asked = filter.kinds?.length ? new Set(filter.kinds) : allowed;
  const refused = [...asked].filter((k) => !allowed.has(k));
  if (refused.length) throw forbidden(`You may not read the ${refused.join(', ').toLowerCase()} cards of this school.`);
  const kinds = [PersonCardKind.STUDENT, PersonCardKind.GUARDIAN, PersonCardKind.EMPLOYEE];
  const rows = await em.getConnection().execute<{
    total: number; kind: PersonCardKind | null; id: string; full_name: string; holds_data: boolean; withdrawn_on: string | null;
  }[]>(
    `with f as (${kinds.map(lackingOf).join('\n union all ')})
     select c.total, p.* from (select count(*)::int as total from f where not ?::boolean or f.holds_data) c
       left join lateral (
         select f.kind, f.id, f.full_name, f.holds_data, f.withdrawn_on::text as withdrawn_on from f
          where not ?::boolean or f.holds_data
          order by f.holds_data desc, array_position(array['STUDENT', 'GUARDIAN', 'EMPLOYEE'], f.kind), f.last_name, f.first_name, f.id
          limit ? offset ?) p on true`,
    [
      ...kinds.flatMap((k) => [asked.has(k), filter.schoolId]),
      !!filter.holdingPersonalDataOnly, !!filter.holdingPersonalDataOnly, page.first, page.offset,
    ],
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.filter((r) => r.kind !== null).map((r) => ({
      kind: r.kind!, id: r.id, fullName: r.full_name, holdsPersonalData: r.holds_data, lastWithdrawnOn: r.withdrawn_on,
    })),
  };
}
