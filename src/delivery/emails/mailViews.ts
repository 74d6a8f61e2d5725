/** What every composer of mail shares: its views' text and HTML parts, and the language a mail can be written in. */
import path from 'node:path';
import ejs from 'ejs';
import type { Messages } from '../../i18n/createI18n.js';

/** Renders views/emails/<view>: the text part unescaped (plain text), the HTML part escaping everything it prints. */
export function renderMailView(viewsDir: string, cache: boolean, view: string, data: Record<string, unknown>, text: boolean): Promise<string> {
  return ejs.renderFile(path.join(viewsDir, 'emails', view), data, {
    cache,
    ...(text ? { escape: (s: unknown) => String(s ?? '') } : {}),
  });
}

/** The language a mail is written in: the one wanted when the wiki has its messages (never qqx), else the fallback. */
export function mailLanguage(messages: Pick<Messages, 'has'>, wanted: string, fallback = 'en'): string {
  return wanted && messages.has(wanted) && wanted !== 'qqx' ? wanted : fallback;
}
