/** What a reporter has chosen and typed so far in the no-JavaScript flow, kept server-side between steps (never in URLs). */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../shared/Clock.js';
import { behaviorTypes, incidentTypes, physicalHarmTypes } from '../taxonomy/taxonomy.js';
import type { ReportRepository } from './ReportRepository.js';

/** Drafts older than this are gone; the reporter starts again from the Report link. */
export const DRAFT_TTL = 2 * 3600 * 1000;

export const ReportDraftSchema = z.object({
  page: z.string(),
  threadId: z.string().default(''),
  revisionId: z.int().min(0),
  incidentType: z.enum(incidentTypes).optional(),
  physicalHarmType: z.enum(physicalHarmTypes).optional(),
  behaviorType: z.enum(behaviorTypes).optional(),
  reportedUser: z.string().optional(),
  about: z.enum(['self', 'someone-else']).optional(),
  details: z.string().optional(),
  somethingElseDetails: z.string().optional(),
  directReport: z.string().optional(),
  /** Responders to keep out of a direct report (user names). */
  recuse: z.array(z.string()).optional(),
  /** The reporter answered "This may be an emergency" (either way): it is not asked again. */
  maybeEmergencyAnswered: z.boolean().optional(),
  /** For a threat of self-harm, the reporter answered whether it is about them (the next page depends on it). */
  aboutAnswered: z.boolean().optional(),
  /** The report this draft became: its steps, reached again by Back, show that report's confirmation. */
  submittedReportId: z.string().optional(),
});
export type ReportDraft = z.infer<typeof ReportDraftSchema>;

/** The steps a draft can be left at; a draft left at the Get support page, or submitted, completed the flow. */
export type DraftStep = 'choose-type' | 'emergency' | 'behavior' | 'maybe-emergency' | 'support' | 'submitted';

export class ReportDrafts {
  constructor(
    private readonly repository: ReportRepository,
    private readonly clock: Clock,
    /** Told how many flows were given up at a step, when their drafts expire. */
    private readonly onAbandoned: (step: DraftStep) => void = () => {},
  ) {}

  async create(userId: number, draft: ReportDraft, step: DraftStep): Promise<string> {
    const id = randomBytes(16).toString('base64url');
    await this.expire();
    await this.repository.saveDraft(id, userId, JSON.stringify(draft), this.clock.now(), step);
    return id;
  }

  /**
   * Deletes the drafts older than DRAFT_TTL (typed emergency details among them) and counts the flows given up;
   * run by retention's sweep too, so a draft never outlives its two hours on a quiet wiki. Returns how many went.
   */
  async expire(): Promise<number> {
    let expired = 0;
    for (const { step: left, count } of await this.repository.pruneDraftsBefore(this.clock.now() - DRAFT_TTL)) {
      expired += count;
      if (left === 'support' || left === 'submitted') continue;
      for (let i = 0; i < count; i++) this.onAbandoned(left as DraftStep);
    }
    return expired;
  }

  /** The draft, only for the user who made it, and only while it is fresh. */
  async get(id: string | undefined, userId: number): Promise<ReportDraft | null> {
    if (!id || id.length > 64) return null;
    const data = await this.repository.findDraft(id, userId, this.clock.now() - DRAFT_TTL);
    if (data === null) return null;
    const parsed = ReportDraftSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  }

  async save(id: string, userId: number, draft: ReportDraft, step: DraftStep): Promise<void> {
    await this.repository.saveDraft(id, userId, JSON.stringify(draft), this.clock.now(), step);
  }

  async remove(id: string): Promise<void> {
    await this.repository.removeDraft(id);
  }

  /**
   * Keeps a submitted draft as a pointer to its report, with nothing typed left in it, so that Back after
   * Submit leads to the confirmation rather than "expired" (and not to a second report).
   */
  async markSubmitted(id: string, userId: number, draft: ReportDraft, reportId: string): Promise<void> {
    const pointer: ReportDraft = { page: draft.page, threadId: draft.threadId, revisionId: draft.revisionId, submittedReportId: reportId };
    await this.repository.saveDraft(id, userId, JSON.stringify(pointer), this.clock.now(), 'submitted');
  }

  /** The user's fresh, unsubmitted drafts about this page and comment, the latest first. */
  private async draftsAbout(userId: number, target: { page: string; threadId: string }, samePage: (a: string, b: string) => boolean) {
    const found: { id: string; draft: ReportDraft; step: DraftStep }[] = [];
    for (const row of await this.repository.draftsOf(userId, this.clock.now() - DRAFT_TTL)) {
      if (row.step === 'submitted') continue;
      const parsed = ReportDraftSchema.safeParse(JSON.parse(row.data));
      if (!parsed.success || parsed.data.submittedReportId || parsed.data.threadId !== target.threadId || !samePage(parsed.data.page, target.page)) continue;
      found.push({ id: row.id, draft: parsed.data, step: row.step as DraftStep });
    }
    return found;
  }

  /**
   * Removes the user's unfinished drafts about this page and comment (but `keep`): "Start over", and a report
   * submitted, leave no older words behind to reopen or to fold in later.
   */
  async discardUnfinished(userId: number, target: { page: string; threadId: string }, samePage: (a: string, b: string) => boolean, keep: string | null = null): Promise<void> {
    for (const { id } of await this.draftsAbout(userId, target, samePage)) if (id !== keep) await this.repository.removeDraft(id);
  }

  /** The user's unfinished draft about the same page and comment, if any: a second Report click resumes it. */
  async unfinished(userId: number, target: { page: string; threadId: string }, samePage: (a: string, b: string) => boolean): Promise<{ id: string; draft: ReportDraft; step: DraftStep } | null> {
    for (const found of await this.draftsAbout(userId, target, samePage)) {
      // Reopened only when it holds words the reporter typed: a bare choice costs nothing to make again.
      if ([found.draft.details, found.draft.somethingElseDetails, found.draft.directReport].some((s) => (s ?? '').trim() !== '')) return found;
    }
    return null;
  }
}
