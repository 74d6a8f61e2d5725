/** What the desk's pages show of cases, as plain values for the views: labels as message keys, times in the reader's language. */
import { timestampParts } from '../i18n/formatDate.js';
import type { Translate } from '../i18n/createI18n.js';
import { reportTypeLabelKey } from '../taxonomy/taxonomy.js';
import { actionHelpKey, actionLabelKey, eventLabelKey, reporterEventLabelKey, statusExplanationKey, statusLabelKey, textLabelKey } from './caseLabels.js';
import type { CaseAction, CaseStatus } from './casePolicy.js';
import { closingOutcomes, reporterReads, reviewDeadline, settableStatuses, textRule } from './casePolicy.js';
import type { CaseSummary } from './CaseRepository.js';
import type { CaseView, QueueEntry } from './CaseService.js';
import { MAX_CASE_TEXT } from './CaseService.js';


export const casePath = (reportId: string) => `/wiki/Special:IncidentReports/${reportId}`;
export const myReportPath = (reportId: string) => `/wiki/Special:MyReports/${reportId}`;

export interface QueueLine {
  reportId: string;
  href: string;
  typeLabel: string;
  statusKey: string;
  status: CaseStatus;
  emergency: boolean;
  overdue: boolean;
  reporterAtRisk: boolean;
  reviewRequested: boolean;
  escalated: boolean;
  filed: { time: string; date: string; iso: string };
  page: string;
  reportedUser: string;
  assignee: string | null;
  relatedCount: number;
}

/** What every line about a case shows, the queue's and the reporter's: which report, where it stands, when, where. */
function caseLine(s: CaseSummary, href: string, t: Translate, lang: string, pageName: (ns: number, title: string) => string) {
  return {
    reportId: s.reportId,
    href,
    typeLabel: t(reportTypeLabelKey(s.type)),
    statusKey: statusLabelKey[s.status],
    status: s.status,
    filed: timestampParts(s.createdAt, lang),
    page: s.pageTitle ? pageName(s.pageNamespace, s.pageTitle) : '',
  };
}

export function presentQueueLine(e: QueueEntry, t: Translate, lang: string, pageName: (ns: number, title: string) => string): QueueLine {
  return {
    ...caseLine(e, casePath(e.reportId), t, lang, pageName),
    emergency: e.emergency,
    overdue: e.overdue,
    reporterAtRisk: e.reporterAtRisk,
    reviewRequested: e.reviewRequestedAt !== null,
    escalated: e.queue !== e.openedIn,
    reportedUser: e.reportedUser,
    assignee: e.assigneeName,
    relatedCount: e.relatedCount,
  };
}

/** A line of Special:MyReports: the reporter's own report and where it stands. */
export function presentMyReportLine(s: CaseSummary, t: Translate, lang: string, pageName: (ns: number, title: string) => string) {
  return caseLine(s, myReportPath(s.reportId), t, lang, pageName);
}

export interface TimelineEntry {
  seq: number;
  at: { time: string; date: string; iso: string };
  label: string;
  /** Who acted; null for the wiki itself, and always for the reporter's view. */
  actor: string | null;
  text: string;
  /** Internal: responders only (notes, assignments, claims). */
  internal: boolean;
  /** The event is the reporter's to see, but not its words (a status change's reason, a hand-over). */
  textForResponders: boolean;
  /** A note Trust & Safety kept from the community's responders. */
  trustAndSafetyOnly: boolean;
  type: string;
}

/** The timeline, oldest first, as this viewer may read it. */
export function presentTimeline(view: CaseView, t: Translate, lang: string, names: ReadonlyMap<number, string>): TimelineEntry[] {
  const reporter = view.role === 'reporter';
  return view.events.map((e) => {
    const key = reporter ? (reporterEventLabelKey[e.type] ?? eventLabelKey[e.type]) : eventLabelKey[e.type];
    const status = e.detail.status as CaseStatus | undefined;
    return {
      seq: e.seq,
      at: timestampParts(e.at, lang),
      label: t(key, { status: status && statusLabelKey[status] ? t(statusLabelKey[status]) : '', assignee: e.detail.assignee ?? '' }),
      actor: reporter || e.actorUserId === null ? null : (names.get(e.actorUserId) ?? null),
      text: e.text,
      internal: e.visibility === 'responders',
      textForResponders: !reporter && e.visibility === 'reporter' && e.text !== '' && !reporterReads(e.type),
      trustAndSafetyOnly: e.detail.audience === 'trust-and-safety',
      type: e.type,
    };
  });
}

export interface ActionForm {
  action: CaseAction;
  labelKey: string;
  helpKey: string;
  /** 'required', 'optional' or 'none': whether the form has a text box. */
  text: 'required' | 'optional' | 'none';
  /** The text box's content: a template, or what the actor wrote when the action was refused. */
  value: string;
  /** For "status" and "close": the statuses offered, as radio buttons. */
  statuses: { value: CaseStatus; labelKey: string }[];
  /** For "assign": a user name field. */
  assignee: boolean;
  assigneeValue: string;
  chosenStatus: string;
  /** Open on arrival: the form that was refused, so the actor sees what went wrong beside what they wrote. */
  open: boolean;
  max: number;
  /** A template this form was filled from, sent back so that the timeline says which. */
  template: string;
  /** The language of that template (the reporter's), named in the reader's language. */
  templateLanguage: string;
  /** Whom the words are for. */
  textLabelKey: string;
  /** Withdrawing asks for a tick first: it cannot be undone. */
  confirm: boolean;
  /** Trust & Safety may keep a note on a community case from the community's responders. */
  trustAndSafetyOnly: boolean;
}

/** What the actor sent that was refused, kept so that nothing they wrote is lost. */
export interface RefusedAction {
  action: string;
  text: string;
  status: string;
  assignee: string;
}

/** The forms of the actions this viewer has now, in the order the policy gives them. */
export function presentActionForms(view: CaseView, templates: Partial<Record<CaseAction, { name: string; text: string; language?: string }>>, refused: RefusedAction | null): ActionForm[] {
  return view.actions.map((action) => {
    const mine = refused?.action === action ? refused : null;
    const statuses = action === 'status' ? settableStatuses.filter((s) => s !== view.case.status) : action === 'close' ? closingOutcomes : [];
    const template = templates[action];
    return {
      action,
      labelKey: actionLabelKey[action],
      helpKey: actionHelpKey[action],
      text: textRule(action),
      value: mine ? mine.text : (template?.text ?? ''),
      statuses: statuses.map((s) => ({ value: s, labelKey: statusLabelKey[s] })),
      assignee: action === 'assign',
      assigneeValue: mine?.assignee ?? '',
      chosenStatus: mine?.status ?? '',
      open: mine !== null,
      max: MAX_CASE_TEXT,
      template: mine ? '' : (template?.name ?? ''),
      templateLanguage: mine ? '' : (template?.language ?? ''),
      textLabelKey: textLabelKey[action] ?? 'reportincident-case-text-label',
      confirm: action === 'withdraw',
      trustAndSafetyOnly: action === 'note' && view.role === 'trust-and-safety' && view.case.openedIn === 'community',
    };
  });
}

/** What the reporter reads about where their report stands, and until when they may ask for a review. */
export function presentReporterStatus(view: CaseView, lang: string) {
  const closedAt = view.case.closedAt;
  return {
    status: view.case.status,
    statusKey: statusLabelKey[view.case.status],
    explanationKey: statusExplanationKey[view.case.status],
    reviewUntil: closedAt !== null && view.actions.includes('request-review') ? timestampParts(reviewDeadline(closedAt), lang) : null,
    reviewRequested: view.case.reviewRequestedAt !== null,
  };
}
