/**
 * The admin form of the community configuration: its sections and fields (layout lives here, not in the
 * schema), reading a submitted form back into a configuration, and placing errors beside their fields.
 */
import type { Namespaces } from '../wiki/namespaces.js';
import { behaviorDefinitions, behaviorLabelKey, behaviorTypes, type HelpMethod, reportTypeLabelKey, reportTypes } from '../taxonomy/taxonomy.js';
import { type CommunityConfig, replyTemplateNames, replyTemplatePlaceholders } from './communityConfigSchema.js';
import type { ConfigIssue } from './communityConfigValidator.js';

export type FieldKind = 'page-or-url' | 'email' | 'checkbox' | 'number' | 'lines' | 'namespaces' | 'resources' | 'templates';

export interface FormField {
  /** The form name and JSON path: Property or Property.Sub. */
  name: string;
  /** The input's id, also the error summary's link target. */
  id: string;
  kind: FieldKind;
  labelKey: string;
  helpKey: string;
  value: unknown;
  errors: ConfigIssue[];
  options?: { value: number; label: string }[];
  /** For reply templates: the templates one may word, and the types one may word them for. */
  choices?: readonly string[];
  choiceLabelKeys?: Record<string, string>;
  categories?: { value: string; labelKey: string }[];
  /** Values the help text names (the placeholders a reply may use, written with their braces). */
  helpParams?: Record<string, string>;
}

export interface FormSection {
  id: string;
  headingKey: string;
  fields: FormField[];
}

type Labels = { label: string; help: string };

const helpMethodField: Record<HelpMethod, { kind: FieldKind } & Labels> = {
  ContactAdmin: { kind: 'page-or-url', label: 'communityconfig-field-contactadmin-label', help: 'communityconfig-field-contactadmin-help' },
  Email: { kind: 'email', label: 'communityconfig-field-email-label', help: 'communityconfig-field-email-help' },
  ContactCommunity: { kind: 'page-or-url', label: 'communityconfig-field-contactcommunity-label', help: 'communityconfig-field-contactcommunity-help' },
};

const disputeResolution: Labels = { label: 'communityconfig-field-disputeresolution-label', help: 'communityconfig-field-disputeresolution-help' };
/** Labels of the extra page fields of some categories. */
const linkFieldLabels: Record<string, Labels> = {
  ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL: disputeResolution,
  ReportIncident_NonEmergency_Other_DisputeResolutionURL: disputeResolution,
  ReportIncident_NonEmergency_Doxing_HideEditURL: { label: 'communityconfig-field-hideedit-label', help: 'communityconfig-field-hideedit-help' },
  ReportIncident_NonEmergency_Spam_SpamContentURL: { label: 'communityconfig-field-spamcontent-label', help: 'communityconfig-field-spamcontent-help' },
};

export const fieldId = (name: string) => `cc-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
/** A JSON pointer's form name: /A/B → A.B */
export const nameOfPointer = (pointer: string) => pointer.replace(/^\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');

function field(name: string, kind: FieldKind, labels: Labels, value: unknown, issues: ConfigIssue[], extra: Partial<FormField> = {}): FormField {
  const errors = issues.filter((i) => {
    const n = nameOfPointer(i.pointer);
    return n === name || n.startsWith(name + '.');
  });
  return { name, id: fieldId(name), kind, labelKey: labels.label, helpKey: labels.help, value, errors, ...extra };
}

export function presentForm(config: Record<string, unknown>, issues: ConfigIssue[], namespaces: Namespaces): FormSection[] {
  const get = (path: string) => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), config);
  const sections: FormSection[] = [
    {
      id: 'general',
      headingKey: 'communityconfig-section-general',
      fields: [
        field('ReportIncidentEnabledNamespaces', 'namespaces', { label: 'communityconfig-field-enablednamespaces-label', help: 'communityconfig-field-enablednamespaces-help' }, get('ReportIncidentEnabledNamespaces') ?? [], issues, {
          options: namespaces.all.filter((ns) => namespaces.isTalk(ns.id)).map((ns) => ({ value: ns.id, label: ns.name })),
        }),
        field('ReportIncidentE2ETesterUsers', 'lines', { label: 'communityconfig-field-e2etesters-label', help: 'communityconfig-field-e2etesters-help' }, get('ReportIncidentE2ETesterUsers') ?? [], issues),
      ],
    },
    {
      id: 'emergency',
      headingKey: 'communityconfig-section-emergency',
      fields: [
        field('ReportIncident_Emergency_ResponseTimeHours', 'number', { label: 'communityconfig-field-responsetime-label', help: 'communityconfig-field-responsetime-help' }, get('ReportIncident_Emergency_ResponseTimeHours'), issues),
        field('ReportIncident_CrisisResources', 'resources', { label: 'communityconfig-field-crisisresources-label', help: 'communityconfig-field-crisisresources-help' }, get('ReportIncident_CrisisResources') ?? [], issues),
      ],
    },
    {
      id: 'replies',
      headingKey: 'communityconfig-section-replies',
      fields: [
        field('ReportIncident_ReplyTemplates', 'templates', { label: 'communityconfig-field-replytemplates-label', help: 'communityconfig-field-replytemplates-help' }, get('ReportIncident_ReplyTemplates') ?? [], issues, {
          choices: replyTemplateNames,
          choiceLabelKeys: { 'acknowledge-emergency': 'communityconfig-template-acknowledge-emergency', 'acknowledge-at-risk': 'communityconfig-template-acknowledge-at-risk', 'acknowledge-community': 'communityconfig-template-acknowledge-community' },
          categories: reportTypes.map((type) => ({ value: type as string, labelKey: reportTypeLabelKey(type) })),
          helpParams: { date: '{{date}}', others: replyTemplatePlaceholders.filter((p) => p !== 'date').map((p) => `{{${p}}}`).join(', ') },
        }),
      ],
    },
  ];
  for (const type of behaviorTypes) {
    const def = behaviorDefinitions[type];
    const fields: FormField[] = [];
    if (def.nextStepLinkKey) fields.push(field(def.nextStepLinkKey, 'page-or-url', linkFieldLabels[def.nextStepLinkKey] ?? disputeResolution, get(def.nextStepLinkKey) ?? '', issues));
    if (def.warning && def.warning !== true) fields.push(field(def.warning.key, 'checkbox', { label: 'communityconfig-field-showwarning-label', help: 'communityconfig-field-showwarning-help' }, get(def.warning.key) === true, issues));
    const methods = `ReportIncident_NonEmergency_${def.configName}_HelpMethod`;
    for (const m of def.helpMethods) fields.push(field(`${methods}.${m}`, helpMethodField[m].kind, helpMethodField[m], get(`${methods}.${m}`) ?? '', issues));
    sections.push({ id: `category-${type}`, headingKey: behaviorLabelKey(type), fields });
  }
  return sections;
}

/** Every field name the form has, for reading it back. */
function formFieldNames(): { name: string; kind: FieldKind }[] {
  const out: { name: string; kind: FieldKind }[] = [
    { name: 'ReportIncidentEnabledNamespaces', kind: 'namespaces' },
    { name: 'ReportIncidentE2ETesterUsers', kind: 'lines' },
    { name: 'ReportIncident_Emergency_ResponseTimeHours', kind: 'number' },
    { name: 'ReportIncident_CrisisResources', kind: 'resources' },
    { name: 'ReportIncident_ReplyTemplates', kind: 'templates' },
  ];
  for (const type of behaviorTypes) {
    const def = behaviorDefinitions[type];
    if (def.nextStepLinkKey) out.push({ name: def.nextStepLinkKey, kind: 'page-or-url' });
    if (def.warning && def.warning !== true) out.push({ name: def.warning.key, kind: 'checkbox' });
    for (const m of def.helpMethods) out.push({ name: `ReportIncident_NonEmergency_${def.configName}_HelpMethod.${m}`, kind: helpMethodField[m].kind });
  }
  return out;
}

/** Extra empty rows of crisis resources offered for adding, without JavaScript. */
export const EMPTY_RESOURCE_ROWS = 2;
/** An extra empty reply template offered for adding. */
export const EMPTY_TEMPLATE_ROWS = 1;
const MAX_RESOURCE_ROWS = 60;

/** Reads a submitted form into a configuration object (not yet validated). */
export function configFromForm(body: Record<string, unknown>, base: CommunityConfig): Record<string, unknown> {
  const out: Record<string, unknown> = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  const str = (name: string) => {
    const v = body[name];
    return typeof v === 'string' ? v : Array.isArray(v) && typeof v[v.length - 1] === 'string' ? (v[v.length - 1] as string) : '';
  };
  const set = (path: string, value: unknown) => {
    const parts = path.split('.');
    let target = out;
    for (const p of parts.slice(0, -1)) target = (target[p] ??= {}) as Record<string, unknown>;
    target[parts[parts.length - 1]!] = value;
  };
  for (const { name, kind } of formFieldNames()) {
    if (kind === 'namespaces') {
      const raw = body[name];
      const list = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).filter((v): v is string => typeof v === 'string' && /^\d{1,4}$/.test(v));
      set(name, list.map(Number));
    } else if (kind === 'lines') {
      set(name, str(name).split(/\r?\n/).map((l) => l.trim()).filter(Boolean));
    } else if (kind === 'number') {
      const v = str(name).trim();
      set(name, /^-?\d+$/.test(v) ? Number(v) : v);
    } else if (kind === 'checkbox') {
      set(name, str(name) === '1');
    } else if (kind === 'resources') {
      const rows: Record<string, string>[] = [];
      for (let i = 0; i < MAX_RESOURCE_ROWS; i++) {
        const row = { name: str(`${name}.${i}.name`).trim(), url: str(`${name}.${i}.url`).trim(), phone: str(`${name}.${i}.phone`).trim(), language: str(`${name}.${i}.language`).trim() };
        if (row.name || row.url || row.phone || row.language) rows.push(row);
      }
      set(name, rows);
    } else if (kind === 'templates') {
      const rows: Record<string, string>[] = [];
      for (let i = 0; i < MAX_RESOURCE_ROWS; i++) {
        // The text is kept as written (line breaks are the reply's), only its ends trimmed.
        const row = { template: str(`${name}.${i}.template`).trim(), language: str(`${name}.${i}.language`).trim(), category: str(`${name}.${i}.category`).trim(), text: str(`${name}.${i}.text`).replace(/\r\n?/g, '\n').trim() };
        if (row.language || row.text) rows.push(row);
      }
      set(name, rows);
    } else {
      set(name, str(name).trim());
    }
  }
  return out;
}
