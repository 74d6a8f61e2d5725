/** The message keys of a case's statuses, actions and events, written out so that each key is findable in the code. */
import type { CaseEventType } from './CaseRepository.js';
import type { CaseAction, CaseStatus } from './casePolicy.js';

export const statusLabelKey: Record<CaseStatus, string> = {
  new: 'reportincident-case-status-new',
  acknowledged: 'reportincident-case-status-acknowledged',
  investigating: 'reportincident-case-status-investigating',
  escalated: 'reportincident-case-status-escalated',
  resolved: 'reportincident-case-status-resolved',
  'no-action': 'reportincident-case-status-no-action',
  withdrawn: 'reportincident-case-status-withdrawn',
};

/** What each status means to the reporter, on Special:MyReports. */
export const statusExplanationKey: Record<CaseStatus, string> = {
  new: 'reportincident-myreports-status-new',
  acknowledged: 'reportincident-myreports-status-acknowledged',
  investigating: 'reportincident-myreports-status-investigating',
  escalated: 'reportincident-myreports-status-escalated',
  resolved: 'reportincident-myreports-status-resolved',
  'no-action': 'reportincident-myreports-status-no-action',
  withdrawn: 'reportincident-myreports-status-withdrawn',
};

/** The heading and button of each action's form. */
export const actionLabelKey: Record<CaseAction, string> = {
  claim: 'reportincident-case-action-claim',
  assign: 'reportincident-case-action-assign',
  acknowledge: 'reportincident-case-action-acknowledge',
  message: 'reportincident-case-action-message',
  note: 'reportincident-case-action-note',
  status: 'reportincident-case-action-status',
  escalate: 'reportincident-case-action-escalate',
  close: 'reportincident-case-action-close',
  reopen: 'reportincident-case-action-reopen',
  'answered-by-mail': 'reportincident-case-action-answered-by-mail',
  'add-information': 'reportincident-case-action-add-information',
  withdraw: 'reportincident-case-action-withdraw',
  'request-review': 'reportincident-case-action-request-review',
};

/** What each action's form says it does, under its heading. */
export const actionHelpKey: Record<CaseAction, string> = {
  claim: 'reportincident-case-help-claim',
  assign: 'reportincident-case-help-assign',
  acknowledge: 'reportincident-case-help-acknowledge',
  message: 'reportincident-case-help-message',
  note: 'reportincident-case-help-note',
  status: 'reportincident-case-help-status',
  escalate: 'reportincident-case-help-escalate',
  close: 'reportincident-case-help-close',
  reopen: 'reportincident-case-help-reopen',
  'answered-by-mail': 'reportincident-case-help-answered-by-mail',
  'add-information': 'reportincident-case-help-add-information',
  withdraw: 'reportincident-case-help-withdraw',
  'request-review': 'reportincident-case-help-request-review',
};

/** The label of each action's text box: whom the words are for. */
export const textLabelKey: Partial<Record<CaseAction, string>> = {
  acknowledge: 'reportincident-case-textlabel-acknowledge',
  message: 'reportincident-case-textlabel-message',
  note: 'reportincident-case-textlabel-note',
  status: 'reportincident-case-textlabel-status',
  escalate: 'reportincident-case-textlabel-escalate',
  close: 'reportincident-case-textlabel-close',
  reopen: 'reportincident-case-textlabel-reopen',
  'answered-by-mail': 'reportincident-case-textlabel-answered-by-mail',
  'add-information': 'reportincident-case-textlabel-add-information',
  withdraw: 'reportincident-case-textlabel-withdraw',
  'request-review': 'reportincident-case-textlabel-request-review',
};

/** What the reporter is told after each of their own actions. */
export const reporterDoneKey: Partial<Record<CaseAction, string>> = {
  'add-information': 'reportincident-myreports-done-add-information',
  withdraw: 'reportincident-myreports-done-withdraw',
  'request-review': 'reportincident-myreports-done-request-review',
};

/** An event in the responders' timeline. `{{actor}}`-free: the actor is shown beside it. */
export const eventLabelKey: Record<CaseEventType, string> = {
  opened: 'reportincident-case-event-opened',
  claim: 'reportincident-case-event-claim',
  assign: 'reportincident-case-event-assign',
  acknowledge: 'reportincident-case-event-acknowledge',
  message: 'reportincident-case-event-message',
  note: 'reportincident-case-event-note',
  status: 'reportincident-case-event-status',
  escalate: 'reportincident-case-event-escalate',
  close: 'reportincident-case-event-close',
  reopen: 'reportincident-case-event-reopen',
  'answered-by-mail': 'reportincident-case-event-answered-by-mail',
  'add-information': 'reportincident-case-event-add-information',
  withdraw: 'reportincident-case-event-withdraw',
  'request-review': 'reportincident-case-event-request-review',
};

/** The same events as the reporter reads them: about "you" and "the responders", never naming anyone. */
export const reporterEventLabelKey: Partial<Record<CaseEventType, string>> = {
  opened: 'reportincident-myreports-event-opened',
  acknowledge: 'reportincident-myreports-event-acknowledge',
  message: 'reportincident-myreports-event-message',
  status: 'reportincident-myreports-event-status',
  escalate: 'reportincident-myreports-event-escalate',
  close: 'reportincident-myreports-event-close',
  reopen: 'reportincident-myreports-event-reopen',
  'add-information': 'reportincident-myreports-event-add-information',
  withdraw: 'reportincident-myreports-event-withdraw',
  'request-review': 'reportincident-myreports-event-request-review',
};

/** The queue's status filter choices beyond single statuses. */
export const statusFilterLabelKey: Record<'open' | 'closed' | 'all', string> = {
  open: 'reportincident-queue-filter-open',
  closed: 'reportincident-queue-filter-closed',
  all: 'reportincident-queue-filter-all',
};

export const assigneeFilterLabelKey: Record<'any' | 'mine' | 'none', string> = {
  any: 'reportincident-queue-filter-anyone',
  mine: 'reportincident-queue-filter-mine',
  none: 'reportincident-queue-filter-nobody',
};
