/**
 * Cases (#21): one opens with every report that goes to people, in the report's transaction; responders and the
 * reporter act on it through here, each action checked against the case's rules and the revision the actor saw.
 */
import type { UserAccount } from '../accounts/UserAccount.js';
import type { IncidentReport } from '../reporting/IncidentReport.js';
import type { Clock } from '../shared/Clock.js';
import { cleanText } from '../wiki/textInput.js';
import type { CaseEvent, CaseChanges, CaseRepository, IncidentCase } from './CaseRepository.js';
import {
  actionsFor,
  type CaseAction,
  caseActions,
  type CaseFacts,
  type CaseQueue,
  type CaseRole,
  type CaseStatus,
  closingOutcomes,
  reporterReads,
  reporterSees,
  reviewDeadline,
  roleOf,
  settableStatuses,
  statusAfter,
  textRule,
} from './casePolicy.js';

/** The longest text an action carries, in code points. */
export const MAX_CASE_TEXT = 5000;

const queueByRoute: Partial<Record<IncidentReport['route'], CaseQueue>> = { emergency: 'trust-and-safety', direct: 'community' };

/** The queue a report's case goes to; null for reports that go to nobody (Get support, end-to-end tests). */
export function queueOf(report: Pick<IncidentReport, 'route' | 'test'>): CaseQueue | null {
  return report.test ? null : (queueByRoute[report.route] ?? null);
}

export interface CaseView {
  case: IncidentCase;
  role: Exclude<CaseRole, 'none'>;
  /** The events this viewer may see: the reporter never sees internal notes, assignments or who acted. */
  events: CaseEvent[];
  /** What this viewer may do now. */
  actions: CaseAction[];
}

export interface CaseActionRequest {
  action: string;
  revision: number;
  text?: string;
  status?: string;
  /** A responder's user id, for "assign". */
  assignee?: number;
}

export type CaseRefusal = { status: 400 | 404 | 409; errorKey: string; messageKey: string; params: Record<string, string | number> };
export type CaseActionResult = { ok: true; view: CaseView } | { ok: false; error: CaseRefusal };

/** What the service needs of the report and its people: the reporter, and whether someone is a responder. */
export interface CaseDirectory {
  /** The report's reporter and reported account (null when none, or erased). */
  partiesOf(reportId: string): Promise<{ reporterUserId: number | null; reportedUserId: number | null }>;
  findUser(id: number): Promise<UserAccount | null>;
}

const refuse = (status: CaseRefusal['status'], errorKey: string, messageKey: string, params: CaseRefusal['params'] = {}): CaseActionResult => ({
  ok: false,
  error: { status, errorKey, messageKey, params },
});

export class CaseService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly directory: CaseDirectory,
    private readonly clock: Clock,
  ) {}

  /** Opens the report's case if it goes to people; the caller holds the report's transaction. */
  async openFor(report: Pick<IncidentReport, 'id' | 'route' | 'test' | 'createdAt'>): Promise<void> {
    const queue = queueOf(report);
    if (queue) await this.cases.open(report.id, queue, report.createdAt);
  }

  private async facts(found: IncidentCase): Promise<CaseFacts> {
    return { queue: found.queue, openedIn: found.openedIn, status: found.status, ...(await this.directory.partiesOf(found.reportId)), recused: await this.cases.recused(found.reportId) };
  }

  /**
   * The case as this viewer may see it, or null when they may not see it at all (the caller answers 404, so that
   * nobody learns a case exists). A responder's opening is written to the access log.
   */
  async view(user: UserAccount | null, reportId: string, options: { logView?: boolean } = {}): Promise<CaseView | null> {
    const found = await this.cases.find(reportId);
    if (!found) return null;
    const role = roleOf(user, await this.facts(found));
    if (role === 'none' || !user) return null;
    if ((options.logView ?? true) && role !== 'reporter') await this.cases.recordView(reportId, user.id, this.clock.now());
    const events = await this.cases.events(reportId);
    if (role !== 'reporter') return { case: found, role, events, actions: actionsFor(role, found.status, found.queue) };
    // The reporter: what was meant for them, without who acted, who has the case, or the responders' hand-over notes.
    return {
      case: { ...found, assigneeUserId: null },
      role,
      events: events
        .filter((e) => e.visibility === 'reporter')
        .map((e) => ({ ...e, actorUserId: null, detail: (e.type === 'close' || e.type === 'status') && e.detail.status ? { status: e.detail.status } : ({} as Record<string, string>), text: reporterReads(e.type) ? e.text : '' })),
      actions: actionsFor(role, found.status, found.queue),
    };
  }

  /** Takes an action on a case, if this user may, in this status, at the revision they saw. */
  async act(user: UserAccount | null, reportId: string, request: CaseActionRequest): Promise<CaseActionResult> {
    const found = await this.cases.find(reportId);
    const role = found ? roleOf(user, await this.facts(found)) : 'none';
    if (!found || role === 'none' || !user) return refuse(404, 'rest-nonexistent-case', 'reportincident-case-error-not-found', { id: reportId });
    if (!(caseActions as readonly string[]).includes(request.action)) {
      return refuse(400, 'rest-invalid-action', 'reportincident-case-error-unknown-action', { action: request.action, allowed: caseActions.join(', ') });
    }
    const action = request.action as CaseAction;
    const allowed = actionsFor(role, found.status, found.queue);
    if (!allowed.includes(action)) {
      return refuse(409, 'rest-action-not-allowed', 'reportincident-case-error-not-allowed', { action, status: found.status, allowed: allowed.join(', ') });
    }
    if (request.revision !== found.revision) return refuse(409, 'rest-stale-revision', 'reportincident-case-error-stale', { revision: found.revision });

    let text = '';
    const rule = textRule(action);
    const given = typeof request.text === 'string' ? request.text : '';
    if (rule !== 'none' && (rule === 'required' || given.replace(/[\p{Cf}\s]/gu, '') !== '')) {
      const cleaned = cleanText(given, 'reportincident-case-text', MAX_CASE_TEXT);
      if (!cleaned.ok) return refuse(400, 'rest-invalid-text', cleaned.messageKey, (cleaned.params ?? {}) as CaseRefusal['params']);
      text = cleaned.value;
    }

    const now = this.clock.now();
    const detail: Record<string, string> = {};
    const changes: CaseChanges = {};
    let named: CaseStatus | undefined;
    if (action === 'status' || action === 'close') {
      const choices: readonly string[] = action === 'status' ? settableStatuses : closingOutcomes;
      if (!choices.includes(request.status ?? '')) {
        return refuse(400, 'rest-invalid-status', 'reportincident-case-error-unknown-status', { status: request.status ?? '', allowed: choices.join(', ') });
      }
      named = request.status as CaseStatus;
      detail.status = named;
    }
    if (action === 'claim' || action === 'assign') {
      const assignee = action === 'claim' ? user : request.assignee !== undefined ? await this.directory.findUser(request.assignee) : null;
      const assigneeRole = assignee ? roleOf(assignee, await this.facts(found)) : 'none';
      // Only someone who may handle this case can be given it.
      if (!assignee || assigneeRole === 'reporter' || assigneeRole === 'none') {
        return refuse(400, 'rest-invalid-assignee', 'reportincident-case-error-not-responder', { assignee: String(request.assignee ?? '') });
      }
      changes.assigneeUserId = assignee.id;
      detail.assignee = assignee.name;
    }
    if (action === 'request-review') {
      const expires = reviewDeadline(found.closedAt ?? 0);
      if (now > expires) return refuse(409, 'rest-review-expired', 'reportincident-case-error-review-expired', { expired: new Date(expires).toISOString().slice(0, 10) });
      changes.reviewRequestedAt = now;
    }
    if (action === 'escalate') changes.queue = 'trust-and-safety';
    const next = statusAfter(action, named);
    if (next) {
      changes.status = next;
      if (next === 'acknowledged' && found.acknowledgedAt === null) changes.acknowledgedAt = now;
      if (['resolved', 'no-action', 'withdrawn'].includes(next)) changes.closedAt = now;
      else if (found.closedAt !== null) changes.closedAt = null;
      // A review is answered by closing the case again.
      if (['resolved', 'no-action'].includes(next) && action === 'close') changes.reviewRequestedAt = null;
    }

    const appended = await this.cases.append(reportId, found.revision, { at: now, actorUserId: user.id, type: action, visibility: reporterSees(action) ? 'reporter' : 'responders', text, detail }, changes);
    if (!appended) {
      const current = await this.cases.find(reportId);
      return refuse(409, 'rest-stale-revision', 'reportincident-case-error-stale', { revision: current?.revision ?? found.revision });
    }
    // The answer shows the case: it counts as a look, like opening it.
    return { ok: true, view: (await this.view(user, reportId))! };
  }
}
