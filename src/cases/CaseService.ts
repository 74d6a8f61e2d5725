/**
 * Cases (#21): one opens with every report that goes to people, in the report's transaction; responders and the
 * reporter act on it through here, each action checked against the case's rules and the revision the actor saw.
 */
import type { UserAccount } from '../accounts/UserAccount.js';
import type { IncidentReport } from '../reporting/IncidentReport.js';
import type { Clock } from '../shared/Clock.js';
import { cleanText } from '../wiki/textInput.js';
import type { CaseEvent, CaseChanges, CaseRepository, CaseSummary, IncidentCase } from './CaseRepository.js';
import type { CaseTemplates } from './caseTemplates.js';
import {
  actionsFor,
  type CaseAction,
  caseActions,
  caseStatuses,
  type CaseFacts,
  openStatuses,
  type CaseQueue,
  type CaseRole,
  type CaseStatus,
  closingOutcomes,
  handlesCases,
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

/** The report's reporter and reported account, and the accounts kept out: what, with the case, decides a role. */
type People = Omit<CaseFacts, 'queue' | 'openedIn'>;
const factsOf = (found: IncidentCase, people: People): CaseFacts => ({ queue: found.queue, openedIn: found.openedIn, ...people });

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
  /** The reply template the text began as: the timeline says which. */
  template?: string;
  /** A Trust & Safety note kept from the community's responders (a case they escalated, say). */
  trustAndSafetyOnly?: boolean;
}

export type CaseRefusal = { status: 400 | 404 | 409; errorKey: string; messageKey: string; params: Record<string, string | number> };
export type CaseActionResult = { ok: true; view: CaseView } | { ok: false; error: CaseRefusal };

/**
 * The case's mail (#21): what responders write to the reporter, and reminders to the responsible group, queued in
 * the outbox in the same transaction as the event or the reminder's mark, so that neither is lost nor sent twice.
 */
export interface CaseMailbox {
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Queues the event's mail to the reporter, if they have a confirmed address. */
  toReporter(reportId: string, seq: number): Promise<void>;
  /** Queues a reminder of a waiting case to the group that handles it. */
  reminder(found: IncidentCase, level: 1 | 2): Promise<void>;
  /** Queues the event's mail to the group that handles the case now (the reporter added to it, an escalation). */
  toHandlers(found: IncidentCase, seq: number): Promise<void>;
  /** Tells delivery that there is mail to send, after the transaction. */
  kick(): void;
}

/** The events whose words are written to the reporter: they are mailed to them too (DSA Art. 16–17). */
const mailedToReporter: readonly CaseAction[] = ['acknowledge', 'message', 'close'];
/**
 * The events a role sees: the reporter, what was meant for them; a community responder, all but the notes Trust &
 * Safety kept to itself; Trust & Safety, everything. Each role's revision is the count of these, so that it tells
 * nothing of the others.
 */
function visibleTo(role: Exclude<CaseRole, 'none'>, events: readonly CaseEvent[]): CaseEvent[] {
  if (role === 'reporter') return events.filter((e) => e.visibility === 'reporter');
  if (role === 'responder') return events.filter((e) => e.detail.audience !== 'trust-and-safety');
  return [...events];
}

/** The revision a role is shown, and names to act: Trust & Safety sees every event, so its revision is the case's. */
async function revisionFor(role: Exclude<CaseRole, 'none'>, found: IncidentCase, events: () => Promise<CaseEvent[]>): Promise<number> {
  return role === 'trust-and-safety' ? found.revision : visibleTo(role, await events()).length;
}

/** The events the case's handlers hear of by mail: what the reporter adds or asks, and a case handed to them. */
const mailedToHandlers: readonly CaseAction[] = ['add-information', 'withdraw', 'request-review', 'escalate'];

/** What the service needs of the report and its people: the reporter, and whether someone is a responder. */
export interface CaseDirectory {
  /** The report's reporter and reported account (null when none, or erased). */
  partiesOf(reportId: string): Promise<{ reporterUserId: number | null; reportedUserId: number | null; erased: boolean }>;
  findUser(id: number): Promise<UserAccount | null>;
  /** The accounts in a group: the colleagues a queue can be filtered by. */
  inGroup(group: 'trust-and-safety' | 'incident-responder'): Promise<UserAccount[]>;
}

/** Hours within which a case must be acknowledged, by the queue it opened in (ReportIncidentAcknowledgeWithinHours). */
export interface AcknowledgeWithin {
  emergency: number;
  community: number;
}

/** The queue's filters as a responder chose them: a status group or one status, a type, and whose cases. */
export interface QueueFilter {
  status: 'open' | 'closed' | 'all' | CaseStatus;
  /** A harm or behaviour type; null for any. */
  type: string | null;
  /** 'mine': assigned to the viewer; 'none': to nobody; a number: to that colleague. */
  assignee: 'any' | 'mine' | 'none' | number;
  limit: number;
  offset: number;
}

export const queueStatusFilters = ['open', 'closed', 'all', ...caseStatuses] as const;

/** A line of the queue, with whether it is overdue: unacknowledged past its queue's limit. */
export type QueueEntry = CaseSummary & { overdue: boolean };

const refuse = (status: CaseRefusal['status'], errorKey: string, messageKey: string, params: CaseRefusal['params'] = {}): CaseActionResult => ({
  ok: false,
  error: { status, errorKey, messageKey, params },
});

export class CaseService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly directory: CaseDirectory,
    private readonly clock: Clock,
    private readonly acknowledgeWithin: AcknowledgeWithin,
    private readonly mailbox: CaseMailbox,
    private readonly templates: Pick<CaseTemplates, 'isTemplate' | 'unfilled'>,
  ) {}

  /**
   * Sends the reminders now due: a case left new past its queue's limit reminds its group once, and once more at
   * twice the limit. Each is marked and queued in one transaction; one process at a time runs this (the caller's
   * lock), and the mark makes a second run send nothing. Returns the reminders queued.
   */
  async sendReminders(now = this.clock.now()): Promise<{ reportId: string; level: 1 | 2 }[]> {
    const mailbox = this.mailbox;
    const hours = this.acknowledgeWithin;
    const due = await this.cases.dueReminders(now, { 'trust-and-safety': hours.emergency * 3_600_000, community: hours.community * 3_600_000 });
    const sent: { reportId: string; level: 1 | 2 }[] = [];
    for (const { found, level } of due) {
      const marked = await mailbox.transaction(async () => {
        if (!(await this.cases.markReminded(found.reportId, level))) return false;
        await mailbox.reminder(found, level);
        return true;
      });
      if (marked) sent.push({ reportId: found.reportId, level });
    }
    if (sent.length > 0) mailbox.kick();
    return sent;
  }

  /**
   * Whether a case waits for an answer longer than allowed: a new one past its queue's limit from its report, an
   * escalated one past the emergency limit from its escalation (Trust & Safety owes it an answer as to an emergency).
   */
  overdue(found: Pick<IncidentCase, 'status' | 'openedIn' | 'createdAt' | 'escalatedAt'>, now = this.clock.now()): boolean {
    const hours = this.acknowledgeWithin;
    if (found.status === 'escalated' && found.escalatedAt !== null) return now - found.escalatedAt > hours.emergency * 3_600_000;
    const limit = found.openedIn === 'trust-and-safety' ? hours.emergency : hours.community;
    return found.status === 'new' && now - found.createdAt > limit * 3_600_000;
  }

  /** The people who handle cases (Trust & Safety and community responders), in name order: the queue's colleagues. */
  async handlers(): Promise<UserAccount[]> {
    const all = [...(await this.directory.inGroup('trust-and-safety')), ...(await this.directory.inGroup('incident-responder'))];
    return [...new Map(all.map((u) => [u.id, u])).values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Whether this user handles cases at all: whether Special:IncidentReports has anything for them. */
  handlesCases(user: UserAccount | null): boolean {
    return handlesCases(user);
  }

  /**
   * The queue as this user may see it: only the cases they may handle (null when they handle none). One more line
   * than the limit is read, to know whether there is a next page.
   */
  async queue(user: UserAccount | null, filter: QueueFilter): Promise<{ entries: QueueEntry[]; more: boolean } | null> {
    if (!user || !this.handlesCases(user)) return null;
    const statuses = filter.status === 'open' ? openStatuses : filter.status === 'closed' ? caseStatuses.filter((s) => !openStatuses.includes(s)) : filter.status === 'all' ? caseStatuses : [filter.status];
    const rows = await this.cases.list({
      viewerUserId: user.id,
      trustAndSafety: user.groups.includes('trust-and-safety'),
      responder: user.groups.includes('incident-responder'),
      statuses,
      types: filter.type === null ? null : [filter.type],
      assignee: filter.assignee === 'mine' ? user.id : filter.assignee,
      limit: filter.limit + 1,
      offset: filter.offset,
    });
    const now = this.clock.now();
    return { entries: rows.slice(0, filter.limit).map((r) => ({ ...r, overdue: this.overdue(r, now) })), more: rows.length > filter.limit };
  }

  /** The cases of this user's own reports (Special:MyReports), without who handles them. */
  async mine(user: UserAccount, limit = 100): Promise<CaseSummary[]> {
    return this.cases.ofReporter(user.id, limit);
  }

  /**
   * Opens the report's case if it goes to people, keeping out the responders its reporter named; the caller holds
   * the report's transaction.
   */
  async openFor(report: Pick<IncidentReport, 'id' | 'route' | 'test' | 'createdAt'>, recused: readonly number[] = []): Promise<void> {
    const queue = queueOf(report);
    if (!queue) return;
    await this.cases.open(report.id, queue, report.createdAt);
    if (recused.length > 0) await this.cases.recuse(report.id, recused);
  }

  /** Keeps these responders out of a report's case (a repeat's recusal applies to the case its report folds into). */
  async keepOut(reportId: string, userIds: readonly number[]): Promise<void> {
    if (userIds.length > 0 && (await this.cases.find(reportId))) await this.cases.recuse(reportId, userIds);
  }

  /**
   * A repeat report folded into this one said something new: its words join the case as the reporter's own
   * addition, where responders and the reporter read them. The caller holds the report's transaction.
   */
  async addedByRepeat(report: Pick<IncidentReport, 'id' | 'reporterUserId'>, text: string, at: number): Promise<void> {
    if (text === '') return;
    // A withdrawn case takes nothing more (its update mail still goes to the recipients).
    if ((await this.cases.find(report.id))?.status === 'withdrawn') return;
    await this.cases.appendLatest(report.id, { at, actorUserId: report.reporterUserId, type: 'add-information', visibility: 'reporter', text, detail: { source: 'repeat' } });
  }

  /** Who stands how to the case: the report's reporter and reported account, and who was kept out. */
  private async people(reportId: string): Promise<People> {
    return { ...(await this.directory.partiesOf(reportId)), recused: await this.cases.recused(reportId) };
  }

  /** The case and its people, and this user's role; null when there is no case. */
  private async load(user: UserAccount | null, reportId: string): Promise<{ found: IncidentCase; people: People; role: CaseRole } | null> {
    const found = await this.cases.find(reportId);
    if (!found) return null;
    const people = await this.people(reportId);
    return { found, people, role: roleOf(user, factsOf(found, people)) };
  }

  /** How this user stands to the case: 'none' for anyone who may not know it exists (and when there is none). */
  async roleFor(user: UserAccount | null, reportId: string): Promise<CaseRole> {
    return (await this.load(user, reportId))?.role ?? 'none';
  }

  /**
   * The case as this viewer may see it, or null when they may not see it at all (the caller answers 404, so that
   * nobody learns a case exists). A responder's opening is written to the access log.
   */
  async view(user: UserAccount | null, reportId: string): Promise<CaseView | null> {
    const loaded = await this.load(user, reportId);
    if (!loaded || loaded.role === 'none' || !user) return null;
    return this.show(user, loaded.found, loaded.role);
  }

  /** What `role` sees of the case, logged as a look unless it is the reporter's. */
  private async show(user: UserAccount, found: IncidentCase, role: Exclude<CaseRole, 'none'>): Promise<CaseView> {
    if (role !== 'reporter') await this.cases.recordView(found.reportId, user.id, this.clock.now());
    const events = await this.cases.events(found.reportId);
    // Claiming what one already holds is no action to offer; a note Trust & Safety kept to itself is not the community's.
    if (role !== 'reporter') {
      const seen = visibleTo(role, events);
      return { case: { ...found, revision: seen.length }, role, events: seen, actions: actionsFor(role, found.status, found.queue).filter((a) => !(a === 'claim' && found.assigneeUserId === user.id)) };
    }
    // The reporter: what was meant for them, without who acted, who has the case, or the responders' hand-over notes;
    // their revision counts only the events they see, so that it tells nothing of the others.
    const theirs = visibleTo(role, events);
    return {
      case: { ...found, assigneeUserId: null, revision: theirs.length },
      role,
      events: theirs
        .map((e) => ({ ...e, actorUserId: null, detail: (e.type === 'close' || e.type === 'status') && e.detail.status ? { status: e.detail.status } : ({} as Record<string, string>), text: reporterReads(e.type) ? e.text : '' })),
      actions: actionsFor(role, found.status, found.queue),
    };
  }

  /**
   * Who opened a case and when, for Trust & Safety, in whichever queue it is (the issue gives them every case's
   * access log); null for anyone else, and for a case that is not there or whose report is erased.
   */
  async accessLogFor(user: UserAccount | null, reportId: string): Promise<{ userId: number | null; at: number }[] | null> {
    if (!user?.groups.includes('trust-and-safety')) return null;
    const found = await this.cases.find(reportId);
    if (!found) return null;
    const people = await this.people(reportId);
    // The reported person, someone kept out, and anyone once the report is erased: as if there were no case.
    if (people.erased || user.id === people.reportedUserId || people.recused.includes(user.id)) return null;
    return this.cases.views(reportId);
  }

  /** Takes an action on a case, if this user may, in this status, at the revision they saw. */
  async act(user: UserAccount | null, reportId: string, request: CaseActionRequest): Promise<CaseActionResult> {
    const loaded = await this.load(user, reportId);
    if (!loaded || loaded.role === 'none' || !user) return refuse(404, 'rest-nonexistent-case', 'reportincident-case-error-not-found', { id: reportId });
    const { found, people, role } = loaded;
    if (!(caseActions as readonly string[]).includes(request.action)) {
      return refuse(400, 'rest-invalid-action', 'reportincident-case-error-unknown-action', { action: request.action, allowed: caseActions.join(', ') });
    }
    const action = request.action as CaseAction;
    const allowed = actionsFor(role, found.status, found.queue);
    if (!allowed.includes(action)) {
      return refuse(409, 'rest-action-not-allowed', 'reportincident-case-error-not-allowed', { action, status: found.status, allowed: allowed.join(', ') });
    }
    // Each names the revision they were shown (the events they see): what they cannot see is no reason to refuse them.
    const seen = await revisionFor(role, found, () => this.cases.events(reportId));
    if (request.revision !== seen) return refuse(409, 'rest-stale-revision', 'reportincident-case-error-stale', { revision: seen });

    // What the action does not take is refused, not dropped: the caller learns it was not used.
    const unused = textRule(action) === 'none' && (request.text ?? '') !== '' ? 'text' : request.status !== undefined && action !== 'status' && action !== 'close' ? 'status' : request.assignee !== undefined && action !== 'assign' ? 'assignee' : null;
    if (unused) return refuse(400, 'rest-unused-field', 'reportincident-case-error-field-not-used', { field: unused, action });

    const detail: Record<string, string> = {};
    let named: CaseStatus | undefined;
    // The choice first: a form sent with neither outcome nor reasons is told of the outcome it lacks, then the text.
    if (action === 'status' || action === 'close') {
      const choices: readonly string[] = action === 'status' ? settableStatuses : closingOutcomes;
      if ((request.status ?? '') === '') return refuse(400, 'rest-missing-status', action === 'close' ? 'reportincident-case-error-choose-outcome' : 'reportincident-case-error-choose-status', { allowed: choices.join(', ') });
      if (!choices.includes(request.status ?? '')) {
        return refuse(400, 'rest-invalid-status', 'reportincident-case-error-unknown-status', { status: request.status ?? '', allowed: choices.join(', ') });
      }
      named = request.status as CaseStatus;
      detail.status = named;
    }

    let text = '';
    const rule = textRule(action);
    if (rule !== 'none') {
      const cleaned = cleanText(typeof request.text === 'string' ? request.text : '', 'reportincident-case-text', MAX_CASE_TEXT);
      // An optional text left empty is no text; any other problem is refused.
      if (cleaned.ok) text = cleaned.value;
      else if (!(rule === 'optional' && cleaned.messageKey === 'reportincident-case-text-empty')) return refuse(400, 'rest-invalid-text', cleaned.messageKey, (cleaned.params ?? {}) as CaseRefusal['params']);
    }

    const now = this.clock.now();
    const changes: CaseChanges = {};
    if (action === 'claim' || action === 'assign') {
      const assignee = action === 'claim' ? user : request.assignee !== undefined ? await this.directory.findUser(request.assignee) : null;
      const assigneeRole = assignee ? roleOf(assignee, factsOf(found, people)) : 'none';
      // Only someone who may handle this case can be given it; once with Trust & Safety, only Trust & Safety.
      const decides = found.queue === 'trust-and-safety' ? assigneeRole === 'trust-and-safety' : assigneeRole === 'responder' || assigneeRole === 'trust-and-safety';
      if (!assignee || !decides) {
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
    // Whoever answers a case nobody holds has it: the queue then says who is on it.
    if (role !== 'reporter' && found.assigneeUserId === null && found.queue === (role === 'trust-and-safety' ? 'trust-and-safety' : 'community') && ['acknowledge', 'message', 'answered-by-mail'].includes(action)) {
      changes.assigneeUserId = user.id;
    }
    if (action === 'escalate') {
      // Trust & Safety takes it from here: nobody of the community holds it, and its clock starts now.
      changes.queue = 'trust-and-safety';
      changes.assigneeUserId = null;
      changes.escalatedAt = now;
      changes.remindersSent = 0;
    }
    if (request.template !== undefined) {
      // A template names where the text began; its date must have been replaced, or the reporter is promised nothing.
      if (!this.templates.isTemplate(request.template) || textRule(action) === 'none') return refuse(400, 'rest-invalid-template', 'reportincident-case-error-unknown-template', { template: request.template });
      const placeholder = this.templates.unfilled(text);
      if (placeholder) return refuse(400, 'rest-template-placeholder', 'reportincident-case-error-template-placeholder', { placeholder });
      detail.template = request.template;
    }
    if (request.trustAndSafetyOnly) {
      // Only Trust & Safety keeps a note from the community, and only a note.
      if (action !== 'note' || role !== 'trust-and-safety') return refuse(400, 'rest-unused-field', 'reportincident-case-error-field-not-used', { field: 'trustAndSafetyOnly', action });
      detail.audience = 'trust-and-safety';
    }
    // Answering by mail answers a new case as an acknowledgement would; any first handling counts as one for timing.
    const next = action === 'answered-by-mail' && found.status === 'new' ? 'acknowledged' : statusAfter(action, named);
    if (next) {
      changes.status = next;
      if (found.acknowledgedAt === null && (next === 'acknowledged' || next === 'investigating')) changes.acknowledgedAt = now;
      if (!openStatuses.includes(next)) changes.closedAt = now;
      else if (found.closedAt !== null) changes.closedAt = null;
      // A review is answered by closing the case again, and ends with a withdrawal.
      if (action === 'close' || action === 'withdraw') changes.reviewRequestedAt = null;
    }

    const event = { at: now, actorUserId: user.id, type: action, visibility: reporterSees(action) ? ('reporter' as const) : ('responders' as const), text, detail };
    // What responders write to the reporter reaches them by mail too, queued with the event or not at all.
    const toReporter = role !== 'reporter' && mailedToReporter.includes(action);
    const toHandlers = mailedToHandlers.includes(action);
    const mailed = toReporter || toHandlers;
    const append = async () => {
      const ok = await this.cases.append(reportId, found.revision, event, changes);
      if (ok && toReporter) await this.mailbox.toReporter(reportId, found.revision + 1);
      // To whoever has the case after the action: an escalation goes to Trust & Safety.
      if (ok && toHandlers) await this.mailbox.toHandlers({ ...found, ...(changes.queue ? { queue: changes.queue } : {}) }, found.revision + 1);
      return ok;
    };
    const appended = mailed ? await this.mailbox.transaction(append) : await append();
    if (appended && mailed) this.mailbox.kick();
    if (!appended) {
      const revision = await revisionFor(role, (await this.cases.find(reportId)) ?? found, () => this.cases.events(reportId));
      return refuse(409, 'rest-stale-revision', 'reportincident-case-error-stale', { revision });
    }
    // The answer shows the case as it is now (an escalation moves it, and so may change the role): it counts as a
    // look, like opening it. Its people are as they were.
    const current = (await this.cases.find(reportId))!;
    const after = roleOf(user, factsOf(current, people));
    return { ok: true, view: await this.show(user, current, after === 'none' ? role : after) };
  }
}
