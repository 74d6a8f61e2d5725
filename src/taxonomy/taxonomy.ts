/** The report categories as one table: incident types, harm types and behaviour types, with their message keys. */

export const incidentTypes = ['unacceptable-user-behavior', 'immediate-threat-physical-harm'] as const;
export type IncidentType = (typeof incidentTypes)[number];

export const physicalHarmTypes = ['threats-physical-harm', 'threats-self-harm', 'threats-public-harm'] as const;
export type PhysicalHarmType = (typeof physicalHarmTypes)[number];

/** Every behaviour type the REST endpoint knows, the default seven first, in their default order. */
export const behaviorTypes = [
  'intimidation',
  'sexual-harassment',
  'doxing',
  'trolling',
  'hate-or-discrimination',
  'spam',
  'something-else',
  'sockpuppetry',
  'vandalism',
  'userdispute',
  'disruptiveediting',
  'other',
] as const;
export type BehaviorType = (typeof behaviorTypes)[number];

/** Every type a report can have: a harm for emergencies, a behaviour for the rest (a case's "type"). */
export const reportTypes = [...physicalHarmTypes, ...behaviorTypes] as const;

/** The categories shown when the operator has not chosen: the first seven, as the original ships them. */
export const defaultNonEmergencyCategories: BehaviorType[] = behaviorTypes.slice(0, 7);

export type HelpMethod = 'ContactAdmin' | 'Email' | 'ContactCommunity';

/** What the Get support page of one behaviour type is made of; message keys built in one place. */
export interface BehaviorDefinition {
  type: BehaviorType;
  /** The Community Configuration name of the category: ReportIncident_NonEmergency_<configName>_HelpMethod. */
  configName: string;
  helpMethods: HelpMethod[];
  /** Community configuration key of the page or URL the "What to do next" text links to, and the link's text. */
  nextStepLinkKey?: string;
  nextStepLinkTextKey?: string;
  /** Community configuration key of a boolean that shows the warning, or true to always show it. */
  warning?: { key: string } | true;
  /** Whether a direct report to the category's address may replace its contact methods (all but "something else"). */
  directReport: boolean;
}

const all3: HelpMethod[] = ['ContactAdmin', 'Email', 'ContactCommunity'];

export const behaviorDefinitions: Record<BehaviorType, BehaviorDefinition> = {
  intimidation: { type: 'intimidation', configName: 'Intimidation', helpMethods: all3, nextStepLinkKey: 'ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL', nextStepLinkTextKey: 'reportincident-support-link-dispute', directReport: true },
  'sexual-harassment': { type: 'sexual-harassment', configName: 'SexualHarassment', helpMethods: all3, directReport: true },
  doxing: {
    type: 'doxing',
    configName: 'Doxing',
    helpMethods: ['Email'],
    nextStepLinkKey: 'ReportIncident_NonEmergency_Doxing_HideEditURL',
    nextStepLinkTextKey: 'reportincident-support-link-hide',
    warning: { key: 'ReportIncident_NonEmergency_Doxing_ShowWarning' },
    directReport: true,
  },
  trolling: { type: 'trolling', configName: 'Trolling', helpMethods: all3, directReport: true },
  'hate-or-discrimination': { type: 'hate-or-discrimination', configName: 'HateSpeech', helpMethods: ['ContactAdmin', 'Email'], directReport: true },
  spam: { type: 'spam', configName: 'Spam', helpMethods: ['ContactAdmin', 'Email'], nextStepLinkKey: 'ReportIncident_NonEmergency_Spam_SpamContentURL', nextStepLinkTextKey: 'reportincident-support-link-spam', directReport: true },
  'something-else': { type: 'something-else', configName: 'SomethingElse', helpMethods: all3, nextStepLinkKey: 'ReportIncident_NonEmergency_Other_DisputeResolutionURL', nextStepLinkTextKey: 'reportincident-support-link-dispute', directReport: false },
  sockpuppetry: { type: 'sockpuppetry', configName: 'Sockpuppetry', helpMethods: all3, directReport: true },
  vandalism: { type: 'vandalism', configName: 'Vandalism', helpMethods: all3, directReport: true },
  userdispute: { type: 'userdispute', configName: 'UserDispute', helpMethods: all3, directReport: true },
  disruptiveediting: { type: 'disruptiveediting', configName: 'DisruptiveEditing', helpMethods: all3, directReport: true },
  other: { type: 'other', configName: 'Other', helpMethods: all3, warning: true, directReport: true },
};

/*
 * Message keys of the taxonomy, built here and nowhere else. Possible keys used here:
 * reportincident-behavior-<type>, reportincident-behavior-<type>-help,
 * reportincident-support-<type>-nextstep, reportincident-support-<type>-nextstep-link,
 * reportincident-support-<type>-warning, reportincident-harm-<harm type>, reportincident-harm-<harm type>-example.
 */
export const behaviorLabelKey = (t: BehaviorType) => `reportincident-behavior-${t}`;
export const behaviorHelpKey = (t: BehaviorType) => `reportincident-behavior-${t}-help`;
export const nextStepKey = (t: BehaviorType, linked: boolean) => `reportincident-support-${t}-nextstep${linked ? '-link' : ''}`;
export const warningKey = (t: BehaviorType) => `reportincident-support-${t}-warning`;
export const harmLabelKey = (h: PhysicalHarmType) => `reportincident-harm-${h}`;
export const harmExampleKey = (h: PhysicalHarmType) => `reportincident-harm-${h}-example`;

/** The label of a report's type, harm or behaviour; a type not in the taxonomy (none recorded) says so. */
export function reportTypeLabelKey(type: string): string {
  if ((physicalHarmTypes as readonly string[]).includes(type)) return harmLabelKey(type as PhysicalHarmType);
  if ((behaviorTypes as readonly string[]).includes(type)) return behaviorLabelKey(type as BehaviorType);
  return 'reportincident-case-type-unknown';
}
