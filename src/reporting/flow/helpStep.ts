/** Special:ReportIncident/help: the "Get help" page for readers who may not report. */
import type { Request, Response } from 'express';
import type { Services } from '../../container.js';
import { ctx } from '../../http/context.js';
import { BASE, type ReportFlow } from './reportFlow.js';

export function helpStep(c: Services<'reports'>, { gate, commentQuery, refuse }: Pick<ReportFlow, 'gate' | 'commentQuery' | 'refuse'>) {
  /**
   * Special:ReportIncident/help, the "Get help" item that readers who may not report find where others find Report:
   * the same explanation and ways to get help as a refused report, answered as a page of its own (200). Anyone
   * who may report (or lacks only a confirmed email) is sent on to the report itself.
   */
  async function help(req: Request, res: Response) {
    const user = await gate(req, res, { toRead: true });
    if (!user) return;
    const report = commentQuery(req);
    const eligibility = c.reports.eligibility(user, ctx(res).blocks);
    if (eligibility.eligible || eligibility.showLink) {
      res.redirect(303, ctx(res).link(`${BASE}${report ? `?${report}` : ''}`));
      return;
    }
    await refuse(req, res, user, eligibility, { returnTo: 'Special:ReportIncident', returnToQuery: report }, { status: 200, headingKey: 'reportincident-gethelp-title' });
  }

  return { get: help };
}
