/**
 * The desk's mail (#21): what responders wrote to the reporter (an acknowledgement, a message, the outcome), in the
 * reporter's language and naming nobody; and reminders of cases left waiting, to the group that handles them.
 */
import type { AccountService } from '../accounts/AccountService.js';
import { mailLanguage, renderMailView } from '../delivery/emails/mailViews.js';
import { reportHeaders, UncomposableMail } from '../delivery/emails/ReportMailComposer.js';
import { utc } from '../delivery/emails/reportEmailPresenter.js';
import type { OutgoingMail } from '../delivery/Mailer.js';
import type { OutboxMessage } from '../delivery/OutboxRepository.js';
import { directionOf, type Messages, type Translate } from '../i18n/createI18n.js';
import { reportType } from '../reporting/IncidentReport.js';
import type { ReportService } from '../reporting/ReportService.js';
import type { Settings } from '../settings.js';
import type { CaseRepository } from './CaseRepository.js';
import { statusLabelKey } from './caseLabels.js';
import { type CaseStatus, reviewDeadline } from './casePolicy.js';
import { reportTypeLabelKey } from '../taxonomy/taxonomy.js';

const reporterSubjectKey: Record<string, string> = {
  acknowledge: 'reportincident-reporter-mail-subject-acknowledge',
  message: 'reportincident-reporter-mail-subject-message',
  close: 'reportincident-reporter-mail-subject-close',
};

/** What the case's handlers are told by mail, by event. */
const handlerSubjectKey: Record<string, string> = {
  'add-information': 'reportincident-handlers-mail-subject-add-information',
  withdraw: 'reportincident-handlers-mail-subject-withdraw',
  'request-review': 'reportincident-handlers-mail-subject-request-review',
  escalate: 'reportincident-handlers-mail-subject-escalate',
};
const handlerIntroKey: Record<string, string> = {
  'add-information': 'reportincident-handlers-mail-intro-add-information',
  withdraw: 'reportincident-handlers-mail-intro-withdraw',
  'request-review': 'reportincident-handlers-mail-intro-request-review',
  escalate: 'reportincident-handlers-mail-intro-escalate',
};

export class CaseMailComposer {
  constructor(
    private readonly reports: Pick<ReportService, 'find'>,
    private readonly cases: Pick<CaseRepository, 'event' | 'find'>,
    private readonly accounts: Pick<AccountService, 'findById'>,
    private readonly messages: Messages,
    private readonly settings: Settings,
    private readonly viewsDir: string,
  ) {}

  /** The mail of `view` (its text and HTML parts) for this message, with what differs by kind. */
  private async mail(message: OutboxMessage, view: string, data: Record<string, unknown>, envelope: { subject: string; inReplyTo: string; headers: Record<string, string>; date: Date; replyTo?: string }): Promise<OutgoingMail> {
    const render = (part: string, text: boolean) => renderMailView(this.viewsDir, this.settings.runtime.production, `${view}.${part}.ejs`, data, text);
    const [text, html] = await Promise.all([render('text', true), render('html', false)]);
    return {
      from: `${this.settings.Sitename} <${this.settings.PasswordSender}>`,
      to: message.recipients,
      ...(envelope.replyTo ? { replyTo: envelope.replyTo } : {}),
      subject: envelope.subject,
      text,
      html,
      messageId: message.messageId,
      inReplyTo: envelope.inReplyTo,
      headers: envelope.headers,
      date: envelope.date,
    };
  }

  private host(): string {
    return new URL(this.settings.Server).hostname;
  }

  /** Mail to a case's handlers: in Trust & Safety's mail language for their queue, the wiki's for the community's, linking the desk. */
  private forHandlers(trustAndSafety: boolean, reportId: string): { lang: string; t: Translate; url: string } {
    const lang = mailLanguage(this.messages, trustAndSafety ? this.settings.ReportIncidentEmailLanguage : this.settings.LanguageCode);
    return { lang, t: this.messages.translator(lang), url: `${this.settings.Server}/wiki/Special:IncidentReports/${reportId}` };
  }

  async compose(message: OutboxMessage): Promise<OutgoingMail> {
    const report = await this.reports.find(message.reportId);
    if (!report) throw new UncomposableMail(`report ${message.reportId} no longer exists`);
    // The report's own headers; mail to Trust & Safety's queue is urgent as an emergency's is.
    const headers = (urgent: boolean) => reportHeaders(report.id, reportType(report), urgent);
    const found = await this.cases.find(report.id);

    if (message.kind === 'reporter') {
      const event = message.caseEventSeq !== null ? await this.cases.event(report.id, message.caseEventSeq) : null;
      if (!event || !reporterSubjectKey[event.type]) throw new UncomposableMail(`event ${message.caseEventSeq} of case ${report.id} is not one for its reporter`);
      const lang = mailLanguage(this.messages, report.reporterLanguage);
      const t = this.messages.translator(lang);
      const reporter = report.reporterUserId !== null ? await this.accounts.findById(report.reporterUserId) : null;
      const subject = t(reporterSubjectKey[event.type]!, { id: report.id, sitename: this.settings.Sitename });
      const outcome = event.detail.status as CaseStatus | undefined;
      const closedAt = event.type === 'close' ? event.at : null;
      const data = {
        t,
        lang,
        dir: directionOf(lang),
        subject,
        name: reporter?.name ?? '',
        id: report.id,
        sitename: this.settings.Sitename,
        type: event.type,
        text: event.text,
        outcome: outcome && statusLabelKey[outcome] ? t(statusLabelKey[outcome]) : '',
        url: `${this.settings.Server}/wiki/Special:MyReports/${report.id}`,
        // The review window as the page gives it; a case reopened since has no outcome to review.
        reviewUntil: closedAt !== null && found?.closedAt !== null ? new Date(reviewDeadline(closedAt)).toISOString().slice(0, 10) : null,
      };
      // In the thread of the reporter's receipt.
      return this.mail(message, 'caseReporter', data, { subject, inReplyTo: `<${report.id}.receipt@${this.host()}>`, headers: headers(false), date: new Date(event.at) });
    }

    if (message.kind === 'reminder') {
      if (!found) throw new UncomposableMail(`report ${report.id} has no case`);
      const ts = found.queue === 'trust-and-safety';
      const { lang, t, url } = this.forHandlers(ts, report.id);
      const level = message.reminderLevel === 2 ? 2 : 1;
      const hours = found.openedIn === 'trust-and-safety' ? this.settings.ReportIncidentAcknowledgeWithinHours.emergency : this.settings.ReportIncidentAcknowledgeWithinHours.community;
      const type = t(reportTypeLabelKey(reportType(report)));
      const subject = t(level === 2 ? 'reportincident-reminder-subject-second' : 'reportincident-reminder-subject-first', { sitename: this.settings.Sitename, type, id: report.id });
      const data = {
        t,
        lang,
        dir: directionOf(lang),
        subject,
        level,
        trustAndSafety: ts,
        id: report.id,
        type,
        received: utc(found.createdAt),
        hours,
        sitename: this.settings.Sitename,
        url,
      };
      // In the thread of the report's own mail to the same people.
      return this.mail(message, 'caseReminder', data, {
        subject,
        inReplyTo: `<${report.id}.${found.openedIn === 'trust-and-safety' ? 'trust-and-safety' : 'direct'}@${this.host()}>`,
        headers: headers(ts),
        date: new Date(message.createdAt),
      });
    }

    if (message.kind === 'case-staff') {
      const event = message.caseEventSeq !== null ? await this.cases.event(report.id, message.caseEventSeq) : null;
      const subjectKey = event ? handlerSubjectKey[event.type] : undefined;
      if (!event || !subjectKey) throw new UncomposableMail(`event ${message.caseEventSeq} of case ${report.id} is not one for its handlers`);
      const ts = found?.queue === 'trust-and-safety';
      const { lang, t, url } = this.forHandlers(ts, report.id);
      const type = t(reportTypeLabelKey(reportType(report)));
      const subject = t(subjectKey, { sitename: this.settings.Sitename, type, id: report.id });
      const reporter = report.reporterUserId !== null ? await this.accounts.findById(report.reporterUserId) : null;
      const data = {
        t,
        lang,
        dir: directionOf(lang),
        subject,
        introKey: handlerIntroKey[event.type]!,
        id: report.id,
        type,
        text: event.text,
        sitename: this.settings.Sitename,
        url,
      };
      // As the report's own mail: answering reaches the reporter.
      return this.mail(message, 'caseHandlers', data, {
        subject,
        ...(reporter && reporter.emailConfirmedAt !== null && reporter.email !== '' ? { replyTo: reporter.email } : {}),
        inReplyTo: `<${report.id}.${found?.openedIn === 'community' && !ts ? 'direct' : 'trust-and-safety'}@${this.host()}>`,
        headers: headers(ts),
        date: new Date(event.at),
      });
    }
    throw new UncomposableMail(`${message.kind} mail is not the desk's`);
  }
}
