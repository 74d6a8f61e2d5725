/** The one 404 handler and the one error handler: known errors show their message, others a generic page. */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Services } from '../container.js';
import { AppError, databaseBusy } from '../shared/AppError.js';
import { isDatabaseBusy, isDatabaseUnreachable } from '../storage/databaseErrors.js';
import { chromeServices, presentChrome } from './chromePresenter.js';
import { ctx } from './context.js';
import { renderPage } from './render.js';
import { requestLanguage } from './requestContext.js';

export const errorServices = [...chromeServices, 'logger', 'messages'] as const;
type ErrorServices = Services<(typeof errorServices)[number]>;

export function notFoundHandler(c: ErrorServices) {
  return async (req: Request, res: Response) => {
    const { t, lang } = ctx(res);
    if (req.path.startsWith('/w/rest.php/')) {
      res.status(404).json({ errorKey: 'rest-no-match', messageTranslations: { [lang === 'qqx' ? 'en' : lang]: t('reportincident-rest-no-match') }, httpCode: 404 });
      return;
    }
    if (wantsJson(req)) {
      res.status(404).json({ error: { code: 'notfound', info: 'No route matches this URL.' } });
      return;
    }
    await renderPage(res, {
      view: 'errors/error',
      status: 404,
      model: { messageKey: 'app-error-404-text', params: {} },
      chrome: await presentChrome(c, res, { title: null, heading: t('app-error-404-title'), action: 'error' }),
    });
  };
}

/** Storage faults an operator must act on (a full disk, read-only files): logged, and titled "Nothing could be stored". */
const STORAGE_ERRORS = new Set(['app-error-storage-full', 'app-error-storage-readonly', 'app-error-storage-unreachable']);

/** Maps body-parser and other framework errors to an AppError, so they get a message in the user's language. */
function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const e = error as { type?: string; status?: number; code?: string };
  // Another process held the database's write lock past the busy timeout: nothing was written, say so.
  if (isDatabaseBusy(error)) return databaseBusy();
  // (#17) A full disk, or files made read-only: SQLite rolled the write back, so nothing was stored; the next write
  // works again by itself once there is room. Logged (not exposed as a detail), since an operator must act.
  if (e?.code === 'SQLITE_FULL' || e?.code === 'SQLITE_IOERR_WRITE' || e?.code === 'SQLITE_IOERR_FSYNC') return new AppError(507, 'app-error-storage-full', {}, true);
  if (e?.code === 'SQLITE_READONLY' || e?.code?.startsWith('SQLITE_READONLY_')) return new AppError(503, 'app-error-storage-readonly', {}, true);
  // PostgreSQL does not answer (a restart, the network): the transaction never committed; the pool reconnects.
  if (isDatabaseUnreachable(error)) return new AppError(503, 'app-error-storage-unreachable', {}, true);
  if (e?.type === 'entity.too.large') return new AppError(413, 'app-error-too-large');
  if (e?.type === 'entity.parse.failed') return new AppError(400, 'app-error-malformed-body');
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') return new AppError(415, 'app-error-unsupported-encoding');
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return new AppError(e.status, 'app-error-bad-request');
  return null;
}

function wantsJson(req: Request): boolean {
  return req.path.startsWith('/w/rest.php/') || req.path === '/w/api.php';
}

export function errorHandler(c: ErrorServices) {
  // Express recognises error handlers by their four parameters.
  return async (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const known = toAppError(error);
    const requestId = randomUUID();
    if (!known || !known.expose || STORAGE_ERRORS.has(known.messageKey)) {
      // Never the request body or query: they may hold what a reporter typed.
      c.logger.error('request failed', { requestId, method: req.method, path: req.path, code: (error as { code?: unknown } | null)?.code, error: error instanceof Error ? error.stack : String(error) });
    }
    const status = known?.status ?? 500;
    if (res.headersSent) return;
    if (status === 503) res.setHeader('Retry-After', '5');
    if (status === 507) res.setHeader('Retry-After', '60');
    if (req.path.startsWith('/w/rest.php/')) {
      // MediaWiki REST's error shape, as every other answer of the endpoint.
      const { t, lang } = res.locals.ctx ? ctx(res) : withoutContext(c, req);
      const text = known ? t(known.messageKey, known.params) : `Internal error; request id ${requestId}.`;
      res.status(status).json({ errorKey: known?.messageKey ?? 'rest-internal-error', messageTranslations: { [lang]: text }, httpCode: status });
      return;
    }
    if (wantsJson(req)) {
      res.status(status).json({ error: { code: known?.messageKey ?? 'internal_api_error', info: known ? ctx(res)?.t(known.messageKey, known.params) : `Internal error; request id ${requestId}.` } });
      return;
    }
    if (!res.locals.ctx) {
      const { t } = withoutContext(c, req);
      res.status(status).type('text').send(known ? t(known.messageKey, known.params) : `Internal error; request id ${requestId}.`);
      return;
    }
    const { t } = ctx(res);
    const badTitle = known?.messageKey.startsWith('title-invalid') ?? false;
    const headingKey = badTitle ? 'badtitle' : status === 403 ? 'app-error-403-title' : status === 404 ? 'app-error-404-title' : known && STORAGE_ERRORS.has(known.messageKey) ? 'app-error-storage-title' : status === 503 ? 'app-error-busy-title' : status >= 500 ? 'app-error-500-title' : 'app-error-400-title';
    try {
      await renderPage(res, {
        view: 'errors/error',
        status,
        model: known && known.expose ? { messageKey: known.messageKey, params: known.params, badTitle } : { messageKey: 'app-error-500-text', params: { requestId }, badTitle: false },
        chrome: await presentChrome(c, res, { title: null, heading: t(headingKey), action: 'error' }),
      });
    } catch (renderError) {
      c.logger.error('error page failed', { requestId, error: renderError instanceof Error ? renderError.stack : String(renderError) });
      res.status(status).type('text').send(`Error ${status}; request id ${requestId}.`);
    }
  };
}

/** A request whose context could not be made (it needs the database) is still answered in the language it asks for. */
function withoutContext(c: ErrorServices, req: Request): { t: (key: string, params?: Record<string, unknown>) => string; lang: string } {
  const { lang } = requestLanguage(c, req);
  return { t: c.messages.translator(lang), lang };
}
