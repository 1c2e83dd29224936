import { randomBytes } from 'node:crypto';

/**
 * The authorization server's own pages (sign-in, consent, error): plain HTML forms that work
 * without JavaScript, in Russian with English as a second language (`?lang=en`, or the browser's
 * Accept-Language), every control labelled, keyboard order the reading order, errors announced
 * (role="alert"). Styles come inline under a per-response CSP nonce; nothing else may load.
 */
export type Lang = 'ru' | 'en';

/** `?lang=` wins, then the first of ru/en in Accept-Language; Russian by default. */
export function pickLang(query: unknown, acceptLanguage: string | undefined): Lang {
  if (query === 'en' || query === 'ru') return query;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'ru' || tag === 'en') return tag;
  }
  return 'ru';
}

const TEXT = {
  ru: {
    signInTitle: 'Вход', signInLead: (app: string) => `Приложение «${app}» просит доступ к электронному дневнику. Войдите, чтобы решить, что ему разрешить. Ваш пароль приложению не передаётся.`,
    login: 'Логин', password: 'Пароль', signIn: 'Войти', cancel: 'Отказать',
    consentTitle: 'Доступ для приложения', consentLead: (app: string, login: string) => `Приложение «${app}» просит доступ к данным вашей семьи. Вы вошли как ${login}.`,
    children: 'Чьи данные приложение увидит', scopes: 'Что приложению разрешено', allow: 'Разрешить', deny: 'Отказать',
    revokeHint: 'Доступ можно отозвать в любой момент в списке приложений.',
    noChildren: 'У вашей учётной записи нет детей, к данным которых можно дать доступ.',
    badLogin: 'Неверный логин или пароль.', throttled: (s: number) => `Слишком много попыток входа. Попробуйте через ${Math.ceil(s / 60)} мин.`,
    pickChild: 'Отметьте хотя бы одного ребёнка.', pickScope: 'Отметьте хотя бы одно разрешение.',
    errorTitle: 'Ошибка', expired: 'Запрос устарел или уже выполнен. Вернитесь в приложение и начните заново.',
    csrf: 'Форма устарела. Откройте страницу заново.',
    self: 'Вы сами',
  },
  en: {
    signInTitle: 'Sign in', signInLead: (app: string) => `The app “${app}” asks for access to the school diary. Sign in to decide what it may do. Your password is not shared with the app.`,
    login: 'Login', password: 'Password', signIn: 'Sign in', cancel: 'Deny',
    consentTitle: 'Access for an app', consentLead: (app: string, login: string) => `The app “${app}” asks for access to your family's data. You are signed in as ${login}.`,
    children: 'Whose data the app will see', scopes: 'What the app may do', allow: 'Allow', deny: 'Deny',
    revokeHint: 'You can revoke this access at any time in your list of apps.',
    noChildren: 'Your account has no children whose data you could share.',
    badLogin: 'Wrong login or password.', throttled: (s: number) => `Too many sign-in attempts. Try again in ${Math.ceil(s / 60)} min.`,
    pickChild: 'Tick at least one child.', pickScope: 'Tick at least one permission.',
    errorTitle: 'Error', expired: 'This request has expired or was already completed. Go back to the app and start again.',
    csrf: 'This form is out of date. Open the page again.',
    self: 'Yourself',
  },
} as const;

export const pageText = (lang: Lang) => TEXT[lang];

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f3f5f8}
main{max-width:30rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1{font-size:1.5rem;margin:0 0 1rem}p{margin:0 0 1rem}label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input[type=text],input[type=password]{width:100%;padding:.6rem .7rem;font:inherit;border:1px solid #6b7480;border-radius:6px}
fieldset{border:1px solid #c9ced6;border-radius:8px;margin:1rem 0;padding:.5rem 1rem 1rem}legend{font-weight:600;padding:0 .25rem}
.check{display:flex;gap:.6rem;align-items:flex-start;font-weight:400;margin:.6rem 0}.check input{flex:none;width:1.15rem;height:1.15rem;margin-top:.2rem}
.actions{display:flex;gap:.75rem;margin-top:1.5rem}button{font:inherit;font-weight:600;padding:.6rem 1.2rem;border-radius:6px;border:2px solid #1a56db;cursor:pointer}
.primary{background:#1a56db;color:#fff}.secondary{background:#fff;color:#1a56db}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}.alert{padding:.75rem 1rem;border-radius:6px;background:#fdecea;color:#8a1c13;border:1px solid #f5c2bd}
.hint{color:#4a525c;font-size:.9rem}.lang{float:right;font-size:.9rem}a{color:#1a56db}
`;

export interface Page { html: string; nonce: string }

/** The CSP of a page: its own inline style (by nonce), nothing else loads; forms post back here. */
export const pageCsp = (nonce: string) => `default-src 'none'; style-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'`;

export function layout(lang: Lang, title: string, body: string, switchTo?: string): Page {
  const nonce = randomBytes(16).toString('base64');
  const other = lang === 'ru' ? 'en' : 'ru';
  const switcher = switchTo ? `<a class="lang" href="${escapeHtml(switchTo)}?lang=${other}" lang="${other}">${other === 'en' ? 'English' : 'Русский'}</a>` : '';
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head>
<body><main>${switcher}<h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return { html, nonce };
}

const alert = (message: string | undefined) => (message ? `<p class="alert" role="alert">${escapeHtml(message)}</p>` : '');
const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;

export function loginPage(o: { lang: Lang; uid: string; appName: string; csrf: string; error?: string; login?: string }): Page {
  const t = pageText(o.lang);
  const action = `/oauth/interaction/${encodeURIComponent(o.uid)}`;
  return layout(o.lang, t.signInTitle, `
<p>${escapeHtml(t.signInLead(o.appName))}</p>${alert(o.error)}
<form method="post" action="${action}/login">${hidden('csrf', o.csrf)}${hidden('lang', o.lang)}
<label for="login">${t.login}</label><input id="login" name="login" type="text" autocomplete="username" required autofocus value="${escapeHtml(o.login ?? '')}">
<label for="password">${t.password}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions"><button class="primary" type="submit">${t.signIn}</button></div></form>
<form method="post" action="${action}/abort">${hidden('csrf', o.csrf)}${hidden('lang', o.lang)}<div class="actions"><button class="secondary" type="submit">${t.cancel}</button></div></form>`, action);
}

export interface ConsentChoice { id: string; label: string; checked: boolean }

export function consentPage(o: {
  lang: Lang; uid: string; appName: string; login: string; csrf: string; error?: string;
  children: ConsentChoice[]; scopes: ConsentChoice[];
}): Page {
  const t = pageText(o.lang);
  const action = `/oauth/interaction/${encodeURIComponent(o.uid)}`;
  const boxes = (name: string, items: ConsentChoice[]) => items.map((item, i) =>
    `<label class="check" for="${name}-${i}"><input type="checkbox" id="${name}-${i}" name="${name}" value="${escapeHtml(item.id)}"${item.checked ? ' checked' : ''}><span>${escapeHtml(item.label)}</span></label>`).join('');
  const allow = o.children.length
    ? `<fieldset><legend>${t.children}</legend>${boxes('student', o.children)}</fieldset>
<fieldset><legend>${t.scopes}</legend>${boxes('scope', o.scopes)}</fieldset>
<p class="hint">${t.revokeHint}</p>
<div class="actions"><button class="primary" type="submit">${t.allow}</button></div>`
    : `<p>${t.noChildren}</p>`;
  return layout(o.lang, t.consentTitle, `
<p>${escapeHtml(t.consentLead(o.appName, o.login))}</p>${alert(o.error)}
<form method="post" action="${action}/consent">${hidden('csrf', o.csrf)}${hidden('lang', o.lang)}${allow}</form>
<form method="post" action="${action}/abort">${hidden('csrf', o.csrf)}${hidden('lang', o.lang)}<div class="actions"><button class="secondary" type="submit">${t.deny}</button></div></form>`, action);
}

export function errorPage(message: string, acceptLanguage?: string): Page {
  const lang = pickLang(undefined, acceptLanguage);
  // oidc-provider's own descriptions are English; the heading is the reader's language.
  return layout(lang, pageText(lang).errorTitle, `<p role="alert">${escapeHtml(message)}</p>`);
}
