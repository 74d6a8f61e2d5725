/**
 * The rules of a case (#21), as data and pure functions: who may see it, which actions each status allows and to
 * whom, what each action does to the status, and which events the reporter sees. Routes and the service ask here.
 */
import type { UserAccount } from '../accounts/UserAccount.js';

export const caseStatuses = ['new', 'acknowledged', 'investigating', 'escalated', 'resolved', 'no-action', 'withdrawn'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseActions = ['claim', 'assign', 'acknowledge', 'message', 'note', 'status', 'escalate', 'close', 'reopen', 'answered-by-mail', 'add-information', 'withdraw', 'request-review'] as const;
export type CaseAction = (typeof caseActions)[number];

/** Trust & Safety handles emergencies and escalations; the community's responders handle direct reports. */
export type CaseQueue = 'trust-and-safety' | 'community';

/** How the one asking stands to a case: it decides what they see and may do. Nobody else learns the case exists. */
export type CaseRole = 'trust-and-safety' | 'responder' | 'reporter' | 'none';

/** Statuses in which the case is still being handled. */
export const openStatuses: readonly CaseStatus[] = ['new', 'acknowledged', 'investigating', 'escalated'];
/** The outcomes a responder closes with. */
export const closingOutcomes: readonly CaseStatus[] = ['resolved', 'no-action'];
/** The statuses a responder may set with "change status" (closing and escalating have their own actions). */
export const settableStatuses: readonly CaseStatus[] = ['acknowledged', 'investigating'];

/** The last moment a reporter may ask for a review of an outcome reached at `closedAt`: six calendar months on (the DSA's). */
export function reviewDeadline(closedAt: number): number {
  const d = new Date(closedAt);
  d.setUTCMonth(d.getUTCMonth() + 6);
  return d.getTime();
}

/**
 * The earliest closing time whose outcome may still be reviewed at `now`: retention keeps a report whose case
 * closed since then (or is still open), so that its reporter can still ask for a review of it.
 */
export function reviewOpenSince(now: number): number {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - 6);
  return d.getTime();
}

export interface CaseFacts {
  queue: CaseQueue;
  /** The queue the case opened in: the community keeps what it escalated. */
  openedIn: CaseQueue;
  reporterUserId: number | null;
  /** The reported account, if it is one: never a handler of the case, whatever its groups. */
  reportedUserId: number | null;
  /** Responders the reporter asked to keep out of a direct report: they may not see it. */
  recused: readonly number[];
  /** Retention erased the report: its case is kept for statistics only, and nobody opens it any more. */
  erased?: boolean;
}

/**
 * The viewer's relation to a case. Trust & Safety handles emergencies and escalations; the community's responders
 * handle direct reports, the ones they escalated included, unless recused.
 */
export function roleOf(user: UserAccount | null, facts: CaseFacts): CaseRole {
  // An erased report's case has nothing left to read or do, and no longer knows whom to keep out.
  if (!user || facts.erased) return 'none';
  // The reported person never sees a case about them, and someone the reporter kept out never sees it either.
  const excluded = user.id === facts.reportedUserId || facts.recused.includes(user.id);
  const handles = !excluded && facts.queue === 'trust-and-safety' && user.groups.includes('trust-and-safety');
  const responds = !excluded && facts.openedIn === 'community' && user.groups.includes('incident-responder');
  const reported = facts.reporterUserId !== null && facts.reporterUserId === user.id;
  // Nobody handles their own report: a responder who reported sees it as its reporter.
  return reported ? 'reporter' : handles ? 'trust-and-safety' : responds ? 'responder' : 'none';
}

/** Whether someone handles cases at all (Trust & Safety, or the community's incident responders). */
export function handlesCases(user: Pick<UserAccount, 'groups'> | null): boolean {
  return user !== null && (user.groups.includes('trust-and-safety') || user.groups.includes('incident-responder'));
}

const responderActions: readonly CaseAction[] = ['claim', 'assign', 'acknowledge', 'message', 'note', 'status', 'escalate', 'close', 'reopen', 'answered-by-mail'];
const reporterActions: readonly CaseAction[] = ['add-information', 'withdraw', 'request-review'];

/** Which actions a status allows, whoever asks (the role narrows them further). */
function allowedIn(status: CaseStatus, queue: CaseQueue): CaseAction[] {
  const open = openStatuses.includes(status);
  const allowed: CaseAction[] = ['note'];
  if (open) allowed.push('claim', 'assign', 'message', 'status', 'close', 'answered-by-mail', 'withdraw');
  if (status === 'new') allowed.push('acknowledge');
  // Escalation moves a community case to Trust & Safety; a case already there has nowhere higher to go.
  if (open && queue === 'community') allowed.push('escalate');
  if (!open) allowed.push('reopen');
  if (closingOutcomes.includes(status)) allowed.push('request-review');
  if (status !== 'withdrawn') allowed.push('add-information');
  return allowed;
}

/**
 * The actions this role may take on a case in its present status, in the order the page offers them. Once the
 * community has escalated a case, Trust & Safety decides it: the community keeps it in view and may add notes.
 */
export function actionsFor(role: CaseRole, status: CaseStatus, queue: CaseQueue): CaseAction[] {
  const mine = role === 'reporter' ? reporterActions : role === 'none' ? [] : role === 'responder' && queue === 'trust-and-safety' ? (['note'] as const) : responderActions;
  const allowed = new Set(allowedIn(status, queue));
  return caseActions.filter((a) => mine.includes(a) && allowed.has(a));
}

/** The status an action leaves the case in (null: unchanged). `status` and `close` name theirs. */
export function statusAfter(action: CaseAction, named?: CaseStatus): CaseStatus | null {
  switch (action) {
    case 'acknowledge':
      return 'acknowledged';
    case 'status':
      return named ?? null;
    case 'escalate':
      return 'escalated';
    case 'close':
      return named ?? 'resolved';
    case 'reopen':
    case 'request-review':
      return 'investigating';
    case 'withdraw':
      return 'withdrawn';
    default:
      // Claiming, assigning, notes and messages leave the status as it is: acknowledging is its own, deliberate act.
      return null;
  }
}

/** Whether the reporter sees an event of this type: never internal notes, assignments or who opened the case. */
export function reporterSees(action: CaseAction | 'opened'): boolean {
  return ['acknowledge', 'message', 'status', 'escalate', 'close', 'reopen', 'add-information', 'withdraw', 'request-review', 'opened'].includes(action);
}

/**
 * Whether the reporter reads an event's words: what was written to them (an acknowledgement, a message, the
 * reasons of an outcome) and their own. A status change, an escalation or a reopening shows only that it happened:
 * its text is a hand-over between responders.
 */
export function reporterReads(action: CaseAction | 'opened'): boolean {
  return ['acknowledge', 'message', 'close', 'add-information', 'withdraw', 'request-review'].includes(action);
}

/** Which actions need a text, and which refuse one. */
export function textRule(action: CaseAction): 'required' | 'optional' | 'none' {
  if (['acknowledge', 'message', 'note', 'close', 'add-information', 'request-review'].includes(action)) return 'required';
  if (['escalate', 'reopen', 'withdraw', 'status', 'answered-by-mail'].includes(action)) return 'optional';
  return 'none';
}
