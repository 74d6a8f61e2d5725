/**
 * Who may report: the ONE policy that decides whether Report links are shown, and that guards the
 * form and the REST endpoint (the original duplicated it, with a bug in both copies for years).
 */
import type { Block, UserAccount } from '../accounts/UserAccount.js';

export type IneligibleReason = 'anonymous' | 'no-edits' | 'blocked' | 'too-new' | 'email-unconfirmed';

export type Eligibility =
  | { eligible: true }
  | {
      eligible: false;
      reason: IneligibleReason;
      /** Report links still show when the only lack is a confirmed email (for discoverability, as the original). */
      showLink: boolean;
      /** When an account that is too new may report (ms). */
      eligibleAt?: number;
      block?: Block;
    };

export interface EligibilitySettings {
  ReportIncidentMinimumAccountAgeInSeconds: number;
  ReportIncidentDeveloperMode: boolean;
}

export interface EligibilityInput {
  user: UserAccount | null;
  /** The user's active blocks: any block, even a partial one elsewhere, stops reporting (T378778). */
  blocks: Block[];
  now: number;
  settings: EligibilitySettings;
}

/** Checks in the original's order: named account, edits, blocks, age, confirmed email. */
export function canReport({ user, blocks, now, settings }: EligibilityInput): Eligibility {
  if (!user) return { eligible: false, reason: 'anonymous', showLink: false };
  if (user.editCount <= 0) return { eligible: false, reason: 'no-edits', showLink: false };
  if (blocks.length > 0) return { eligible: false, reason: 'blocked', showLink: false, block: blocks[0]! };
  // Developer mode skips the age and email checks; it is off unless an operator turns it on.
  if (!settings.ReportIncidentDeveloperMode) {
    const eligibleAt = user.registeredAt + settings.ReportIncidentMinimumAccountAgeInSeconds * 1000;
    if (now < eligibleAt) return { eligible: false, reason: 'too-new', showLink: false, eligibleAt };
    if (!user.email || user.emailConfirmedAt === null) return { eligible: false, reason: 'email-unconfirmed', showLink: true };
  }
  return { eligible: true };
}

/** REST error of each refusal: status and MediaWiki's error key. */
export const ineligibleRestError: Record<IneligibleReason, { status: number; errorKey: string }> = {
  anonymous: { status: 403, errorKey: 'rest-permission-denied-anon' },
  'no-edits': { status: 403, errorKey: 'apierror-permissiondenied' },
  blocked: { status: 403, errorKey: 'apierror-blocked' },
  'too-new': { status: 403, errorKey: 'apierror-permissiondenied' },
  'email-unconfirmed': { status: 403, errorKey: 'reportincident-confirmedemail-required' },
};

/**
 * The heading of each refusal. "Yet" only where time or an edit will change the answer (no edits, too new);
 * a block is not something to wait out on this page, and a missing email is fixed in the preferences.
 */
export const ineligibleTitleKey: Record<IneligibleReason, string> = {
  anonymous: 'reportincident-ineligible-title',
  'no-edits': 'reportincident-ineligible-title',
  blocked: 'reportincident-ineligible-title-blocked',
  'too-new': 'reportincident-ineligible-title',
  'email-unconfirmed': 'reportincident-email-required-title',
};

/** The message that says what is missing and what to do, per reason. */
export const ineligibleMessageKey: Record<IneligibleReason, string> = {
  anonymous: 'reportincident-ineligible-anonymous',
  'no-edits': 'reportincident-ineligible-no-edits',
  blocked: 'reportincident-ineligible-blocked',
  'too-new': 'reportincident-ineligible-too-new',
  'email-unconfirmed': 'reportincident-ineligible-email-unconfirmed',
};
