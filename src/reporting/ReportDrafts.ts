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
  /** The reporter answered "This may be an emergency" (either way): it is not asked again. */
  maybeEmergencyAnswered: z.boolean().optional(),
});
export type ReportDraft = z.infer<typeof ReportDraftSchema>;

/** The steps a draft can be left at; a draft left at the Get support page completed the flow. */
export type DraftStep = 'choose-type' | 'emergency' | 'behavior' | 'maybe-emergency' | 'support';

export class ReportDrafts {
  constructor(
    private readonly repository: ReportRepository,
    private readonly clock: Clock,
    /** Told how many flows were given up at a step, when their drafts expire. */
    private readonly onAbandoned: (step: DraftStep) => void = () => {},
  ) {}

  create(userId: number, draft: ReportDraft, step: DraftStep): string {
    const id = randomBytes(16).toString('base64url');
    const now = this.clock.now();
    for (const { step: left, count } of this.repository.pruneDraftsBefore(now - DRAFT_TTL)) {
      if (left === 'support') continue;
      for (let i = 0; i < count; i++) this.onAbandoned(left as DraftStep);
    }
    this.repository.saveDraft(id, userId, JSON.stringify(draft), now, step);
    return id;
  }

  /** The draft, only for the user who made it, and only while it is fresh. */
  get(id: string | undefined, userId: number): ReportDraft | null {
    if (!id || id.length > 64) return null;
    const data = this.repository.findDraft(id, userId, this.clock.now() - DRAFT_TTL);
    if (data === null) return null;
    const parsed = ReportDraftSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  }

  save(id: string, userId: number, draft: ReportDraft, step: DraftStep): void {
    this.repository.saveDraft(id, userId, JSON.stringify(draft), this.clock.now(), step);
  }

  remove(id: string): void {
    this.repository.removeDraft(id);
  }
}
