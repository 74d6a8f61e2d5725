/** Pure routing: which mail a report needs, from the report and the configurations only. */
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

/**
 * Emergency: Trust & Safety. A non-emergency report with direct-report text where direct reporting is
 * available: the category's community address. Anything else sends nothing: the Get support page.
 */
export function routeReport(
  report: Pick<IncidentReport, 'incidentType' | 'behaviorType' | 'directReport'>,
  config: CommunityConfig,
  settings: RoutingSettings,
): { route: ReportRoute; deliveries: Delivery[] } {
  if (report.incidentType === 'immediate-threat-physical-harm') {
    return { route: 'emergency', deliveries: [{ kind: 'trust-and-safety', recipients: settings.ReportIncidentRecipientEmails }] };
  }
  if (report.behaviorType && report.directReport.trim() !== '' && directReportingAvailable(report.behaviorType, config, settings)) {
    return { route: 'direct', deliveries: [{ kind: 'direct', recipients: [categoryEmail(report.behaviorType, config)] }] };
  }
  return { route: 'support', deliveries: [] };
}
