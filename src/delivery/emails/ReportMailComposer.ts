/**
 * Composes each outbox message from its stored report: the Trust & Safety mail (and its updates) in
 * ReportIncidentEmailLanguage, the direct report (and its updates) in the wiki's content language, the receipt in
 * the reporter's language; text and HTML from EJS views.
 */
import type { AccountService } from '../../accounts/AccountService.js';
import type { CommunityConfigProvider } from '../../communityConfig/CommunityConfigProvider.js';
import type { CommunityConfig } from '../../communityConfig/communityConfigSchema.js';
import { directionOf, type Messages } from '../../i18n/createI18n.js';
import type { IncidentReport } from '../../reporting/IncidentReport.js';
import type { UserAccount } from '../../accounts/UserAccount.js';
import type { ReportService } from '../../reporting/ReportService.js';
import { classifyReport } from '../../classifiers/index.js';
import { signalLabelKey } from '../../classifiers/signalLabels.js';
import { crisisResourcesFor } from '../../communityConfig/crisisResources.js';
import { classifierInput } from '../../routing/routeReport.js';
import type { Settings } from '../../settings.js';
import type { Clock } from '../../shared/Clock.js';
import type { Namespaces } from '../../wiki/namespaces.js';
import type { OutgoingMail } from '../Mailer.js';
import { isCaseMail, type OutboxMessage } from '../OutboxRepository.js';
import { renderMailView, mailLanguage } from './mailViews.js';
import { languageNamer } from '../../i18n/languageNames.js';
import { presentReportEmail, presentReportUpdateEmail, RECENT_BLOCK_DAYS, type ReportEmailModel } from './reportEmailPresenter.js';

const RELATED_WINDOW = 7 * 24 * 3600 * 1000;

/**
 * The headers of every mail about a report. An urgent one (an emergency, to staff) is flagged as such: Outlook
 * reads Importance, most other clients X-Priority (1 is highest).
 */
export function reportHeaders(reportId: string, type: string, urgent: boolean): Record<string, string> {
  return {
    'X-ReportIncident-Report-Id': reportId,
    'X-ReportIncident-Type': type,
    'Auto-Submitted': 'auto-generated',
    ...(urgent ? { Importance: 'high', 'X-Priority': '1' } : {}),
  };
}

const subjectKeys: Record<'trust-and-safety' | 'direct' | 'receipt', string> = {
  'trust-and-safety': 'reportincident-email-subject-emergency',
  direct: 'reportincident-email-subject-direct',
  receipt: 'reportincident-receipt-subject',
};

/** The composer cannot build this message (its report is gone): the worker marks it failed, never silently. */
export class UncomposableMail extends Error {}

interface ReportParties {
  report: IncidentReport;
  reporter: UserAccount | null;
  reportedAccount: UserAccount | null;
}

export class ReportMailComposer {
  constructor(
    private readonly reports: ReportService,
    private readonly accounts: AccountService,
    private readonly communityConfig: CommunityConfigProvider,
    private readonly namespaces: Namespaces,
    private readonly messages: Messages,
    private readonly settings: Settings,
    private readonly clock: Clock,
    private readonly viewsDir: string,
  ) {}

  private render(view: string, data: Record<string, unknown>, text: boolean): Promise<string> {
    return renderMailView(this.viewsDir, this.settings.runtime.production, view, data, text);
  }

  /**
   * The language of mail to staff: Trust & Safety's in ReportIncidentEmailLanguage (one team serves many wikis), a
   * direct report in the wiki's content language (its own community responders read it); English when the wiki
   * has no messages in that language.
   */
  private staffLanguage(kind: 'trust-and-safety' | 'direct' | 'receipt'): string {
    return mailLanguage(this.messages, kind === 'direct' ? this.settings.LanguageCode : this.settings.ReportIncidentEmailLanguage);
  }

  /**
   * A report with its reporter and reported account, read once for the messages of that report composed at the
   * same moment (the worker claims a report's mail to staff and its receipt together): each read is a round trip.
   * Forgotten as soon as it is read, so a later message reads afresh.
   */
  private readonly reading = new Map<string, Promise<ReportParties | null>>();

  private readParties(reportId: string): Promise<ReportParties | null> {
    let read = this.reading.get(reportId);
    if (!read) {
      read = (async () => {
        const report = await this.reports.find(reportId);
        if (!report) return null;
        const reporter = report.reporterUserId !== null ? await this.accounts.findById(report.reporterUserId) : null;
        const reportedAccount = report.reportedUser ? await this.accounts.findByName(report.reportedUser) : null;
        return { report, reporter, reportedAccount };
      })().finally(() => this.reading.delete(reportId));
      this.reading.set(reportId, read);
    }
    return read;
  }

  /**
   * What staff are told of a report (the mail's model): the report, its people, the classifiers' signals and the
   * related reports. A receipt needs neither the signals nor the related reports.
   */
  private async present(parties: ReportParties, receiptOnly: boolean): Promise<{ model: ReportEmailModel; config: CommunityConfig }> {
    const { report, reporter, reportedAccount } = parties;
    const pageTitleText = this.namespaces.titleText(report.pageNamespace, report.pageTitle);
    const now = this.clock.now();
    // The classifiers read what the reporter wrote and the comment as it stood: their signals tell staff where to look.
    const config = await this.communityConfig.current();
    const input = classifierInput(report, config, this.settings);
    const seen = new Set<string>();
    // A receipt shows neither signals nor related reports: it needs neither the classifiers nor that query.
    const verdicts = receiptOnly ? null : classifyReport(input);
    const signals = (verdicts ? [...verdicts.emergency.signals, ...verdicts.nonEmergency.signals] : [])
      .filter((s) => (seen.has(s.rule + s.match) ? false : (seen.add(s.rule + s.match), true)))
      // The model's signal says how sure it was, as "model: 0.83 self-harm"; a rule's names the rule.
      .map((s) => ({ labelKey: signalLabelKey[s.category], match: s.match, rule: s.score !== undefined ? `model: ${s.score.toFixed(2)} ${s.category}` : s.rule }));
    const model = presentReportEmail(report, {
      sitename: this.settings.Sitename,
      server: this.settings.Server,
      pageTitleText,
      reporter,
      reportedAccount,
      // Blocks are staff's to weigh; the reporter's own receipt has no use for them.
      reporterBlocks: reporter && !receiptOnly ? await this.accounts.recentBlocks(reporter, RECENT_BLOCK_DAYS) : [],
      reportedBlocks: reportedAccount && !receiptOnly ? await this.accounts.recentBlocks(reportedAccount, RECENT_BLOCK_DAYS) : [],
      related: receiptOnly ? [] : await this.reports.related(report, report.createdAt - RELATED_WINDOW),
      now,
      signals,
      unreadableLanguages: verdicts?.emergency.reading.unreadable ?? [],
    });
    return { model, config };
  }

  /** What a report's mail to staff tells them, for the case page (#21): the same facts, read now. */
  async staffModel(reportId: string): Promise<ReportEmailModel | null> {
    const parties = await this.readParties(reportId);
    return parties ? (await this.present(parties, false)).model : null;
  }

  /** What the reporter's receipt tells them (no signals, blocks or related reports): their page of the report. */
  async receiptModel(reportId: string): Promise<ReportEmailModel | null> {
    const parties = await this.readParties(reportId);
    return parties ? (await this.present(parties, true)).model : null;
  }

  async compose(message: OutboxMessage): Promise<OutgoingMail> {
    // The desk's mail (to the reporter, reminders) has its own composer; the container sends each kind to its own.
    const kind = message.kind;
    if (isCaseMail(kind)) throw new UncomposableMail(`${kind} mail is not a report's mail`);
    if (message.updateId !== null) {
      const report = await this.reports.find(message.reportId);
      if (!report) throw new UncomposableMail(`report ${message.reportId} no longer exists`);
      return this.composeUpdate({ ...message, kind }, message.updateId, report);
    }
    const parties = await this.readParties(message.reportId);
    if (!parties) throw new UncomposableMail(`report ${message.reportId} no longer exists`);
    const { report, reporter } = parties;
    const { model, config } = await this.present(parties, message.kind === 'receipt');
    const receipt = message.kind === 'receipt';
    const lang = receipt ? mailLanguage(this.messages, report.reporterLanguage) : this.staffLanguage(kind);
    const t = this.messages.translator(lang);
    const atRisk = model.reporterAtRisk && message.kind === 'trust-and-safety';
    const subjectKey = atRisk ? 'reportincident-email-subject-at-risk' : subjectKeys[kind];
    // What, where and how many: enough to decide from the inbox which mail to open first.
    // Only Trust & Safety's mail lists related reports (they may be emergencies): only its subject counts them.
    const related = message.kind !== 'trust-and-safety' || model.related.length === 0 ? '' : ` ${t('reportincident-email-subject-related', { count: model.related.length })}`;
    const subject = `${t(subjectKey, { sitename: model.sitename, type: t(model.typeLabelKey), page: model.content.pageTitle, id: model.reportId })}${related}`;
    const data = {
      t,
      lang,
      // Named once, in the mail's language, for both parts.
      unreadableLanguages: model.unreadableLanguages.map(languageNamer(lang)).join(', '),
      dir: directionOf(lang),
      m: model,
      subject,
      audience: message.kind,
      // Staff handle the report on its case page; a receipt has none to offer.
      caseUrl: `${this.settings.Server}/wiki/Special:IncidentReports/${model.reportId}`,
      name: reporter?.name ?? '',
      responseHours: config.ReportIncident_Emergency_ResponseTimeHours,
      emergencyEmails: this.settings.ReportIncidentRecipientEmails.join(', '),
      crisisIntroKey: report.about === 'someone-else' ? 'reportincident-submitted-crisis-intro-other' : 'reportincident-submitted-crisis-intro',
      crisisResources: report.physicalHarmType === 'threats-self-harm' ? crisisResourcesFor(config.ReportIncident_CrisisResources, lang) : [],
    };
    const view = receipt ? 'receipt' : 'report';
    const [text, html] = await Promise.all([this.render(`${view}.text.ejs`, data, true), this.render(`${view}.html.ejs`, data, false)]);
    return {
      from: `${this.settings.Sitename} <${this.settings.PasswordSender}>`,
      to: message.recipients,
      // Staff answer the reporter directly; a receipt needs no Reply-To.
      ...(!receipt && model.reporter?.email ? { replyTo: model.reporter.email } : {}),
      subject,
      text,
      html,
      messageId: message.messageId,
      // A receipt is the reporter's own mail: never marked urgent.
      headers: reportHeaders(model.reportId, model.type, model.emergency && !receipt),
      date: new Date(report.createdAt),
    };
  }

  /**
   * An update's mail, in the thread of the report's mail to the same recipients: only what the repeat added (the
   * recipients have the rest), with the same Reply-To as that mail.
   */
  private async composeUpdate(message: OutboxMessage & { kind: 'trust-and-safety' | 'direct' | 'receipt' }, updateId: number, report: IncidentReport): Promise<OutgoingMail> {
    const update = await this.reports.findUpdate(updateId);
    if (!update || update.reportId !== report.id) throw new UncomposableMail(`update ${updateId} of report ${report.id} no longer exists`);
    const reporter = report.reporterUserId !== null ? await this.accounts.findById(report.reporterUserId) : null;
    const replyTo = reporter && reporter.emailConfirmedAt !== null ? reporter.email : '';
    const model = presentReportUpdateEmail(report, update, { sitename: this.settings.Sitename });
    const lang = this.staffLanguage(message.kind);
    const t = this.messages.translator(lang);
    // An update that says a self-harm report is about the reporter is said first, as on a first report.
    const atRisk = report.physicalHarmType === 'threats-self-harm' && await this.reports.aboutAsOf(report, update) === 'self' && message.kind === 'trust-and-safety';
    const subject = t(atRisk ? 'reportincident-email-subject-update-at-risk' : 'reportincident-email-subject-update', { sitename: model.sitename, type: t(model.typeLabelKey), id: model.reportId });
    const data = { t, lang, dir: directionOf(lang), m: model, subject, audience: message.kind, atRisk };
    const [text, html] = await Promise.all([this.render('update.text.ejs', data, true), this.render('update.html.ejs', data, false)]);
    return {
      from: `${this.settings.Sitename} <${this.settings.PasswordSender}>`,
      to: message.recipients,
      ...(replyTo ? { replyTo } : {}),
      subject,
      text,
      html,
      messageId: message.messageId,
      ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
      headers: reportHeaders(model.reportId, model.type, report.incidentType === 'immediate-threat-physical-harm'),
      date: new Date(update.createdAt),
    };
  }
}

