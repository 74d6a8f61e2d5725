/**
 * The Report item of every topic's and comment's overflow menu and of the Tools menu, shown by the one eligibility
 * policy; and, in the same places, "Get help" for logged-in users that policy refuses, so they are never left
 * without a way to get help.
 */
import type { Block, UserAccount } from '../accounts/UserAccount.js';
import type { MenuRegistry } from '../menus/MenuRegistry.js';
import type { Settings } from '../settings.js';
import type { Title } from '../wiki/Title.js';
import type { ReportService } from './ReportService.js';

/** Readers with this capability see Report links: the eligibility policy decides, per request. */
export const REPORT_CAPABILITY = 'report';

/**
 * Logged-in readers who may not report (blocked, partially blocked, too new, no edits) see "Get help" instead:
 * why they cannot report, the emergency address and the Get support pages. Not those who lack only a
 * confirmed email (they see Report, and the flow tells them how to confirm), nor anonymous readers.
 */
export const GET_HELP_CAPABILITY = 'gethelp';

/** Special:ReportIncident/help for a comment, topic or page: the same parameters as the Report link. */
export function getHelpHref(title: Title, revisionId: number, threadId: string | null): string {
  const query = new URLSearchParams({ page: title.prefixedDbKey, ...(threadId ? { threadId } : {}), revisionId: String(revisionId) });
  return `/wiki/Special:ReportIncident/help?${query.toString()}`;
}

/** The link into the no-JavaScript flow; the dialog script opens the same URL in place. */
export function reportHref(title: Title, revisionId: number, threadId: string | null, source: 'menu' | 'tools'): string {
  // `source` only tells the funnel statistics which entry point was used.
  const query = new URLSearchParams({ page: title.prefixedDbKey, ...(threadId ? { threadId } : {}), revisionId: String(revisionId), source });
  return `/wiki/Special:ReportIncident?${query.toString()}`;
}

export function registerReportMenuItems(
  menus: MenuRegistry,
  deps: { reports: ReportService; settings: Pick<Settings, 'ReportIncidentReportButtonEnabled'> },
): void {
  const enabledIn = (namespace: number): boolean => deps.settings.ReportIncidentReportButtonEnabled && deps.reports.namespaceEnabledForRequest(namespace);
  /** Eligible, or lacking only a confirmed email (the flow then says how to confirm), as the original. */
  const mayReport = (viewer: UserAccount | null, blocks: readonly Block[]): boolean => {
    if (!viewer) return false;
    const eligibility = deps.reports.eligibility(viewer, blocks);
    return eligibility.eligible || eligibility.showLink;
  };

  /** Logged in, yet refused by the policy for something a confirmed email would not fix. */
  const needsHelp = (viewer: UserAccount | null, blocks: readonly Block[]): boolean => viewer !== null && !mayReport(viewer, blocks);

  menus.addCapability(REPORT_CAPABILITY, (ctx) => enabledIn(ctx.title.namespace) && mayReport(ctx.viewer, ctx.viewerBlocks));
  menus.addCapability(GET_HELP_CAPABILITY, (ctx) => enabledIn(ctx.title.namespace) && needsHelp(ctx.viewer, ctx.viewerBlocks));
  menus.addThreadItemProvider((ctx) =>
    enabledIn(ctx.title.namespace)
      ? { id: 'report', labelKey: 'reportincident-report-link', href: reportHref(ctx.title, ctx.revId, ctx.threadId, 'menu'), icon: 'flag', weight: 100, behavior: 'report', capability: REPORT_CAPABILITY }
      : null,
  );
  // Every reader gets both items in the cached threads; the body's can-report or can-gethelp shows one of them.
  menus.addThreadItemProvider((ctx) =>
    enabledIn(ctx.title.namespace)
      ? { id: 'gethelp', labelKey: 'reportincident-gethelp-link', href: getHelpHref(ctx.title, ctx.revId, ctx.threadId), icon: 'help', weight: 101, capability: GET_HELP_CAPABILITY }
      : null,
  );
  menus.addPageActionProvider((ctx) => {
    // Anonymous readers get neither; everyone else gets Report or Get help (needsHelp is !mayReport here).
    if (ctx.revId === null || ctx.viewer === null || !enabledIn(ctx.title.namespace)) return null;
    return mayReport(ctx.viewer, ctx.viewerBlocks)
      ? { id: 'report', labelKey: 'reportincident-report-link', href: reportHref(ctx.title, ctx.revId, null, 'tools'), icon: 'flag', weight: 100, behavior: 'report' }
      : { id: 'gethelp', labelKey: 'reportincident-gethelp-link', href: getHelpHref(ctx.title, ctx.revId, null), icon: 'help', weight: 101 };
  });
}
