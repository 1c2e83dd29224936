import { AppScope } from '../entities';

/** Every scope an app may be registered for and ask for (DOMAIN.md "Third-party apps"). */
export const ALL_APP_SCOPES: readonly string[] = Object.values(AppScope);

/** What the parent reads on the consent page for each scope (server/oauth/pages.ts shows it). */
export const APP_SCOPE_MEANING: Record<AppScope, { ru: string; en: string }> = {
  [AppScope.DIARY_READ]: {
    ru: 'Читать дневник: уроки, темы, домашние задания, отметки и посещаемость выбранных детей',
    en: 'Read the diary: lessons, topics, homework, marks and attendance of the chosen children',
  },
  [AppScope.EVENTS_READ]: {
    ru: 'Получать новые отметки и пропуски выбранных детей сразу, как их поставят',
    en: 'Receive new marks and absences of the chosen children as they are entered',
  },
  [AppScope.PROFILE]: {
    ru: 'Знать ваше имя и имена выбранных детей',
    en: 'Know your name and the names of the chosen children',
  },
};
