/** The Report item of every topic's and comment's overflow menu and of the Tools menu, shown by the one eligibility policy. */
import type { UserAccount } from '../accounts/UserAccount.js';
import type { CommunityConfigProvider } from '../communityConfig/CommunityConfigProvider.js';
import type { MenuRegistry } from '../menus/MenuRegistry.js';
import type { Settings } from '../settings.js';
import type { Title } from '../wiki/Title.js';
import type { ReportService } from './ReportService.js';

/** Readers with this capability see Report links: the eligibility policy decides, per request. */
export const REPORT_CAPABILITY = 'report';

/** The link into the no-JavaScript flow; the dialog script opens the same URL in place. */
export function reportHref(title: Title, revisionId: number, threadId: string | null, source: 'menu' | 'tools'): string {
  // `source` only tells the funnel statistics which entry point was used.
  const query = new URLSearchParams({ page: title.prefixedDbKey, ...(threadId ? { threadId } : {}), revisionId: String(revisionId), source });
  return `/wiki/Special:ReportIncident?${query.toString()}`;
}

export function registerReportMenuItems(
  menus: MenuRegistry,
  deps: { reports: ReportService; communityConfig: CommunityConfigProvider; settings: Pick<Settings, 'ReportIncidentReportButtonEnabled' | 'ReportIncidentEnabledNamespaces'> },
): void {
  const enabledIn = (namespace: number): boolean => {
    if (!deps.settings.ReportIncidentReportButtonEnabled) return false;
    const configured = deps.communityConfig.current().ReportIncidentEnabledNamespaces;
    return (configured.length > 0 ? configured : deps.settings.ReportIncidentEnabledNamespaces).includes(namespace);
  };
  /** Eligible, or lacking only a confirmed email (the flow then says how to confirm), as the original. */
  const mayReport = (viewer: UserAccount | null): boolean => {
    if (!viewer) return false;
    const eligibility = deps.reports.eligibility(viewer);
    return eligibility.eligible || eligibility.showLink;
  };

  menus.addCapability(REPORT_CAPABILITY, (ctx) => enabledIn(ctx.title.namespace) && mayReport(ctx.viewer));
  menus.addThreadItemProvider((ctx) =>
    enabledIn(ctx.title.namespace)
      ? { id: 'report', labelKey: 'reportincident-report-link', href: reportHref(ctx.title, ctx.revId, ctx.threadId, 'menu'), icon: 'flag', weight: 100, behavior: 'report', capability: REPORT_CAPABILITY }
      : null,
  );
  menus.addPageActionProvider((ctx) =>
    ctx.revId !== null && enabledIn(ctx.title.namespace) && mayReport(ctx.viewer)
      ? { id: 'report', labelKey: 'reportincident-report-link', href: reportHref(ctx.title, ctx.revId, null, 'tools'), icon: 'flag', weight: 100, behavior: 'report' }
      : null,
  );
}
