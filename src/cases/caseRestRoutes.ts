/**
 * REST for cases (#21), for bots and tools: GET …/report/{id} (the case as the asker may see it) and
 * POST …/report/{id}/action. MediaWiki REST's error shapes; 404 to anyone who may not see a case.
 */
import type { Request, Response } from 'express';
import express, { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../container.js';
import { ctx } from '../http/context.js';
import { readJsonBody, restError } from '../http/restError.js';
import { isReportId } from '../reporting/ReportService.js';
import { REPORT_PATH, REST_BODY_LIMIT } from '../reporting/reportRestRoutes.js';
import { reportTypes } from '../taxonomy/taxonomy.js';
import { type CaseView, queueStatusFilters } from './CaseService.js';

export const caseRestServices = ['accounts', 'cases', 'sessions', 'settings'] as const;
type CaseRestServices = Services<(typeof caseRestServices)[number]>;

/** An action as a tool sends it; what each action needs is the service's to check. */
const CaseActionBody = z.strictObject({
  token: z.string(),
  action: z.string().max(64),
  revision: z.int().min(0),
  text: z.string().optional(),
  status: z.string().max(64).optional(),
  /** A user name. */
  assignee: z.string().max(255).optional(),
  /** The reply template the text began from (its date placeholder must have been replaced). */
  template: z.string().max(64).optional(),
  /** A Trust & Safety note kept from the community's responders. */
  trustAndSafetyOnly: z.boolean().optional(),
});

/** The queue's parameters, each checked on its own so that the error names the one that is wrong. */
const listParameters = {
  status: { schema: z.enum(queueStatusFilters), allowed: queueStatusFilters.join(', ') },
  type: { schema: z.enum(reportTypes), allowed: reportTypes.join(', ') },
  assignee: { schema: z.string().min(1).max(255), allowed: 'any, mine, none, or the user name of someone who handles cases' },
  limit: { schema: z.coerce.number().int().min(1).max(200), allowed: '1–200' },
  offset: { schema: z.coerce.number().int().min(0).max(1_000_000), allowed: '0–1000000' },
} as const;

export function caseRestRoutes(c: CaseRestServices): Router {
  const router = Router();
  const rawBody = express.raw({ type: () => true, limit: REST_BODY_LIMIT });

  // The queue, for responders: the cases the asker may handle, as Special:IncidentReports lists them.
  router.get(`${REPORT_PATH}s`, async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (!c.settings.ReportIncidentApiEnabled) return restError(res, 404, 'rest-no-match', 'reportincident-rest-no-match');
    const { user } = ctx(res);
    if (!c.cases.handlesCases(user)) return restError(res, 403, 'rest-permission-denied', 'reportincident-queue-forbidden');
    const values: Record<string, unknown> = {};
    for (const [name, { schema, allowed }] of Object.entries(listParameters)) {
      const raw = req.query[name];
      if (raw === undefined || raw === '') continue;
      const parsed = typeof raw === 'string' ? schema.safeParse(raw) : null;
      if (!parsed?.success) return restError(res, 400, 'rest-invalid-parameter', 'reportincident-rest-invalid-parameter', { name, value: typeof raw === 'string' ? raw : '…', allowed });
      values[name] = parsed.data;
    }
    let assignee: 'any' | 'mine' | 'none' | number = 'any';
    if (typeof values.assignee === 'string' && values.assignee !== 'any') {
      const colleague = ['mine', 'none'].includes(values.assignee) ? null : (await c.cases.handlers()).find((u) => u.name === values.assignee);
      if (!colleague && !['mine', 'none'].includes(values.assignee)) return restError(res, 400, 'rest-invalid-parameter', 'reportincident-rest-invalid-parameter', { name: 'assignee', value: values.assignee, allowed: listParameters.assignee.allowed });
      assignee = colleague ? colleague.id : (values.assignee as 'mine' | 'none');
    }
    const limit = (values.limit as number | undefined) ?? 50;
    const offset = (values.offset as number | undefined) ?? 0;
    const queue = (await c.cases.queue(user, {
      status: (values.status as (typeof queueStatusFilters)[number] | undefined) ?? 'open',
      type: (values.type as string | undefined) ?? null,
      assignee,
      limit,
      offset,
    }))!;
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    res.json({
      reports: queue.entries.map((e) => ({
        reportId: e.reportId,
        status: e.status,
        revision: e.revision,
        queue: e.queue,
        type: e.type,
        emergency: e.emergency,
        reporterAtRisk: e.reporterAtRisk,
        overdue: e.overdue,
        reviewRequested: e.reviewRequestedAt !== null,
        assignee: e.assigneeName,
        relatedReports: e.relatedCount,
        createdAt: iso(e.createdAt),
        acknowledgedAt: iso(e.acknowledgedAt),
        closedAt: iso(e.closedAt),
      })),
      ...(queue.more ? { continue: { offset: offset + limit } } : {}),
    });
  });

  router.get(`${REPORT_PATH}/:id`, async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (!c.settings.ReportIncidentApiEnabled) return restError(res, 404, 'rest-no-match', 'reportincident-rest-no-match');
    const id = String(req.params.id);
    const view = isReportId(id) ? await c.cases.view(ctx(res).user, id) : null;
    if (!view) return notFound(res, id);
    res.json(await present(c, view));
  });

  router.post(`${REPORT_PATH}/:id/action`, (req: Request, res: Response, next) => {
    res.setHeader('Cache-Control', 'no-store');
    if (!c.settings.ReportIncidentApiEnabled) return restError(res, 404, 'rest-no-match', 'reportincident-rest-no-match');
    rawBody(req, res, (e?: unknown) => {
      if (e) {
        if ((e as { type?: string }).type === 'entity.too.large') return restError(res, 413, 'rest-request-too-large', 'reportincident-error-body-too-large', { max: REST_BODY_LIMIT / 1024 });
        return next(e);
      }
      act(req, res).catch(next);
    });
  });

  async function act(req: Request, res: Response): Promise<void> {
    const id = String(req.params.id);
    const { user } = ctx(res);
    // Who may not see the case learns nothing, not even that the body was wrong.
    if (!isReportId(id) || (await c.cases.roleFor(user, id)) === 'none') return notFound(res, id);
    const body = readJsonBody(req, res, c.sessions, CaseActionBody);
    if (!body) return;
    const { action, revision, text, status, assignee, template, trustAndSafetyOnly } = body;
    let assigneeId: number | undefined;
    if (assignee !== undefined) {
      const account = await c.accounts.findByName(assignee);
      // An unknown name is refused like a known one who may not handle the case.
      assigneeId = account?.id ?? -1;
    }
    const result = await c.cases.act(user, id, { action, revision, ...(text !== undefined ? { text } : {}), ...(status !== undefined ? { status } : {}), ...(assigneeId !== undefined ? { assignee: assigneeId } : {}), ...(template !== undefined ? { template } : {}), ...(trustAndSafetyOnly ? { trustAndSafetyOnly } : {}) });
    if (!result.ok) {
      const e = result.error;
      const params = e.messageKey === 'reportincident-case-error-not-responder' ? { ...e.params, assignee: assignee ?? '' } : e.params;
      // A stale revision answers with the current one, for a tool to read the case again at.
      return restError(res, e.status, e.errorKey, e.messageKey, params, e.errorKey === 'rest-stale-revision' ? { revision: e.params.revision } : {});
    }
    res.json(await present(c, result.view));
  }

  function notFound(res: Response, id: string): void {
    restError(res, 404, 'rest-nonexistent-case', 'reportincident-case-error-not-found', { id });
  }

  return router;
}

/**
 * A case as JSON for its viewer: reportId, status, revision and the events they may see (type, time, and the
 * words and actor where they may see them). Responders also get the queue, the assignee and the actions they have.
 */
async function present(c: Pick<CaseRestServices, 'accounts'>, view: CaseView): Promise<Record<string, unknown>> {
  const responder = view.role !== 'reporter';
  // The reporter's view names nobody: only responders' answers read names, all at once.
  const names = responder ? await c.accounts.namesOf([...view.events.map((e) => e.actorUserId), view.case.assigneeUserId]) : new Map<number, string>();
  const nameOf = (id: number | null): string | null => (id === null ? null : (names.get(id) ?? ''));
  const events = [];
  for (const e of view.events) {
    const actor = responder ? nameOf(e.actorUserId) : null;
    events.push({
      type: e.type,
      at: new Date(e.at).toISOString(),
      ...(e.text !== '' ? { text: e.text } : {}),
      ...(actor ? { actor } : {}),
      ...(Object.keys(e.detail).length > 0 ? { detail: e.detail } : {}),
    });
  }
  const assignee = responder ? nameOf(view.case.assigneeUserId) : null;
  return {
    reportId: view.case.reportId,
    status: view.case.status,
    revision: view.case.revision,
    role: view.role,
    actions: view.actions,
    ...(responder ? { queue: view.case.queue, assignee, reviewRequested: view.case.reviewRequestedAt !== null } : {}),
    events,
  };
}
