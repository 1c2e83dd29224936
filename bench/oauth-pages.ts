import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { APP_SCOPE_MEANING } from '../permissions/app-scopes';
import { AppScope } from '../entities';
import { consentPage, loginPage, type Lang } from '../server/oauth/pages';

/**
 * `npm run oauth:screenshots`: renders the authorization server's sign-in and consent pages
 * (server/oauth/pages.ts, the markup the server sends) in Debian's headless Chromium and writes
 * PNGs to docs/ (CHROMIUM=/usr/bin/chromium by default; `apt-get install chromium`).
 */
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const out = path.resolve(process.argv[2] ?? 'docs');
const work = mkdtempSync(path.join(tmpdir(), 'oauth-pages-'));

function shoot(name: string, html: string, height: number): void {
  const file = path.join(work, `${name}.html`);
  writeFileSync(file, html);
  execFileSync(chromium, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${path.join(work, 'profile')}`, '--hide-scrollbars',
    `--window-size=720,${height}`, `--screenshot=${path.join(out, `${name}.png`)}`, `file://${file}`,
  ], { stdio: 'ignore' });
  console.log(path.join(out, `${name}.png`));
}

const lang: Lang = process.env.LANG_PAGE === 'en' ? 'en' : 'ru';
shoot('oauth-sign-in', loginPage({ lang, uid: 'example', appName: 'Дневник+', csrf: 'example', error: undefined }).html, 640);
shoot('oauth-consent', consentPage({
  lang, uid: 'example', appName: 'Дневник+', login: 'p.ivanova', csrf: 'example',
  children: [{ id: 'a', label: 'Иванов Иван', checked: true }, { id: 'b', label: 'Иванова Анна', checked: false }],
  scopes: Object.values(AppScope).map((s) => ({ id: s, label: APP_SCOPE_MEANING[s][lang], checked: s !== AppScope.EVENTS_READ })),
}).html, 900);
rmSync(work, { recursive: true, force: true });
