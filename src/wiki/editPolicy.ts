/** Who may edit a page: logged-in users not blocked from it (talk forms here are for named accounts only). */
import type { Block, UserAccount } from '../accounts/UserAccount.js';
import { blockAppliesTo } from '../accounts/UserAccount.js';

export type EditDecision = { allowed: true } | { allowed: false; messageKey: 'edit-denied-anon' | 'edit-denied-blocked'; block?: Block };

export function canEdit(user: UserAccount | null, blocks: Block[], page: { id: number | null; namespace: number }): EditDecision {
  if (!user) return { allowed: false, messageKey: 'edit-denied-anon' };
  const block = blocks.find((b) => blockAppliesTo(b, page));
  if (block) return { allowed: false, messageKey: 'edit-denied-blocked', block };
  return { allowed: true };
}
