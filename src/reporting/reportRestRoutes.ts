/**
 * POST /w/rest.php/reportincident/v0/report, as the original's ReportHandler: checks in its order
 * (feature flag, eligibility, token, body, revision and page, field combinations, rate limit last),
 * errors in MediaWiki REST's shape with messageTranslations in the user's language.
 */
import type { Request, Response } from 'express';
import express, { Router } from 'express';
import type { Services } from '../container.js';
import { ctx } from '../http/context.js';
import { readJsonBody, restError } from '../http/restError.js';
import { timestampParts } from '../i18n/formatDate.js';
import { type IncidentReport, supportPagePath } from './IncidentReport.js';
import { ineligibleMessageKey, ineligibleRestError } from './eligibility.js';
import { ReportBodySchema } from './reportSchemas.js';

export const REPORT_PATH = '/w/rest.php/reportincident/v0/report';
export const REST_BODY_LIMIT = 64 * 1024;

export const reportRestServices = ['clock', 'namespaces', 'reports', 'sessions', 'settings'] as const;

export function reportRestRoutes(c: Services<(typeof reportRestServices)[number]>): Router {
  const router = Router();

  const error = restError;

  // The body is read here, not by the app's parsers, so that a disabled endpoint answers 404 before anything else.
  const rawBody = express.raw({ type: () => true, limit: REST_BODY_LIMIT });

  router.post(REPORT_PATH, (req: Request, res: Response, next) => {
    res.setHeader('Cache-Control', 'no-store');
    if (!c.settings.ReportIncidentApiEnabled) return error(res, 404, 'rest-no-match', 'reportincident-rest-no-match');
    const { user } = ctx(res);
    const eligibility = c.reports.eligibility(user, ctx(res).blocks);
    if (!eligibility.eligible) {
      const { status, errorKey } = ineligibleRestError[eligibility.reason];
      const until = eligibility.eligibleAt ? timestampParts(eligibility.eligibleAt, ctx(res).lang) : null;
      return error(res, status, errorKey, ineligibleMessageKey[eligibility.reason], {
        hours: Math.ceil(c.settings.ReportIncidentMinimumAccountAgeInSeconds / 3600),
        time: until?.time ?? '',
        date: until?.date ?? '',
        reason: eligibility.block?.reason ?? '',
      });
    }
    rawBody(req, res, (e?: unknown) => {
      if (e) {
        const type = (e as { type?: string }).type;
        if (type === 'entity.too.large') return error(res, 413, 'rest-request-too-large', 'reportincident-error-body-too-large', { max: REST_BODY_LIMIT / 1024 });
        return next(e);
      }
      // This callback runs outside Express's own error handling: a failure (a locked database) must reach it.
      handle(req, res).catch(next);
    });
  });

  async function handle(req: Request, res: Response) {
    const body = readJsonBody(req, res, c.sessions, ReportBodySchema);
    if (!body) return;
    const { token: _token, ...submission } = body;
    const result = await c.reports.submit(ctx(res).user, ctx(res).blocks, submission, ctx(res).lang);
    if (!result.ok) {
      const e = result.error;
      const params = typeof e.params.retryAt === 'number' ? { ...e.params, ...timestampParts(e.params.retryAt, ctx(res).lang) } : e.params;
      const extra = typeof e.params.retryAt === 'number' ? { retryAfter: new Date(e.params.retryAt).toISOString() } : {};
      if (e.status === 429) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(((e.params.retryAt as number) - c.clock.now()) / 1000))));
      const unrecordedSupport = e.unrecorded ? supportUrlOf(e.unrecorded) : undefined;
      return error(res, e.status, e.errorKey, e.messageKey, params, { ...extra, ...(unrecordedSupport ? { supportUrl: unrecordedSupport } : {}) });
    }
    const { report, duplicate, updated } = result;
    const supportUrl = supportUrlOf(report);
    res.status(duplicate ? 200 : 201).json({ reportId: report.id, route: report.route, ...(supportUrl ? { supportUrl } : {}), ...(duplicate ? { duplicate: true } : {}), ...(updated ? { updated: true } : {}), ...(report.test ? { test: true } : {}) });
  }

  /** The Get support page of a support-route report, as a full URL. */
  function supportUrlOf(report: IncidentReport): string | undefined {
    const path = supportPagePath(report, c.namespaces);
    return path === null ? undefined : `${c.settings.Server}${path}`;
  }

  return router;
}
