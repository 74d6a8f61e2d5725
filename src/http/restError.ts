/** An error in MediaWiki REST's shape: errorKey, the message in the user's language, httpCode, and any extras. */
import type { Response } from 'express';
import { ctx } from './context.js';

export function restError(res: Response, status: number, errorKey: string, messageKey: string, params: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): void {
  const { lang, t } = ctx(res);
  res.status(status).json({ errorKey, messageTranslations: { [lang === 'qqx' ? 'en' : lang]: t(messageKey, params) }, httpCode: status, ...extra });
}
