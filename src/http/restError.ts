/** REST answers in MediaWiki's shape: errors (errorKey, the message in the user's language, httpCode), and JSON bodies read with their token. */
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { bodyProblems } from '../reporting/reportSchemas.js';
import type { SessionService } from '../sessions/SessionService.js';
import { ctx } from './context.js';

export function restError(res: Response, status: number, errorKey: string, messageKey: string, params: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): void {
  const { lang, t } = ctx(res);
  res.status(status).json({ errorKey, messageTranslations: { [lang === 'qqx' ? 'en' : lang]: t(messageKey, params) }, httpCode: status, ...extra });
}

/**
 * Reads a REST request's JSON body (read raw by the route): the content type, the JSON, the CSRF token, then the
 * schema, each failure answered in its own way. Returns the parsed body, or null once it has answered.
 */
export function readJsonBody<S extends z.ZodType>(req: Request, res: Response, sessions: Pick<SessionService, 'verifyToken'>, schema: S): z.infer<S> | null {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== 'application/json') {
    restError(res, 415, 'rest-unsupported-content-type', 'reportincident-error-content-type', { type: contentType || '-' });
    return null;
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');
  } catch {
    body = undefined;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    restError(res, 400, 'rest-json-body-parse-error', 'reportincident-error-malformed-json');
    return null;
  }
  if (!sessions.verifyToken(ctx(res).session, 'csrf', (body as Record<string, unknown>).token)) {
    restError(res, 403, 'badtoken', 'reportincident-error-badtoken');
    return null;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const problems = bodyProblems(parsed.error, body);
    const { t } = ctx(res);
    const first = problems[0]!;
    restError(res, 400, 'rest-body-validation-error', first.messageKey, first.params, {
      failures: problems.map((p) => ({ field: p.field, messageKey: p.messageKey, message: t(p.messageKey, p.params) })),
    });
    return null;
  }
  return parsed.data;
}
