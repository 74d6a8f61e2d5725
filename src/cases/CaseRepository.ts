/** SQL for cases (#21): the case row, its append-only events, and who opened it; on either engine. */
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
});

const columns: Record<keyof CaseChanges, string> = {
  queue: 'queue',
  status: 'status',
  assigneeUserId: 'assignee_user_id',
  acknowledgedAt: 'acknowledged_at',
  closedAt: 'closed_at',
  reviewRequestedAt: 'review_requested_at',
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
    return rows.map((r) => ({ seq: r.seq, at: r.at, actorUserId: r.actor_user_id, type: r.type, visibility: r.visibility, text: r.text, detail: JSON.parse(r.detail) as Record<string, string> }));
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
      await this.sql.run('INSERT INTO case_events (report_id, seq, at, actor_user_id, type, visibility, text, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        reportId,
        revision + 1,
        event.at,
        event.actorUserId,
        event.type,
        event.visibility,
        event.text,
        JSON.stringify(event.detail),
      ]);
      return true;
    });
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
