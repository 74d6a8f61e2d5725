/**
 * The community configuration, as the original's Community Configuration schema 1.1.0 (property names
 * unchanged, so an existing MediaWiki:IncidentReportingConfig.json imports as it is), plus what our flows
 * need: crisis resources and the response time promised to emergency reporters.
 */
import { z } from 'zod';

export const COMMUNITY_CONFIG_VERSION = '1.1.0';
export const COMMUNITY_CONFIG_PAGE = 'MediaWiki:IncidentReportingConfig.json';

const text = (max = 2000) => z.string().max(max).default('');

/** ContactAdmin and ContactCommunity take a page title or an https URL; Email an address. */
const helpMethods3 = z
  .strictObject({
    /** A page or URL where administrators handle urgent and ongoing incidents. */
    ContactAdmin: text(),
    /** An address that receives concerns (and direct reports when enabled). */
    Email: text(254),
    /** A page or URL where the community answers questions. */
    ContactCommunity: text(),
  })
  .prefault({});

const helpMethods2 = z
  .strictObject({
    ContactAdmin: text(),
    Email: text(254),
  })
  .prefault({});

export const CrisisResourceSchema = z.strictObject({
  /** The service's name, as the reporter should see it. */
  name: z.string().min(1).max(200),
  /** A web address (https). */
  url: z.string().max(2000).default(''),
  /** A phone number, as it should be dialled. */
  phone: z.string().max(50).default(''),
  /** Language code this resource is for; empty for every language. */
  language: z.string().max(20).default(''),
});
export type CrisisResource = z.infer<typeof CrisisResourceSchema>;

/** International directories of helplines: useful in any country, and never out of date. */
export const defaultCrisisResources: CrisisResource[] = [
  { name: 'Find A Helpline', url: 'https://findahelpline.com/', phone: '', language: '' },
  { name: 'Befrienders Worldwide', url: 'https://befrienders.org/', phone: '', language: '' },
  { name: 'IASP crisis centres', url: 'https://www.iasp.info/crisis-centres-helplines/', phone: '', language: '' },
];

/** The desk's reply templates a community may word its own way (#21); see src/cases/caseTemplates.ts. */
export const replyTemplateNames = ['acknowledge-emergency', 'acknowledge-at-risk', 'acknowledge-community'] as const;
/** What a reply template may say in double braces, filled in for each case. */
export const replyTemplatePlaceholders = ['name', 'id', 'sitename', 'date', 'link'] as const;

export const ReplyTemplateSchema = z.strictObject({
  /** Which reply it replaces. */
  template: z.enum(replyTemplateNames),
  /** The language it is written in; empty for every language that has none of its own. */
  language: z.string().max(20).default(''),
  /** The harm or behaviour type it is for (threats-physical-harm, intimidation, …); empty for every type. */
  category: z.string().max(64).default(''),
  /** The words, with {{name}}, {{id}}, {{sitename}}, {{date}} and {{link}} filled in for each case. */
  text: z.string().min(1).max(5000),
});
export type ReplyTemplate = z.infer<typeof ReplyTemplateSchema>;

export const communityConfigShape = {
  /** Namespaces with Report links; empty means the operator's ReportIncidentEnabledNamespaces. */
  ReportIncidentEnabledNamespaces: z.array(z.int().min(0)).max(100).default([]),
  /** Users whose reports are not sent (for end-to-end tests). */
  ReportIncidentE2ETesterUsers: z.array(z.string().max(85)).max(100).default([]),

  ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL: text(),
  ReportIncident_NonEmergency_Intimidation_HelpMethod: helpMethods3,

  ReportIncident_NonEmergency_Doxing_ShowWarning: z.boolean().default(true),
  ReportIncident_NonEmergency_Doxing_HideEditURL: text(),
  ReportIncident_NonEmergency_Doxing_HelpMethod: z.strictObject({ Email: text(254) }).prefault({}),

  ReportIncident_NonEmergency_SexualHarassment_HelpMethod: helpMethods3,
  ReportIncident_NonEmergency_Trolling_HelpMethod: helpMethods3,
  ReportIncident_NonEmergency_HateSpeech_HelpMethod: helpMethods2,

  ReportIncident_NonEmergency_Spam_SpamContentURL: text(),
  ReportIncident_NonEmergency_Spam_HelpMethod: helpMethods2,

  ReportIncident_NonEmergency_Other_DisputeResolutionURL: text(),
  ReportIncident_NonEmergency_SomethingElse_HelpMethod: helpMethods3,

  ReportIncident_NonEmergency_Sockpuppetry_HelpMethod: helpMethods3,
  ReportIncident_NonEmergency_Vandalism_HelpMethod: helpMethods3,
  ReportIncident_NonEmergency_UserDispute_HelpMethod: helpMethods3,
  ReportIncident_NonEmergency_DisruptiveEditing_HelpMethod: helpMethods3,
  ReportIncident_NonEmergency_Other_HelpMethod: helpMethods3,

  /** Crisis lines shown to anyone who reports a threat of self-harm. */
  ReportIncident_CrisisResources: z.array(CrisisResourceSchema).max(50).default(defaultCrisisResources),
  /** The community's own wording of the desk's reply templates, per template and language (#21). */
  ReportIncident_ReplyTemplates: z.array(ReplyTemplateSchema).max(60).default([]),
  /** How soon Trust & Safety answers emergency reports, in hours, as promised on the confirmation page. */
  ReportIncident_Emergency_ResponseTimeHours: z.int().min(1).max(720).default(24),
};

export const CommunityConfigSchema = z.strictObject(communityConfigShape);
export type CommunityConfig = z.infer<typeof CommunityConfigSchema>;
export type CommunityConfigKey = keyof CommunityConfig;

/** The original's empty "sub-header" objects, a form-layout hack: accepted on import and dropped. */
export const subHeaderKeys = [
  'Intimidation',
  'Doxing',
  'SexualHarassment',
  'Trolling',
  'HateSpeech',
  'Spam',
  'SomethingElse',
  'Sockpuppetry',
  'Vandalism',
  'UserDispute',
  'DisruptiveEditing',
  'Other',
].map((c) => `ReportIncident_NonEmergency_${c}`);

export function withoutSubHeaders(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (!subHeaderKeys.includes(k)) out[k] = v;
  return out;
}

/** Every default, from parsing an empty object: also the emergency fallback when the page is broken. */
export function defaultCommunityConfig(): CommunityConfig {
  return CommunityConfigSchema.parse({});
}
