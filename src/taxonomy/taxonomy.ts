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

/** The categories shown when the operator has not chosen: the first seven, as the original ships them. */
export const defaultNonEmergencyCategories: BehaviorType[] = behaviorTypes.slice(0, 7);
