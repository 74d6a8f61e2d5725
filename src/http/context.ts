/** The per-request context (session, user, language) kept in res.locals, and typed accessors for it. */
import type { Request, Response } from 'express';
import type { Block, UserAccount } from '../accounts/UserAccount.js';
import type { Translate, TranslateHtml } from '../i18n/createI18n.js';
import type { Session } from '../sessions/SessionService.js';

export interface RequestContext {
  session: Session | null;
  user: UserAccount | null;
  /** The user's blocks in force, read once with the user: the eligibility policy and edit rights use them. */
  blocks: Block[];
  lang: string;
  /** The language named by ?uselang, when it is one the wiki has; kept on the wiki's own links. */
  uselang: string | null;
  /** A local href with ?uselang carried, when the request had one. */
  link: (href: string) => string;
  dir: 'ltr' | 'rtl';
  t: Translate;
  tHtml: TranslateHtml;
  /** The client's address, for login throttling. */
  address: string;
  /** Whether the response must not be cached by anyone (pages with private data or tokens). */
  private: boolean;
}

export function ctx(res: Response): RequestContext {
  return res.locals.ctx as RequestContext;
}

/** The address to throttle: Express's req.ip (trust proxy is off, so this is the socket's peer). */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** A query or body parameter as one string: arrays and objects (qs-style tricks) are refused. */
export function param(source: unknown, name: string): string | undefined {
  if (!source || typeof source !== 'object') return undefined;
  const v = (source as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
}
