/** Pure routing: which mail a report needs, from the two classifiers' verdicts and the configurations only. */
import type { ClassifierInput, EmergencyVerdict, NonEmergencyVerdict } from '../classifiers/index.js';
import type { CommunityConfig } from '../communityConfig/communityConfigSchema.js';
import type { IncidentReport, ReportRoute } from '../reporting/IncidentReport.js';
import { behaviorDefinitions } from '../taxonomy/taxonomy.js';

export interface Delivery {
  kind: 'trust-and-safety' | 'direct';
  recipients: string[];
}

export interface RoutingSettings {
  ReportIncidentRecipientEmails: string[];
  ReportIncidentEnableDirectReporting: boolean;
}

/** The community address of a behaviour type, or '' when none is configured. */
export function categoryEmail(behaviorType: NonNullable<IncidentReport['behaviorType']>, config: CommunityConfig): string {
  const def = behaviorDefinitions[behaviorType];
  const methods = (config as Record<string, unknown>)[`ReportIncident_NonEmergency_${def.configName}_HelpMethod`] as { Email?: string } | undefined;
  return methods?.Email?.trim() ?? '';
}

/** Whether this category offers the direct-report form: the feature is on, the category allows it and has an address. */
export function directReportingAvailable(behaviorType: NonNullable<IncidentReport['behaviorType']>, config: CommunityConfig, settings: RoutingSettings): boolean {
  return settings.ReportIncidentEnableDirectReporting && behaviorDefinitions[behaviorType].directReport && categoryEmail(behaviorType, config) !== '';
}

/** What the classifiers read of a report: the choices, every free text, the reported comment, the language. */
export function classifierInput(
  report: Pick<IncidentReport, 'incidentType' | 'physicalHarmType' | 'behaviorType' | 'details' | 'somethingElseDetails' | 'directReport' | 'reporterLanguage'> & { snapshot: { text: string } | null },
  config: CommunityConfig,
  settings: RoutingSettings,
): ClassifierInput {
  return {
    incidentType: report.incidentType,
    physicalHarmType: report.physicalHarmType,
    behaviorType: report.behaviorType,
    texts: [report.details, report.somethingElseDetails, report.directReport].filter((t) => t !== ''),
    snapshot: report.snapshot?.text ?? null,
    language: report.reporterLanguage || null,
    directReportAvailable: report.behaviorType !== null && directReportingAvailable(report.behaviorType, config, settings),
    directReport: report.directReport,
  };
}

/** What routing reads: the two classifiers' verdicts on the report, and nothing else of it. */
export interface RoutingVerdicts {
  emergency: Pick<EmergencyVerdict, 'emergency'>;
  nonEmergency: Pick<NonEmergencyVerdict, 'behaviorType' | 'route'>;
}

/**
 * Emergency: Trust & Safety. The direct route: the category's community address. Anything else sends nothing: the
 * Get support page. The verdicts follow the reporter's choice, so no signal reroutes a report by itself.
 */
export function routeReport(verdicts: RoutingVerdicts, config: CommunityConfig, settings: RoutingSettings): { route: ReportRoute; deliveries: Delivery[] } {
  if (verdicts.emergency.emergency) {
    return { route: 'emergency', deliveries: [{ kind: 'trust-and-safety', recipients: settings.ReportIncidentRecipientEmails }] };
  }
  const { behaviorType, route } = verdicts.nonEmergency;
  const address = behaviorType && route === 'direct' ? categoryEmail(behaviorType, config) : '';
  if (address !== '') return { route: 'direct', deliveries: [{ kind: 'direct', recipients: [address] }] };
  return { route: 'support', deliveries: [] };
}
