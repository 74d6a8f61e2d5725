/** An incident report as stored: who reported what, where, and the reported comment as it stood. */
import type { BehaviorType, IncidentType, PhysicalHarmType } from '../taxonomy/taxonomy.js';
import type { Namespaces } from '../wiki/namespaces.js';

export type ReportRoute = 'emergency' | 'support' | 'direct';
export type ReportAbout = 'self' | 'someone-else';

export interface CommentSnapshot {
  author: string;
  createdAt: number;
  text: string;
}

export interface IncidentReport {
  id: string;
  createdAt: number;
  reporterUserId: number | null;
  reporterLanguage: string;
  incidentType: IncidentType;
  physicalHarmType: PhysicalHarmType | null;
  behaviorType: BehaviorType | null;
  about: ReportAbout | null;
  route: ReportRoute;
  pageId: number | null;
  pageNamespace: number;
  pageTitle: string;
  revId: number;
  threadId: string | null;
  reportedUser: string;
  reportedUserId: number | null;
  details: string;
  somethingElseDetails: string;
  directReport: string;
  snapshot: CommentSnapshot | null;
  /** Filed by an end-to-end tester (community configuration): mailed to nobody, counted nowhere. */
  test?: boolean;
  /** When retention erased its texts and identities (absent while it has them). */
  purgedAt?: number;
}

/** The harm or behaviour type: what a duplicate must repeat, and what the mail's X-ReportIncident-Type says. */
export function reportType(report: Pick<IncidentReport, 'physicalHarmType' | 'behaviorType'>): string {
  return report.physicalHarmType ?? report.behaviorType ?? '';
}

/** The path of a support-route report's Get support page, about its comment; null for a report of another route. */
export function supportPagePath(report: IncidentReport, namespaces: Namespaces): string | null {
  if (report.route !== 'support' || !report.behaviorType) return null;
  const page = `${namespaces.nameOf(report.pageNamespace)}:${report.pageTitle}`.replace(/^:/, '');
  const query = new URLSearchParams({ page, ...(report.threadId ? { threadId: report.threadId } : {}), revisionId: String(report.revId) });
  return `/wiki/Special:ReportIncident/support/${report.behaviorType}?${query.toString()}`;
}
