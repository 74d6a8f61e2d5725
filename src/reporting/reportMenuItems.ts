/** The Report item of every topic's and comment's overflow menu and of the Tools menu, shown by the one eligibility policy. */
import type { UserAccount } from '../accounts/UserAccount.js';
import type { CommunityConfigProvider } from '../communityConfig/CommunityConfigProvider.js';
import type { MenuRegistry } from '../menus/MenuRegistry.js';
import type { Settings } from '../settings.js';
import type { Title } from '../wiki/Title.js';
import type { ReportService } from './ReportService.js';

/** The link into the no-JavaScript flow; the dialog script opens the same URL in place. */
export function reportHref(title: Title, revisionId: number, threadId: string | null): string {
  const query = new URLSearchParams({ page: title.prefixedDbKey, ...(threadId ? { threadId } : {}), revisionId: String(revisionId) });
  return `/wiki/Special:ReportIncident?${query.toString()}`;
}

export function registerReportMenuItems(
  menus: MenuRegistry,
  deps: { reports: ReportService; communityConfig: CommunityConfigProvider; settings: Pick<Settings, 'ReportIncidentReportButtonEnabled' | 'ReportIncidentEnabledNamespaces'> },
): void {
  // A talk page asks once per comment; the viewer's account object lives for one request, so the
  // answer is remembered per object and forgotten with it.
  const answers = new WeakMap<UserAccount, boolean>();
  const shownTo = (viewer: UserAccount | null, namespace: number): boolean => {
    if (!deps.settings.ReportIncidentReportButtonEnabled || !viewer) return false;
    const configured = deps.communityConfig.current().ReportIncidentEnabledNamespaces;
    const namespaces = configured.length > 0 ? configured : deps.settings.ReportIncidentEnabledNamespaces;
    if (!namespaces.includes(namespace)) return false;
    let shown = answers.get(viewer);
    if (shown === undefined) {
      const eligibility = deps.reports.eligibility(viewer);
      shown = eligibility.eligible || eligibility.showLink;
      answers.set(viewer, shown);
    }
    return shown;
  };

  menus.addThreadItemProvider((ctx) =>
    shownTo(ctx.viewer, ctx.title.namespace)
      ? {
          id: 'report',
          labelKey: 'reportincident-report-link',
          href: reportHref(ctx.title, ctx.revId, ctx.threadId),
          icon: 'flag',
          weight: 100,
          behavior: 'report',
        }
      : null,
  );
  menus.addPageActionProvider((ctx) =>
    ctx.revId !== null && shownTo(ctx.viewer, ctx.title.namespace)
      ? { id: 'report', labelKey: 'reportincident-report-link', href: reportHref(ctx.title, ctx.revId, null), icon: 'flag', weight: 100, behavior: 'report' }
      : null,
  );
}
