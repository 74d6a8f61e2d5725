/** What a report's mail (and an update's) says, as plain values: the same model feeds the text and the HTML part. */
import type { Block, UserAccount } from '../../accounts/UserAccount.js';
import { isIpAddress } from '../../accounts/UserAccount.js';
import type { IncidentReport, ReportAbout } from '../../reporting/IncidentReport.js';
import { reportType } from '../../reporting/IncidentReport.js';
import type { ReportUpdate } from '../../reporting/reportUpdate.js';
import { reportTypeLabelKey } from '../../taxonomy/taxonomy.js';
import { encodeTitleForUrl } from '../../wiki/Title.js';

export interface RelatedReport {
  id: string;
  type: string;
  sameComment: boolean;
  /** The revision and thread it was filed on (0 once purged): its link. */
  revId: number;
  threadId: string | null;
}

/** What staff weigh an account by: how old, how active, and its blocks in force now or lately. */
export interface AccountFacts {
  accountAgeDays: number;
  editCount: number;
  /** Most recent first; `until` is null for a block without end. */
  blocks: { sitewide: boolean; active: boolean; since: string; until: string | null; reason: string }[];
}

/** How far back an account's ended blocks are shown: a block lifted last month still tells staff something. */
export const RECENT_BLOCK_DAYS = 90;

export interface ReportEmailModel {
  sitename: string;
  reportId: string;
  /** X-ReportIncident-Type: the harm or behaviour type. */
  type: string;
  typeLabelKey: string;
  /** A threat of self-harm the reporter says is about themselves: said first, in the subject and the first line. */
  reporterAtRisk: boolean;
  emergency: boolean;
  filedAt: string;
  reporter: ({
    name: string;
    url: string;
    email: string;
    language: string;
    aboutKey: string;
  } & AccountFacts) | null;
  /** `account` is null for an IP or a name without an account. */
  reported: { name: string; kindKey: string; url: string | null; contributionsUrl: string | null; account: AccountFacts | null } | null;
  content: {
    linkLabelKey: string;
    url: string;
    pageTitle: string;
    pageUrl: string;
    snapshot: { author: string; at: string; text: string } | null;
  };
  details: string;
  somethingElseDetails: string;
  directReport: string;
  related: { id: string; typeLabelKey: string; reasonKey: string; url: string | null }[];
  /** This report and the related ones: how many reports are about the same comment or user within 7 days. */
  groupSize: number;
  /** What the classifiers found (assistive: a reason to look, never a verdict). */
  signals: { labelKey: string; match: string; rule: string }[];
  /** Languages of the report's texts that no rules read (codes): the mail says no signal there is no all-clear. */
  unreadableLanguages: string[];
}

const linkLabelKeys = {
  comment: 'reportincident-email-link-comment',
  topic: 'reportincident-email-link-topic',
  page: 'reportincident-email-link-page',
} as const;

/** "2026-11-22 07:10 UTC": unambiguous for staff in any time zone. */
export function utc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

function accountFacts(account: UserAccount, blocks: readonly Block[], now: number): AccountFacts {
  return {
    accountAgeDays: Math.floor((now - account.registeredAt) / 86_400_000),
    editCount: account.editCount,
    blocks: [...blocks]
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((b) => ({ sitewide: b.sitewide, active: b.expiresAt === null || b.expiresAt > now, since: utc(b.createdAt), until: b.expiresAt === null ? null : utc(b.expiresAt), reason: b.reason })),
  };
}

export function presentReportEmail(
  report: IncidentReport,
  deps: {
    sitename: string;
    server: string;
    pageTitleText: string;
    reporter: UserAccount | null;
    reportedAccount: UserAccount | null;
    /** The blocks of each account in force now or in the last RECENT_BLOCK_DAYS days. */
    reporterBlocks?: Block[];
    reportedBlocks?: Block[];
    related: RelatedReport[];
    now: number;
    signals?: { labelKey: string; match: string; rule: string }[];
    unreadableLanguages?: string[];
  },
): ReportEmailModel {
  const { server, reporter } = deps;
  const userPath = (name: string) => encodeTitleForUrl(name.replace(/ /g, '_'));
  const type = reportType(report);
  const pageKey = encodeTitleForUrl(deps.pageTitleText.replace(/ /g, '_'));
  const anchor = report.threadId ? `#${encodeURIComponent(report.threadId)}` : '';
  const reported = report.reportedUser;
  return {
    sitename: deps.sitename,
    reportId: report.id,
    type,
    typeLabelKey: reportTypeLabelKey(type),
    reporterAtRisk: report.physicalHarmType === 'threats-self-harm' && report.about === 'self',
    emergency: report.incidentType === 'immediate-threat-physical-harm',
    filedAt: utc(report.createdAt),
    reporter: reporter
      ? {
          name: reporter.name,
          url: `${server}/wiki/User:${userPath(reporter.name)}`,
          email: reporter.emailConfirmedAt !== null ? reporter.email : '',
          ...accountFacts(reporter, deps.reporterBlocks ?? [], deps.now),
          language: report.reporterLanguage,
          aboutKey: report.about === 'self' ? 'reportincident-email-about-self' : report.about === 'someone-else' ? 'reportincident-email-about-someone-else' : 'reportincident-email-about-unknown',
        }
      : null,
    reported: reported
      ? {
          name: reported,
          kindKey: isIpAddress(reported) ? 'reportincident-email-reported-ip' : deps.reportedAccount ? 'reportincident-email-reported-account' : 'reportincident-email-reported-missing',
          url: !isIpAddress(reported) && deps.reportedAccount ? `${server}/wiki/User:${userPath(reported)}` : null,
          contributionsUrl: isIpAddress(reported) || deps.reportedAccount ? `${server}/wiki/Special:Contributions/${userPath(reported)}` : null,
          account: !isIpAddress(reported) && deps.reportedAccount ? accountFacts(deps.reportedAccount, deps.reportedBlocks ?? [], deps.now) : null,
        }
      : null,
    content: {
      linkLabelKey: linkLabelKeys[report.threadId?.startsWith('h-') ? 'topic' : report.threadId ? 'comment' : 'page'],
      url: report.revId > 0 ? `${server}/w/index.php?oldid=${report.revId}${anchor}` : `${server}/wiki/${pageKey}${anchor}`,
      pageTitle: deps.pageTitleText,
      pageUrl: `${server}/wiki/${pageKey}`,
      snapshot: report.snapshot ? { author: report.snapshot.author, at: utc(report.snapshot.createdAt), text: report.snapshot.text } : null,
    },
    details: report.details,
    somethingElseDetails: report.somethingElseDetails,
    directReport: report.directReport,
    groupSize: deps.related.length + 1,
    signals: deps.signals ?? [],
    unreadableLanguages: deps.unreadableLanguages ?? [],
    related: deps.related.map((r) => ({
      id: r.id,
      typeLabelKey: reportTypeLabelKey(r.type),
      reasonKey: r.sameComment ? 'reportincident-email-related-same-comment' : 'reportincident-email-related-same-user',
      url: r.revId > 0 ? `${server}/w/index.php?oldid=${r.revId}${r.threadId ? `#${encodeURIComponent(r.threadId)}` : ''}` : null,
    })),
  };
}

/** An update's mail: only what the repeat added, named by the report it belongs to. */
export interface ReportUpdateEmailModel {
  sitename: string;
  reportId: string;
  /** X-ReportIncident-Type: the harm or behaviour type of the report. */
  type: string;
  typeLabelKey: string;
  addedAt: string;
  /** The new words only; '' when only the "about" choice changed. */
  text: string;
  /** What the reporter now says the emergency is about, when they changed it. */
  aboutKey: string | null;
}

const updateAboutKeys: Record<ReportAbout, string> = {
  self: 'reportincident-email-update-about-self',
  'someone-else': 'reportincident-email-update-about-someone-else',
};

export function presentReportUpdateEmail(report: IncidentReport, update: ReportUpdate, deps: { sitename: string }): ReportUpdateEmailModel {
  const type = reportType(report);
  return {
    sitename: deps.sitename,
    reportId: report.id,
    type,
    typeLabelKey: reportTypeLabelKey(type),
    addedAt: utc(update.createdAt),
    text: update.text,
    aboutKey: update.about ? updateAboutKeys[update.about] : null,
  };
}
