/** The Get support page of Special:ReportIncident: the help for one behaviour, its direct-report form, and its counted links. */
import type { Request, Response } from 'express';
import type { UserAccount } from '../../accounts/UserAccount.js';
import type { Services } from '../../container.js';
import { ctx } from '../../http/context.js';
import { type FieldError, field, hasValidToken, listField } from '../../http/forms.js';
import { directReportingAvailable } from '../../routing/routeReport.js';
import { classifyNonEmergency } from '../../classifiers/index.js';
import { AppError, databaseBusy } from '../../shared/AppError.js';
import { presentSupportPage, resolvePageOrUrl, supportLinkTarget } from '../../support/supportPagePresenter.js';
import { type CommunityConfig, defaultCommunityConfig } from '../../communityConfig/communityConfigSchema.js';
import { type BehaviorType, behaviorDefinitions, behaviorLabelKey, behaviorTypes } from '../../taxonomy/taxonomy.js';
import { codePointLength } from '../../wiki/textInput.js';
import type { ReportDraft } from '../ReportDrafts.js';
import { MAX_DETAILS_CODE_POINTS } from '../reportSchemas.js';
import { BASE, type ReportFlow } from './reportFlow.js';
import type { SubmitDraft } from './submitDraft.js';

export function supportStep(
  c: Services<'accounts' | 'communityConfig' | 'logger' | 'namespaces' | 'reportDrafts' | 'reports' | 'sessions' | 'settings'>,
  flow: Pick<ReportFlow, 'keepDraft' | 'countStep' | 'render' | 'describeTarget' | 'gate' | 'backTo' | 'draftFrom' | 'targetOf' | 'sentAlready' | 'emergencyMail' | 'openDraft'>,
  submitDraft: SubmitDraft,
) {
  const { keepDraft, countStep, render, describeTarget, gate, backTo, draftFrom, targetOf, sentAlready, emergencyMail, openDraft } = flow;

  /** A "Something else" description that clearly fits another category suggests that category's page. */
  function suggestionFor(type: BehaviorType, draft: ReportDraft | null, draftId: string | null) {
    if (type !== 'something-else' || !draft?.somethingElseDetails) return null;
    const verdict = classifyNonEmergency({ incidentType: 'unacceptable-user-behavior', physicalHarmType: null, behaviorType: type, texts: [draft.somethingElseDetails], snapshot: null, language: null });
    const suggested = verdict.suggestedBehaviorType;
    if (!suggested || suggested === type || !(c.settings.ReportIncidentEnabledNonEmergencyCategories as string[]).includes(suggested)) return null;
    return { labelKey: behaviorLabelKey(suggested), href: `${BASE}/support/${suggested}${draftId ? `?draft=${draftId}` : ''}` };
  }

  // ---- The Get support page (and the direct-report form where offered) ----
  async function support(req: Request, res: Response, behaviorType: string, errors: FieldError[] = [], status = 200, posted?: ReportDraft) {
    // Reading a Get support page files nothing, so any logged-in user may (Get help links here); only someone who
    // may report reads it with their draft, and so with the direct-report form.
    const user = await gate(req, res, { toRead: true });
    if (!user) return;
    if (!(behaviorTypes as readonly string[]).includes(behaviorType)) throw new AppError(404, 'reportincident-error-unknown-behavior', { behaviorType });
    const type = behaviorType as BehaviorType;
    const readerEligibility = c.reports.eligibility(user, ctx(res).blocks);
    const loaded = readerEligibility.eligible ? await draftFrom(req, user) : null;
    if (sentAlready(res, loaded)) return;
    const draft = posted ?? loaded?.draft ?? null;
    const target = draft ? await targetOf(res, draft) : null;
    if (draft && !target) return;
    // Reading a Get support page is not a report: it is counted for statistics, never charged.
    if (!posted) {
      await countStep(res, 'support-viewed', type);
      if (loaded?.id && draft) await c.reportDrafts.save(loaded.id, user.id, draft, 'support');
    }
    const options = {
      namespaces: c.namespaces,
      // The form replaces the contact methods only where it is offered: with a report in progress.
      directReporting: c.settings.ReportIncidentEnableDirectReporting && draft !== null,
      t: ctx(res).t,
      ping: (b: BehaviorType, link: string) => `${BASE}/out/${b}/${link}`,
      // The wiki's own pages among the help links keep the language asked for.
      link: ctx(res).link,
    };
    let config = await c.communityConfig.current();
    let view;
    try {
      view = presentSupportPage(type, config, options);
    } catch (error) {
      // (#16) A stored value must never take down a page a harassed person relies on: the defaults, and a log line.
      c.logger.error('Get support page built from the defaults: the stored community configuration failed', { behaviorType: type, error: String(error) });
      config = defaultCommunityConfig();
      view = presentSupportPage(type, config, options);
    }
    return render(
      res,
      'support',
      {
        support: view,
        draftId: loaded?.id ?? null,
        draft,
        target: target && draft ? describeTarget(res, target, draft.threadId) : null,
        // The form needs to know what is reported: without a draft (a shared link), it is not offered.
        directForm: view.directReportEmail && draft && directReportingAvailable(type, config, c.settings) ? { email: view.directReportEmail, responders: await respondersFor(user), trustAndSafety: c.settings.ReportIncidentRecipientEmails.join(', ') } : null,
        maxDetails: MAX_DETAILS_CODE_POINTS,
        directLength: codePointLength(draft?.directReport ?? ''),
        behaviorHref: loaded?.id ? `${BASE}/behavior?draft=${loaded.id}` : null,
        suggestion: suggestionFor(type, draft, loaded?.id ?? null),
        otherHelp: otherHelpLinks(res, type, config, loaded?.id ?? null, view.warningKey !== null),
        // A blocked reader cannot write on the wiki's pages that the help points to: said, with what still works.
        blockedReader: !readerEligibility.eligible && readerEligibility.reason === 'blocked',
        // Opened without a report in progress (from Get help), the comment named in the URL is still the way back.
        back: target ? null : await backTo(req, user),
        errors,
      },
      status,
    );
  }

  /**
   * "Can't find what you're looking for?": the wiki's dispute-resolution page, its administrators, and the way to
   * an emergency report (this draft's first step, or the emergency address when there is no draft).
   */
  function otherHelpLinks(res: Response, type: BehaviorType, config: CommunityConfig, draftId: string | null, privateMatter: boolean): { labelKey: string; href: string }[] {
    const values = config as Record<string, unknown>;
    const page = (value: unknown) => (typeof value === 'string' && value.trim() ? resolvePageOrUrl(value.trim(), c.namespaces) : null);
    const adminsOf = (name: string) => page((values[`ReportIncident_NonEmergency_${name}_HelpMethod`] as { ContactAdmin?: string } | undefined)?.ContactAdmin);
    const dispute = page(values.ReportIncident_NonEmergency_Other_DisputeResolutionURL) ?? page(values.ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL);
    // A page that warns against posting in public (doxing) does not then point at a public noticeboard.
    const admins = privateMatter ? null : (adminsOf(behaviorDefinitions[type].configName) ?? adminsOf('Intimidation') ?? adminsOf('Other'));
    const emergency = draftId ? `${BASE}?draft=${draftId}` : emergencyMail(ctx(res).t('reportincident-mailto-subject')).emailHref;
    return [
      ...(dispute ? [{ labelKey: 'reportincident-support-other-dispute', href: dispute }] : []),
      ...(admins ? [{ labelKey: 'reportincident-support-other-admins', href: admins }] : []),
      // Possible message keys used here: reportincident-support-other-emergency, reportincident-support-other-emergency-mail
      ...(emergency ? [{ labelKey: draftId ? 'reportincident-support-other-emergency' : 'reportincident-support-other-emergency-mail', href: emergency }] : []),
    ];
  }

  /**
   * The community's responders a reporter may keep out of their direct report: everyone in the group but them.
   * With one responder, nobody can be kept out (one must remain): the form says where to write instead.
   */
  async function respondersFor(user: UserAccount): Promise<string[]> {
    const responders = (await c.accounts.inGroup('incident-responder')).filter((r) => r.id !== user.id).map((r) => r.name);
    return responders.length >= 2 ? responders : [];
  }

  async function supportPost(req: Request, res: Response, behaviorType: string) {
    const opened = await openDraft(req, res);
    if (!opened) return;
    const { user, loaded } = opened;
    const draft: ReportDraft = { ...loaded.draft, directReport: field(req, 'directReport') ?? '', recuse: listField(req, 'recuse') };
    if (!hasValidToken(c, req, res)) return support(req, res, behaviorType, [{ field: 'directReport', messageKey: 'session-failure' }], 422, draft);
    if (!await keepDraft(loaded.id, user.id, draft, 'support') && (field(req, 'wpAction') === 'back' || field(req, 'wpAction') === 'save')) throw databaseBusy();
    if (field(req, 'wpAction') === 'back') {
      res.redirect(303, ctx(res).link(`${BASE}/behavior?draft=${loaded.id}`));
      return;
    }
    if (field(req, 'wpAction') === 'save') {
      res.status(204).end();
      return;
    }
    if ((draft.directReport ?? '').trim() === '') {
      return support(req, res, behaviorType, [{ field: 'directReport', messageKey: 'reportincident-directreport-empty' }], 422, draft);
    }
    return submitDraft(req, res, user, loaded.id, draft, (errors, s) => support(req, res, behaviorType, errors, s, draft));
  }

  /** A Get support page's link, counted (the funnel's "help link followed") then followed to its configured target. */
  async function followHelpLink(res: Response, behaviorType: string, link: string, ping = false) {
    const methods = ['ContactAdmin', 'Email', 'ContactCommunity', 'nextstep'];
    if (!(behaviorTypes as readonly string[]).includes(behaviorType) || !methods.includes(link)) throw new AppError(404, 'reportincident-error-unknown-step');
    const target = supportLinkTarget(behaviorType as BehaviorType, link as (typeof methods)[number] as never, await c.communityConfig.current(), c.namespaces);
    if (!target) throw new AppError(404, 'reportincident-error-unknown-step');
    await countStep(res, 'help-link-followed', `${behaviorType}/${link}`);
    // A ping (the link's own href shows where it goes) is only counted; older links still redirect.
    if (ping) res.status(204).end();
    else res.redirect(303, ctx(res).link(target));
  }

  return { get: (req: Request, res: Response, behaviorType: string) => support(req, res, behaviorType), post: supportPost, followHelpLink };
}
