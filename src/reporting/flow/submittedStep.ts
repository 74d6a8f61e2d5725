/** Special:ReportIncident/submitted/<id>: a filed report's confirmation, shown to its reporter only. */
import type { Request, Response } from 'express';
import type { Services } from '../../container.js';
import { ctx, param } from '../../http/context.js';
import { crisisResourcesFor } from '../../communityConfig/crisisResources.js';
import { AppError } from '../../shared/AppError.js';
import { escapeHtml, SafeHtml } from '../../shared/SafeHtml.js';
import { parseTitle } from '../../wiki/Title.js';
import { supportPagePath } from '../IncidentReport.js';
import type { ReportFlow } from './reportFlow.js';

export function submittedStep(c: Services<'communityConfig' | 'namespaces' | 'reports'>, { gate, render, emergencyLinksHtml }: Pick<ReportFlow, 'gate' | 'render' | 'emergencyLinksHtml'>) {
  // ---- The confirmation, for the reporter only ----
  async function submitted(req: Request, res: Response, reportId: string) {
    const user = await gate(req, res);
    if (!user) return;
    const report = await c.reports.find(reportId);
    // Anyone else gets the same answer as for an id that does not exist: a report's existence is private.
    if (!report || report.reporterUserId !== user.id) throw new AppError(404, 'reportincident-error-no-such-report');
    // A support-route record sent nothing: its page is the Get support page, never a "being sent" confirmation.
    const supportPage = supportPagePath(report, c.namespaces);
    if (supportPage !== null) {
      res.redirect(303, ctx(res).link(supportPage));
      return;
    }
    const config = await c.communityConfig.current();
    const { lang } = ctx(res);
    const title = parseTitle(`${c.namespaces.nameOf(report.pageNamespace)}:${report.pageTitle}`, c.namespaces);
    return render(res, 'submitted', {
      // An id is isolated and left to right in every language, and never broken across lines.
      referenceHtml: new SafeHtml(`<bdi class="report-reference" dir="ltr" translate="no">${escapeHtml(report.id)}</bdi>`),
      report: { id: report.id, route: report.route, physicalHarmType: report.physicalHarmType, behaviorType: report.behaviorType, test: report.test === true },
      duplicate: param(req.query, 'duplicate') === '1',
      updated: param(req.query, 'updated') === '1',
      delivery: await c.reports.deliveryState(report),
      responseHours: config.ReportIncident_Emergency_ResponseTimeHours,
      // Someone who reports another person's intent to self-harm is told where to get advice for them.
      crisisIntroKey: report.about === 'someone-else' ? 'reportincident-submitted-crisis-intro-other' : 'reportincident-submitted-crisis-intro',
      crisisResources: report.physicalHarmType === 'threats-self-harm' ? crisisResourcesFor(config.ReportIncident_CrisisResources, lang) : [],
      emergencyLinksHtml: emergencyLinksHtml(lang, ctx(res).t('reportincident-mailto-subject-more', { id: report.id })),
      backHref: title.ok ? title.value.path + (report.threadId ? `#${encodeURIComponent(report.threadId)}` : '') : '/',
      backTitle: title.ok ? title.value.prefixedText : '',
    });
  }

  return { get: submitted };
}
