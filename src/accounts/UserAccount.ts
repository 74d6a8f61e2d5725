/** A registered account as MediaWiki has it, and the groups and rights derived from it. */

export const explicitGroups = ['sysop', 'interface-admin', 'trust-and-safety', 'incident-responder', 'bot'] as const;
export type ExplicitGroup = (typeof explicitGroups)[number];

export interface UserAccount {
  id: number;
  name: string;
  email: string;
  /** When the email address was confirmed (ms), or null. */
  emailConfirmedAt: number | null;
  /** When the account was created (ms). */
  registeredAt: number;
  editCount: number;
  /** The interface language the user chose in Special:Preferences, or null. */
  language: string | null;
  groups: ExplicitGroup[];
}

export interface Block {
  id: number;
  userId: number;
  byUserId: number | null;
  reason: string;
  sitewide: boolean;
  createdAt: number;
  /** When the block ends (ms), or null for never. */
  expiresAt: number | null;
  /** What a partial block covers. */
  pageIds: number[];
  namespaces: number[];
}

export interface AutoConfirmSettings {
  AutoConfirmAge: number;
  AutoConfirmCount: number;
}

/** MediaWiki's autoconfirmed: old enough and enough edits; a derived group, never stored. */
export function isAutoconfirmed(user: UserAccount, settings: AutoConfirmSettings, now: number): boolean {
  return now - user.registeredAt >= settings.AutoConfirmAge * 1000 && user.editCount >= settings.AutoConfirmCount;
}

/** The implicit and explicit groups of a user, as the API's userinfo lists them. */
export function effectiveGroups(user: UserAccount | null, settings: AutoConfirmSettings, now: number): string[] {
  if (!user) return ['*'];
  const groups = ['*', 'user'];
  if (isAutoconfirmed(user, settings, now)) groups.push('autoconfirmed');
  return [...groups, ...user.groups];
}

/** Rights per group, a small part of MediaWiki's $wgGroupPermissions. */
const groupRights: Record<string, string[]> = {
  '*': ['read', 'createaccount', 'viewmyprivateinfo'],
  user: ['edit', 'createtalk', 'createpage', 'editmyprivateinfo', 'editmyoptions', 'reportincident'],
  autoconfirmed: ['autoconfirmed', 'editsemiprotected'],
  sysop: ['block', 'delete', 'protect', 'editprotected', 'deletedhistory', 'undelete', 'apihighlimits'],
  'interface-admin': ['editinterface', 'editsitejson', 'editsitecss', 'editsitejs', 'edituserjson', 'editcommunityconfig'],
  'trust-and-safety': ['reportincident-viewstatistics', 'reportincident-viewdevmailbox', 'reportincident-handlecases'],
  // The community's responders: they handle direct reports (#21).
  'incident-responder': ['reportincident-handlecases'],
  bot: ['bot', 'apihighlimits'],
};

export function rightsOf(groups: string[]): string[] {
  const rights = new Set<string>();
  for (const g of groups) for (const r of groupRights[g] ?? []) rights.add(r);
  return [...rights];
}

/** Whether a block stops the user from editing this page (MediaWiki's Block::appliesToPage). */
export function blockAppliesTo(block: Block, page: { id: number | null; namespace: number }): boolean {
  if (block.sitewide) return true;
  if (block.namespaces.includes(page.namespace)) return true;
  return page.id !== null && block.pageIds.includes(page.id);
}

/** Normalises a user name as MediaWiki does: spaces for underscores, first letter upper case. */
export function normaliseUserName(input: string): string {
  // Direction marks are stripped from titles too: a name with them would have a user page of another name.
  const s = input.replace(/[\u200e\u200f\u202a-\u202e]/g, '').replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  if (!s) return s;
  const first = String.fromCodePoint(s.codePointAt(0) ?? 0);
  return first.toUpperCase() + s.slice(first.length);
}

/** Why a name cannot be a user name, as a message key, or null when it can. */
export function userNameProblem(name: string): string | null {
  if (name === '') return 'user-name-invalid-empty';
  if (Buffer.byteLength(name) > 85) return 'user-name-invalid-too-long';
  if (/[#<>[\]|{}/@:\u0000-\u001f\u007f]/.test(name)) return 'user-name-invalid-characters';
  if (isIpAddress(name)) return 'user-name-invalid-ip';
  return null;
}

const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
/** Whether a name is an IPv4 or IPv6 address, as a logged-out editor's name is. */
export function isIpAddress(name: string): boolean {
  if (ipv4.test(name)) return true;
  if (!name.includes(':') || !/^[0-9a-fA-F:.]+$/.test(name)) return false;
  const halves = name.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  const last = groups[groups.length - 1];
  const v4Tail = last !== undefined && !name.endsWith(':') && ipv4.test(last);
  const hex = v4Tail ? groups.slice(0, -1) : groups;
  if (!hex.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = hex.length + (v4Tail ? 2 : 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** Whether two normalised names are the same user: an IPv6 address may be written out or compressed. */
export function sameUserName(a: string, b: string): boolean {
  const canonical = (ip: string) => (ip.includes(':') ? (URL.parse(`http://[${ip}]/`)?.hostname ?? ip).toUpperCase() : ip.toUpperCase());
  return isIpAddress(a) && isIpAddress(b) ? canonical(a) === canonical(b) : a === b;
}
