/** Special:UserLogin, Special:UserLogout and Special:Preferences. */
import type { Request, Response } from 'express';
import type { Services } from '../container.js';
import { chromeServices, presentChrome } from '../http/chromePresenter.js';
import { ctx, param } from '../http/context.js';
import { type FieldError, field, formToken, hasValidToken } from '../http/forms.js';
import { renderPage } from '../http/render.js';
import { clearSession, cookieOptions, ensureSession, LANGUAGE_COOKIE, setSession } from '../http/requestContext.js';
import { timestampParts } from '../i18n/formatDate.js';
import { returnToPath } from '../wiki/links.js';
import type { SpecialPage } from '../wiki/SpecialPage.js';
import { NS_SPECIAL } from '../wiki/namespaces.js';
import { parseTitle, type Title } from '../wiki/Title.js';
import { effectiveGroups } from './UserAccount.js';

export const accountPageServices = [...chromeServices, 'accounts', 'clock', 'messages'] as const;

export function accountSpecialPages(c: Services<(typeof accountPageServices)[number]>): SpecialPage[] {
  const specialTitle = (name: string): Title => {
    const parsed = parseTitle(`Special:${name}`, c.namespaces);
    if (!parsed.ok) throw new Error(`bad special page name ${name}`);
    return parsed.value;
  };
  const parseReturnTo = (s: string) => {
    const r = parseTitle(s, c.namespaces);
    return r.ok ? r.value : null;
  };

  async function showLogin(req: Request, res: Response, form: { name: string; errors: FieldError[]; status: number }) {
    const { t } = ctx(res);
    const session = await ensureSession(c, res);
    const returnTo = param(req.query, 'returnto') ?? field(req, 'returnto') ?? '';
    const returnToQuery = param(req.query, 'returntoquery') ?? field(req, 'returntoquery') ?? '';
    return renderPage(res, {
      view: 'accounts/login',
      status: form.status,
      model: {
        name: form.name,
        errors: form.errors,
        loginToken: c.sessions.token(session, 'login'),
        returnTo,
        returnToQuery,
        alreadyLoggedInAs: ctx(res).user?.name ?? null,
      },
      chrome: await presentChrome(c, res, { title: specialTitle('UserLogin'), heading: t('login-title'), action: 'special' }),
    });
  }

  const login: SpecialPage = {
    name: 'UserLogin',
    titleKey: 'login-title',
    listed: true,
    get: (req, res) => showLogin(req, res, { name: param(req.query, 'wpName') ?? '', errors: [], status: 200 }),
    async post(req, res) {
      const name = field(req, 'wpName') ?? '';
      const password = field(req, 'wpPassword') ?? '';
      const { session, address } = ctx(res);
      if (!c.sessions.verifyToken(session, 'login', field(req, 'wpLoginToken'))) {
        return showLogin(req, res, { name, errors: [{ field: 'wpName', messageKey: 'session-failure' }], status: 400 });
      }
      const missing: FieldError[] = [];
      if (!name.trim()) missing.push({ field: 'wpName', messageKey: 'login-error-name-required' });
      if (!password) missing.push({ field: 'wpPassword', messageKey: 'login-error-password-required' });
      if (missing.length) return showLogin(req, res, { name, errors: missing, status: 400 });
      const result = await c.accounts.authenticate(name, password, address);
      if (!result.ok) {
        const status = result.messageKey === 'login-error-throttled' ? 429 : 400;
        // One generic message about the whole login, said once (not again beside the password).
        return showLogin(req, res, { name, errors: [{ field: 'wpPassword', messageKey: result.messageKey, summaryOnly: true, ...(result.params ? { params: result.params } : {}) }], status });
      }
      await setSession(c, res, await c.sessions.rotate(session, result.value.id));
      res.redirect(303, ctx(res).link(returnToPath(field(req, 'returnto'), field(req, 'returntoquery'), parseReturnTo)));
    },
  };

  const logout: SpecialPage = {
    name: 'UserLogout',
    titleKey: 'logout-title',
    listed: false,
    async get(_req, res) {
      const { t, user } = ctx(res);
      return renderPage(res, {
        view: 'accounts/logout',
        model: { loggedIn: user !== null, token: formToken(c, res), done: false },
        chrome: await presentChrome(c, res, { title: specialTitle('UserLogout'), heading: t('logout-title'), action: 'special' }),
      });
    },
    async post(req, res) {
      const { t, session } = ctx(res);
      if (session && hasValidToken(c, req, res)) {
        await c.sessions.destroy(session);
        clearSession(c, res);
      }
      const done = ctx(res).session === null;
      return renderPage(res, {
        view: 'accounts/logout',
        status: done ? 200 : 400,
        model: { loggedIn: !done, token: formToken(c, res), done, error: done ? null : 'session-failure' },
        chrome: await presentChrome(c, res, { title: specialTitle('UserLogout'), heading: t('logout-title'), action: 'special' }),
      });
    },
  };

  /**
   * Where Special:Preferences was opened from to confirm an email address (a report that needs one), as
   * returnto/returntoquery: validated as login's are, so only a page of this wiki can come out.
   */
  function preferencesReturnTo(req: Request): { returnto: string; returntoquery: string; title: Title; href: string } | null {
    const returnto = param(req.query, 'returnto') ?? field(req, 'returnto');
    const title = returnto ? parseReturnTo(returnto) : null;
    if (!returnto || !title) return null;
    const returntoquery = param(req.query, 'returntoquery') ?? field(req, 'returntoquery') ?? '';
    return { returnto, returntoquery, title, href: returnToPath(returnto, returntoquery, parseReturnTo) };
  }

  async function showPreferences(req: Request, res: Response, form: { email?: string; errors: FieldError[]; saved: string | null; status: number }) {
    const { t, user, lang } = ctx(res);
    if (!user) {
      res.redirect(303, `/wiki/Special:UserLogin?returnto=Special:Preferences`);
      return;
    }
    const returnTo = preferencesReturnTo(req);
    const now = c.clock.now();
    const languages = c.messages.languages.map((code) => ({
      code,
      name: new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code,
    }));
    return renderPage(res, {
      view: 'accounts/preferences',
      status: form.status,
      model: {
        user: {
          name: user.name,
          registered: timestampParts(user.registeredAt, lang),
          editCount: user.editCount,
          groups: effectiveGroups(user, c.settings, now).filter((g) => g !== '*'),
          email: form.email ?? user.email,
          emailConfirmed: user.emailConfirmedAt !== null,
          emailConfirmedAt: user.emailConfirmedAt !== null ? timestampParts(user.emailConfirmedAt, lang) : null,
          language: user.language ?? '',
        },
        languages,
        token: formToken(c, res),
        errors: form.errors,
        saved: form.saved,
        // Carried by the forms until the address is confirmed; then offered as the way back (to the report).
        returnTo: returnTo ? { returnto: returnTo.returnto, returntoquery: returnTo.returntoquery } : null,
        returnLink:
          returnTo && user.email && user.emailConfirmedAt !== null
            ? { href: returnTo.href, report: returnTo.title.namespace === NS_SPECIAL && /^ReportIncident(\/|$)/.test(returnTo.title.text), page: returnTo.title.prefixedText }
            : null,
      },
      chrome: await presentChrome(c, res, { title: specialTitle('Preferences'), heading: t('preferences-title'), action: 'special' }),
    });
  }

  const preferences: SpecialPage = {
    name: 'Preferences',
    titleKey: 'preferences-title',
    listed: true,
    // The redirect after saving shows a confirmation once.
    get: (req, res) => showPreferences(req, res, { errors: [], saved: param(req.query, 'saved') === '1' ? 'preferences-saved' : null, status: 200 }),
    async post(req, res) {
      const { user } = ctx(res);
      if (!user) return showPreferences(req, res, { errors: [], saved: null, status: 403 });
      if (!hasValidToken(c, req, res)) {
        return showPreferences(req, res, { errors: [{ field: 'wpEmail', messageKey: 'session-failure' }], saved: null, status: 400 });
      }
      const action = field(req, 'wpAction');
      if (action === 'confirm-email') {
        const confirmed = await c.accounts.confirmEmail(user);
        if (!confirmed.ok) return showPreferences(req, res, { errors: [{ field: 'wpEmail', messageKey: confirmed.messageKey }], saved: null, status: 422 });
        ctx(res).user = await c.accounts.findById(user.id);
        return showPreferences(req, res, { errors: [], saved: 'preferences-email-confirmed', status: 200 });
      }
      const email = field(req, 'wpEmail') ?? '';
      const language = field(req, 'wpLanguage') ?? '';
      const errors: FieldError[] = [];
      if (language && !c.messages.languages.includes(language)) errors.push({ field: 'wpLanguage', messageKey: 'preferences-error-language' });
      const emailResult = await c.accounts.setEmail(user, email);
      if (!emailResult.ok) errors.push({ field: 'wpEmail', messageKey: emailResult.messageKey, params: emailResult.params ?? {} });
      if (errors.length) return showPreferences(req, res, { email, errors, saved: null, status: 422 });
      await c.accounts.setLanguage(user, language || null);
      if (language) res.cookie(LANGUAGE_COOKIE, language, { ...cookieOptions(c, 365 * 24 * 3600 * 1000) });
      const returnTo = preferencesReturnTo(req);
      const back = returnTo ? `&${new URLSearchParams({ returnto: returnTo.returnto, returntoquery: returnTo.returntoquery }).toString()}` : '';
      res.redirect(303, ctx(res).link(`/wiki/Special:Preferences?saved=1${back}`));
    },
  };
  return [login, logout, preferences];
}
