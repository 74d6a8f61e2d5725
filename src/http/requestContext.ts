/** Middleware that finds the session, the logged-in user and the interface language of each request. */
import type { NextFunction, Request, Response } from 'express';
import type { Services } from '../container.js';
import { carryLanguage } from '../i18n/carryLanguage.js';
import { chooseLanguage, supportedLanguage } from '../i18n/chooseLanguage.js';
import { directionOf } from '../i18n/createI18n.js';
import type { Session } from '../sessions/SessionService.js';
import { parseCookies } from './cookies.js';
import { clientAddress, ctx, param, type RequestContext } from './context.js';

export const SESSION_COOKIE = 'wiki_session';
export const LANGUAGE_COOKIE = 'wiki_language';

export const requestContextServices = ['accounts', 'communityConfig', 'messages', 'sessions', 'settings'] as const;

export function requestContext(c: Services<(typeof requestContextServices)[number]>) {
  // The rest of the request runs inside: it reads the community configuration once, whoever asks for it.
  return (req: Request, res: Response, next: NextFunction) => c.communityConfig.forRequest(() => start(req, res, next));

  async function start(req: Request, res: Response, next: NextFunction) {
    const cookies = parseCookies(req.headers.cookie);
    const session = await c.sessions.find(cookies[SESSION_COOKIE]);
    const found = session?.row.userId ? await c.accounts.findWithActiveBlocks(session.row.userId) : null;
    const user = found?.account ?? null;
    const blocks = found?.blocks ?? [];
    // The community configuration in force for this request, read now: the menus of every comment cannot wait for it.
    await c.communityConfig.current();
    const { lang, uselang } = requestLanguage(c, req, user?.language, cookies);
    const context: RequestContext = {
      session,
      user,
      blocks,
      lang,
      uselang,
      link: (href) => carryLanguage(href, uselang),
      dir: lang === 'qqx' ? 'ltr' : directionOf(lang),
      t: c.messages.translator(lang),
      tHtml: c.messages.htmlTranslator(lang),
      address: clientAddress(req),
      private: session !== null,
    };
    res.locals.ctx = context;
    next();
  }
}

/** Cookie attributes: HttpOnly, SameSite=Lax, Secure when the wiki is served over https. */
export function cookieOptions(c: Services<'settings'>, maxAgeMs: number) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: c.settings.Server.startsWith('https:'), path: '/', maxAge: maxAgeMs };
}

/** Sets the session cookie and keeps the context in step. */
export async function setSession(c: Services<'settings' | 'accounts'>, res: Response, session: Session): Promise<void> {
  res.cookie(SESSION_COOKIE, session.id, cookieOptions(c, Math.max(0, session.row.expiresAt - session.row.lastSeenAt)));
  const context = ctx(res);
  context.session = session;
  const found = session.row.userId ? await c.accounts.findWithActiveBlocks(session.row.userId) : null;
  context.user = found?.account ?? null;
  context.blocks = found?.blocks ?? [];
  context.private = true;
}

/** Returns the session, starting an anonymous one when there is none (for login tokens). */
export async function ensureSession(c: Services<'settings' | 'accounts' | 'sessions'>, res: Response): Promise<Session> {
  const existing = ctx(res).session;
  if (existing) return existing;
  const session = await c.sessions.create(null);
  await setSession(c, res, session);
  return session;
}

export function clearSession(c: Services<'settings'>, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { ...cookieOptions(c, 0), maxAge: undefined });
  const context = ctx(res);
  context.session = null;
  context.user = null;
  context.blocks = [];
}

/**
 * The interface language of a request: ?uselang, the user's preference, the language cookie, the browser's, then the
 * wiki's. `uselang` is the one the URL named, when the wiki has it: the flow's links, forms and redirects keep it.
 * Also for a request whose context could not be made (its session is in a database that does not answer).
 */
export function requestLanguage(
  c: Services<'messages' | 'settings'>,
  req: Request,
  preference?: string | null,
  cookies: Record<string, string> = parseCookies(req.headers.cookie),
): { lang: string; uselang: string | null } {
  const supported = (l: string) => c.messages.has(l);
  const uselang = supportedLanguage(param(req.query, 'uselang'), supported) ?? null;
  const lang = chooseLanguage(
    {
      uselang: uselang ?? undefined,
      preference,
      cookie: cookies[LANGUAGE_COOKIE],
      acceptLanguage: req.headers['accept-language'],
      contentLanguage: c.settings.LanguageCode,
    },
    supported,
  );
  return { lang, uselang };
}
