/** SQL for cases (#21): the case row, its append-only events, and who opened it; on either engine. */
import { dialectOf } from '../storage/dialect.js';
import type { SqlDatabase } from '../storage/SqlDatabase.js';
import type { CaseAction, CaseQueue, CaseStatus } from './casePolicy.js';

const DAY_MS = 86_400_000;

export interface IncidentCase {
  reportId: string;
  queue: CaseQueue;
  /** The queue it opened in (a community case escalated to Trust & Safety stays the community's too). */
  openedIn: CaseQueue;
  status: CaseStatus;
  assigneeUserId: number | null;
  /** The number of events so far: what a caller must name to act (optimistic concurrency). */
  revision: number;
  createdAt: number;
  acknowledgedAt: number | null;
  closedAt: number | null;
  reviewRequestedAt: number | null;
  /** When the community escalated it to Trust & Safety (null if never). */
  escalatedAt: number | null;
}

export type CaseEventType = CaseAction | 'opened';

export interface CaseEvent {
  seq: number;
  at: number;
  actorUserId: number | null;
  type: CaseEventType;
  visibility: 'reporter' | 'responders';
  text: string;
  detail: Record<string, string>;
}

/** What an action changes on the case row besides its revision (undefined: unchanged). */
export interface CaseChanges {
  queue?: CaseQueue;
  status?: CaseStatus;
  assigneeUserId?: number | null;
  acknowledgedAt?: number;
  closedAt?: number | null;
  reviewRequestedAt?: number | null;
  escalatedAt?: number;
  /** Reminders start again from an escalation. */
  remindersSent?: number;
}

/** Which cases a responder's queue shows: what their groups let them handle, narrowed by the filters they chose. */
export interface CaseListFilter {
  viewerUserId: number;
  /** Trust & Safety: the cases in its queue (emergencies and escalations). */
  trustAndSafety: boolean;
  /** Community responders: the cases that opened in the community's queue, escalated ones included. */
  responder: boolean;
  statuses: readonly CaseStatus[];
  /** Harm or behaviour types; null for any. */
  types: readonly string[] | null;
  /** 'none': nobody has it; a user id: theirs. */
  assignee: 'any' | 'none' | number;
  limit: number;
  offset: number;
}

/** A line of the queue: the case, and what a responder needs to pick the next one without opening it. */
export interface CaseSummary extends IncidentCase {
  /** The harm or behaviour type. */
  type: string;
  emergency: boolean;
  /** A threat of self-harm the reporter says is about themselves. */
  reporterAtRisk: boolean;
  pageNamespace: number;
  pageTitle: string;
  /** Who was reported (a user name or an IP; empty for none): responders tell cases apart by it. */
  reportedUser: string;
  assigneeName: string | null;
  /** Other reports about the same comment or the same user within 7 days either side. */
  relatedCount: number;
}

interface CaseRow {
  report_id: string;
  queue: CaseQueue;
  opened_in: CaseQueue;
  status: CaseStatus;
  assignee_user_id: number | null;
  revision: number;
  created_at: number;
  acknowledged_at: number | null;
  closed_at: number | null;
  review_requested_at: number | null;
  escalated_at?: number | null;
}

interface EventRow {
  seq: number;
  at: number;
  actor_user_id: number | null;
  type: CaseEventType;
  visibility: 'reporter' | 'responders';
  text: string;
  detail: string;
}

const toCase = (r: CaseRow): IncidentCase => ({
  reportId: r.report_id,
  queue: r.queue,
  openedIn: r.opened_in,
  status: r.status,
  assigneeUserId: r.assignee_user_id,
  revision: r.revision,
  createdAt: r.created_at,
  acknowledgedAt: r.acknowledged_at,
  closedAt: r.closed_at,
  reviewRequestedAt: r.review_requested_at,
  escalatedAt: r.escalated_at ?? null,
});

const toEvent = (r: EventRow): CaseEvent => ({ seq: r.seq, at: r.at, actorUserId: r.actor_user_id, type: r.type, visibility: r.visibility, text: r.text, detail: JSON.parse(r.detail) as Record<string, string> });

interface SummaryRow extends CaseRow {
  type: string;
  incident_type: string;
  about: string | null;
  page_namespace: number;
  page_title: string;
  reported_user: string;
  assignee_name: string | null;
  related_count: number | string;
}

const WEEK_MS = 7 * DAY_MS;

const toSummary = (r: SummaryRow): CaseSummary => ({
  ...toCase(r),
  type: r.type,
  emergency: r.incident_type === 'immediate-threat-physical-harm',
  reporterAtRisk: r.type === 'threats-self-harm' && r.about === 'self',
  pageNamespace: r.page_namespace,
  pageTitle: r.page_title,
  reportedUser: r.reported_user,
  assigneeName: r.assignee_name,
  relatedCount: Number(r.related_count),
});

const columns: Record<keyof CaseChanges, string> = {
  queue: 'queue',
  status: 'status',
  assigneeUserId: 'assignee_user_id',
  acknowledgedAt: 'acknowledged_at',
  closedAt: 'closed_at',
  reviewRequestedAt: 'review_requested_at',
  escalatedAt: 'escalated_at',
  remindersSent: 'reminders_sent',
};

export class CaseRepository {
  constructor(private readonly sql: SqlDatabase) {}

  /** Opens the case of a report, with its first event (revision 1); callers hold the report's transaction. */
  async open(reportId: string, queue: CaseQueue, at: number): Promise<void> {
    await this.sql.run("INSERT INTO incident_cases (report_id, queue, opened_in, status, revision, created_at) VALUES (?, ?, ?, 'new', 1, ?)", [reportId, queue, queue, at]);
    await this.sql.run("INSERT INTO case_events (report_id, seq, at, actor_user_id, type, visibility) VALUES (?, 1, ?, NULL, 'opened', 'reporter')", [reportId, at]);
  }

  async find(reportId: string): Promise<IncidentCase | null> {
    const row = await this.sql.get<CaseRow>('SELECT * FROM incident_cases WHERE report_id = ?', [reportId]);
    return row ? toCase(row) : null;
  }

  async events(reportId: string): Promise<CaseEvent[]> {
    const rows = await this.sql.all<EventRow>('SELECT seq, at, actor_user_id, type, visibility, text, detail FROM case_events WHERE report_id = ? ORDER BY seq', [reportId]);
    return rows.map(toEvent);
  }

  /**
   * Appends an event if the case is still at `revision` (the one the actor saw), with the changes it makes, in one
   * transaction; false when someone else acted first (nothing is written).
   */
  async append(reportId: string, revision: number, event: Omit<CaseEvent, 'seq'>, changes: CaseChanges): Promise<boolean> {
    return await this.sql.transaction(async () => {
      const set = Object.entries(changes)
        .filter(([, v]) => v !== undefined)
        .map(([k]) => `${columns[k as keyof CaseChanges]} = @${k}`);
      const bumped = await this.sql.run(
        `UPDATE incident_cases SET ${['revision = revision + 1', ...set].join(', ')} WHERE report_id = @reportId AND revision = @revision`,
        { ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)), reportId, revision },
      );
      if (bumped.changes === 0) return false;
      await this.insertEvent(reportId, revision + 1, event);
      return true;
    });
  }

  /**
   * The queue: cases this viewer may handle (never their own report, one about them, or one they were kept out of,
   * as casePolicy.roleOf decides), open ones first, waiting emergencies first among them, oldest first; then closed
   * ones, most recently closed first.
   */
  async list(filter: CaseListFilter): Promise<CaseSummary[]> {
    if (!filter.trustAndSafety && !filter.responder) return [];
    const d = dialectOf(this.sql.engine);
    const rows = await this.sql.all<SummaryRow>(
      `SELECT c.*, coalesce(r.physical_harm_type, r.behavior_type, '') AS type, r.incident_type, r.about, r.page_namespace, r.page_title,
         r.reported_user, u.user_name AS assignee_name,
         -- Only related reports this viewer could open themselves: a count must not tell of cases they may not see.
         (SELECT count(*) FROM reports g JOIN incident_cases gc ON gc.report_id = g.report_id
          WHERE g.report_id != r.report_id AND g.test = 0 AND g.purged_at IS NULL
            AND g.created_at BETWEEN r.created_at - ${WEEK_MS} AND r.created_at + ${WEEK_MS}
            AND ((g.page_id IS NOT DISTINCT FROM r.page_id AND g.thread_id IS NOT NULL AND g.thread_id = r.thread_id)
              OR (r.reported_user != '' AND g.reported_user = r.reported_user))
            AND ((@ts = 1 AND gc.queue = 'trust-and-safety') OR (@responder = 1 AND gc.opened_in = 'community'))
            AND (g.reporter_user_id IS NULL OR g.reporter_user_id != @viewer)
            AND (g.reported_user_id IS NULL OR g.reported_user_id != @viewer)
            AND NOT EXISTS (SELECT 1 FROM case_recusals gx WHERE gx.report_id = g.report_id AND gx.user_id = @viewer)) AS related_count
       FROM incident_cases c
       JOIN reports r ON r.report_id = c.report_id
       LEFT JOIN users u ON u.user_id = c.assignee_user_id
       WHERE ((@ts = 1 AND c.queue = 'trust-and-safety') OR (@responder = 1 AND c.opened_in = 'community'))
         AND r.purged_at IS NULL
         AND (r.reporter_user_id IS NULL OR r.reporter_user_id != @viewer)
         AND (r.reported_user_id IS NULL OR r.reported_user_id != @viewer)
         AND NOT EXISTS (SELECT 1 FROM case_recusals x WHERE x.report_id = c.report_id AND x.user_id = @viewer)
         AND c.status IN ${d.jsonTexts('@statuses')}
         AND (@anyType = 1 OR coalesce(r.physical_harm_type, r.behavior_type) IN ${d.jsonTexts('@types')})
         AND (@assignee = -1 OR (@assignee = 0 AND c.assignee_user_id IS NULL) OR c.assignee_user_id = @assignee)
       ORDER BY CASE WHEN c.closed_at IS NULL THEN 0 ELSE 1 END,
         CASE WHEN c.status = 'new' AND r.incident_type = 'immediate-threat-physical-harm' THEN 0 WHEN c.status = 'escalated' THEN 1
           WHEN c.review_requested_at IS NOT NULL THEN 2 WHEN c.status = 'new' THEN 3 ELSE 4 END,
         CASE WHEN c.closed_at IS NULL THEN c.created_at ELSE -c.closed_at END, c.report_id
       LIMIT @limit OFFSET @offset`,
      {
        ts: filter.trustAndSafety ? 1 : 0,
        responder: filter.responder ? 1 : 0,
        viewer: filter.viewerUserId,
        statuses: JSON.stringify(filter.statuses),
        anyType: filter.types === null ? 1 : 0,
        types: JSON.stringify(filter.types ?? []),
        assignee: filter.assignee === 'any' ? -1 : filter.assignee === 'none' ? 0 : filter.assignee,
        limit: filter.limit,
        offset: filter.offset,
      },
    );
    return rows.map(toSummary);
  }

  /**
   * When each case opened between two times was acknowledged and closed, by the queue it opened in: the statistics'
   * times to respond. Erased reports' cases are left out (retention rounded their times to the day), as are testers'.
   */
  async timings(from: number, to: number): Promise<{ openedIn: CaseQueue; createdAt: number; acknowledgedAt: number | null; closedAt: number | null }[]> {
    const rows = await this.sql.all<{ opened_in: CaseQueue; created_at: number; acknowledged_at: number | null; closed_at: number | null }>(
      `SELECT c.opened_in, c.created_at, c.acknowledged_at, c.closed_at FROM incident_cases c JOIN reports r ON r.report_id = c.report_id
       WHERE c.created_at >= ? AND c.created_at < ? AND r.purged_at IS NULL AND r.test = 0`,
      [from, to],
    );
    return rows.map((r) => ({ openedIn: r.opened_in, createdAt: Number(r.created_at), acknowledgedAt: r.acknowledged_at === null ? null : Number(r.acknowledged_at), closedAt: r.closed_at === null ? null : Number(r.closed_at) }));
  }

  /** The cases of the reports this user made, newest first: Special:MyReports. */
  async ofReporter(userId: number, limit: number): Promise<CaseSummary[]> {
    const rows = await this.sql.all<SummaryRow>(
      `SELECT c.*, coalesce(r.physical_harm_type, r.behavior_type, '') AS type, r.incident_type, r.about, r.page_namespace, r.page_title,
         '' AS reported_user, NULL AS assignee_name, 0 AS related_count
       FROM incident_cases c JOIN reports r ON r.report_id = c.report_id
       WHERE r.reporter_user_id = ? ORDER BY c.created_at DESC, c.report_id LIMIT ?`,
      [userId, limit],
    );
    // The reporter is not told who holds their case.
    return rows.map((r) => ({ ...toSummary(r), assigneeUserId: null }));
  }

  /**
   * Appends an event at whatever revision the case has now (for what is not a responder's decision on what they
   * saw: a repeat report's new words); false when the report has no case. Callers hold a transaction.
   */
  async appendLatest(reportId: string, event: Omit<CaseEvent, 'seq'>): Promise<boolean> {
    const bumped = await this.sql.get<{ revision: number }>('UPDATE incident_cases SET revision = revision + 1 WHERE report_id = ? RETURNING revision', [reportId]);
    if (!bumped) return false;
    await this.insertEvent(reportId, bumped.revision, event);
    return true;
  }

  private async insertEvent(reportId: string, seq: number, event: Omit<CaseEvent, 'seq'>): Promise<void> {
    await this.sql.run('INSERT INTO case_events (report_id, seq, at, actor_user_id, type, visibility, text, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      reportId,
      seq,
      event.at,
      event.actorUserId,
      event.type,
      event.visibility,
      event.text,
      JSON.stringify(event.detail),
    ]);
  }

  /** One event of a case, by its number; null when there is none. */
  async event(reportId: string, seq: number): Promise<CaseEvent | null> {
    const r = await this.sql.get<EventRow>('SELECT seq, at, actor_user_id, type, visibility, text, detail FROM case_events WHERE report_id = ? AND seq = ?', [reportId, seq]);
    return r ? toEvent(r) : null;
  }

  /**
   * Cases still new whose reminder is due: the first once they have waited their queue's limit, the second at twice
   * it. Each with the level now due (a case found late, past twice its limit, gets only the second).
   */
  async dueReminders(now: number, limitMs: Record<CaseQueue, number>): Promise<{ found: IncidentCase; level: 1 | 2 }[]> {
    // Whole milliseconds: PostgreSQL takes no fraction for a BIGINT (a limit of 1.1 hours is 3,960,000.0000000005).
    const emergency = Math.round(limitMs['trust-and-safety']);
    const community = Math.round(limitMs.community);
    const rows = await this.sql.all<CaseRow & { reminders_sent: number }>(
      `SELECT * FROM incident_cases
       WHERE reminders_sent < 2 AND (
         (status = 'new' AND created_at + CASE WHEN opened_in = 'trust-and-safety' THEN CAST(@emergency AS BIGINT) ELSE CAST(@community AS BIGINT) END * (reminders_sent + 1) <= CAST(@now AS BIGINT))
         OR (status = 'escalated' AND escalated_at + CAST(@emergency AS BIGINT) * (reminders_sent + 1) <= CAST(@now AS BIGINT)))
       ORDER BY created_at LIMIT 500`,
      { now, emergency, community },
    );
    return rows.map((r) => {
      // A new case waits from its report, by its queue's limit; an escalated one from its escalation, as an emergency.
      const escalated = r.status === 'escalated' && r.escalated_at != null;
      const since = escalated ? Number(r.escalated_at) : Number(r.created_at);
      const limit = escalated || r.opened_in === 'trust-and-safety' ? emergency : community;
      return { found: toCase(r), level: now - since >= 2 * limit ? 2 : 1 };
    });
  }

  /** Records that a case had its reminder of this level, if no process did first; false when one did. */
  async markReminded(reportId: string, level: number): Promise<boolean> {
    return (await this.sql.run("UPDATE incident_cases SET reminders_sent = ? WHERE report_id = ? AND reminders_sent < ? AND status IN ('new', 'escalated')", [level, reportId, level])).changes === 1;
  }

  /** Responders the reporter asked to keep out of the case. */
  async recused(reportId: string): Promise<number[]> {
    return (await this.sql.all<{ user_id: number }>('SELECT user_id FROM case_recusals WHERE report_id = ? ORDER BY user_id', [reportId])).map((r) => r.user_id);
  }

  /** Keeps these accounts out of the case; one who had it assigned no longer has. */
  async recuse(reportId: string, userIds: readonly number[]): Promise<void> {
    await this.sql.transaction(async () => {
      for (const id of userIds) {
        await this.sql.run('INSERT INTO case_recusals (report_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [reportId, id]);
        await this.sql.run('UPDATE incident_cases SET assignee_user_id = NULL WHERE report_id = ? AND assignee_user_id = ?', [reportId, id]);
      }
    });
  }

  /** Who opened a case and when: the access log Trust & Safety reads. */
  async recordView(reportId: string, userId: number, at: number): Promise<void> {
    await this.sql.run('INSERT INTO case_views (report_id, user_id, at) VALUES (?, ?, ?)', [reportId, userId, at]);
  }

  async views(reportId: string): Promise<{ userId: number | null; at: number }[]> {
    return (await this.sql.all<{ user_id: number | null; at: number }>('SELECT user_id, at FROM case_views WHERE report_id = ? ORDER BY view_id', [reportId])).map((r) => ({ userId: r.user_id, at: r.at }));
  }

  /**
   * Retention, after the reports' own: the cases of erased reports lose their texts, who acted, who looked and who
   * was kept out; statuses and times stay, for statistics. Each statement finds what is left to erase, so a run cut
   * short is finished by the next.
   */
  async eraseWithReports(): Promise<void> {
    const erased = 'SELECT report_id FROM reports WHERE purged_at IS NOT NULL';
    await this.sql.transaction(async () => {
      await this.sql.run(`UPDATE case_events SET text = '', detail = '{}', actor_user_id = NULL WHERE report_id IN (${erased}) AND (text != '' OR detail != '{}' OR actor_user_id IS NOT NULL)`);
      await this.sql.run(`DELETE FROM case_views WHERE report_id IN (${erased})`);
      await this.sql.run(`DELETE FROM case_recusals WHERE report_id IN (${erased})`);
      // Exact times could tie a case to its reporter's other traces: like the report's, they keep only their day.
      const day = (column: string) => `${column} = ${column} - ${column} % ${DAY_MS}`;
      await this.sql.run(
        `UPDATE incident_cases SET assignee_user_id = NULL, ${['created_at', 'acknowledged_at', 'closed_at', 'review_requested_at'].map(day).join(', ')}
         WHERE report_id IN (${erased}) AND (assignee_user_id IS NOT NULL OR created_at % ${DAY_MS} != 0)`,
      );
      await this.sql.run(`UPDATE case_events SET ${day('at')} WHERE report_id IN (${erased}) AND at % ${DAY_MS} != 0`);
    });
  }
}
