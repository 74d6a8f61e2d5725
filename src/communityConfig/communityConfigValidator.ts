/**
 * Checks a community configuration before it is saved, with the original validator's rules: page-or-URL
 * fields take an existing local page, an interwiki link or an https URL whose query parameters all have
 * values; email fields follow the HTML5 rule; test users must exist. Each problem names its JSON pointer.
 */
import type { z } from 'zod';
import { isValidEmail } from '../shared/email.js';
import type { Namespaces } from '../wiki/namespaces.js';
import { NS_SPECIAL } from '../wiki/namespaces.js';
import { interwikiTable } from '../wiki/interwiki.js';
import { parseTitle, type Title } from '../wiki/Title.js';
import { reportTypes } from '../taxonomy/taxonomy.js';
import { type CommunityConfig, communityConfigShape, defaultCommunityConfig, replyTemplatePlaceholders, withoutSubHeaders } from './communityConfigSchema.js';
import { checkHttpsUrl, LOOKALIKE_PROBLEMS } from './safeUrl.js';
import { pointerOf } from '../shared/strictJson.js';

export interface ConfigIssue {
  pointer: string;
  messageKey: string;
  params: Record<string, unknown>;
}

/** Interwiki prefixes a link may use, from the wiki's interwiki table. */
export const interwikiPrefixes = [...interwikiTable.keys()];
/** Schemes that are never links here, whatever follows them. */
const refusedSchemes = ['javascript', 'data', 'vbscript', 'blob', 'file', 'mailto'];

/** Keys MediaWiki's Community Configuration adds around the values; accepted and dropped. */
const envelopeKeys = ['$version', '$schema'];

export interface ValidatorDeps {
  namespaces: Namespaces;
  pageExists(title: Title): boolean;
  userExists(name: string): boolean;
}

const pageOrUrlFields = (config: CommunityConfig): [string[], string][] => {
  const out: [string[], string][] = [];
  for (const [key, value] of Object.entries(config)) {
    if (key.endsWith('_DisputeResolutionURL') || key.endsWith('_HideEditURL') || key.endsWith('_SpamContentURL')) out.push([[key], String(value)]);
    if (key.endsWith('_HelpMethod') && value && typeof value === 'object') {
      for (const sub of ['ContactAdmin', 'ContactCommunity'] as const) {
        const v = (value as Record<string, unknown>)[sub];
        if (typeof v === 'string') out.push([[key, sub], v]);
      }
    }
  }
  return out;
};

/** One page-or-URL value: null when valid, else the problem's message key and parameters. */
export function checkPageOrUrl(value: string, deps: ValidatorDeps): { messageKey: string; params: Record<string, unknown> } | null {
  const v = value.trim();
  if (v === '') return null;
  const prefix = /^([a-z][a-z0-9+.-]*):/i.exec(v)?.[1]?.toLowerCase();
  // A URL is something with "scheme://", or a scheme that is never a link; "Mission: Impossible" is a title.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || (prefix !== undefined && refusedSchemes.includes(prefix))) {
    const problem = checkHttpsUrl(v);
    if (problem) return problem;
    for (const [name, val] of new URL(v).searchParams) {
      if (val === '') return { messageKey: 'communityconfig-error-query-parameter', params: { name } };
    }
    return null;
  }
  if (prefix !== undefined && interwikiTable.has(prefix) && deps.namespaces.idOf(prefix) === undefined) return null;
  // A link may point at a section: Page#Section.
  const titlePart = v.split('#')[0]!.trim();
  const title = parseTitle(titlePart, deps.namespaces);
  if (!title.ok) return { messageKey: title.messageKey, params: { title: v } };
  if (title.value.namespace <= NS_SPECIAL) return { messageKey: 'communityconfig-error-invalid-title', params: { title: v } };
  if (!deps.pageExists(title.value)) return { messageKey: 'communityconfig-error-invalid-title', params: { title: v } };
  return null;
}

function schemaIssues(error: z.ZodError): ConfigIssue[] {
  return error.issues.flatMap((issue): ConfigIssue[] => {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ pointer: pointerOf([...path, k]), messageKey: 'communityconfig-error-unknown-key', params: { key: k } }));
    }
    if (issue.code === 'invalid_type') return [{ pointer: pointerOf(path), messageKey: 'communityconfig-error-wrong-type', params: { expected: issue.expected } }];
    if (issue.code === 'too_big') return [{ pointer: pointerOf(path), messageKey: 'communityconfig-error-too-big', params: { max: Number(issue.maximum) } }];
    if (issue.code === 'too_small') return [{ pointer: pointerOf(path), messageKey: 'communityconfig-error-too-small', params: { min: Number(issue.minimum) } }];
    return [{ pointer: pointerOf(path), messageKey: 'communityconfig-error-invalid', params: {} }];
  });
}

/** Strict validation for a save: the schema, then the checks too costly for every read. */
export function validateCommunityConfig(input: unknown, deps: ValidatorDeps): { ok: true; config: CommunityConfig } | { ok: false; issues: ConfigIssue[] } {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, issues: [{ pointer: '', messageKey: 'communityconfig-error-not-object', params: {} }] };
  }
  const data = withoutSubHeaders(input as Record<string, unknown>);
  for (const k of envelopeKeys) delete data[k];
  // Each field on its own, so a type error in one does not hide the value errors of the others.
  const issues: ConfigIssue[] = [];
  const parsedKeys = new Set<string>();
  const candidate = defaultCommunityConfig() as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (!Object.hasOwn(communityConfigShape, key)) issues.push({ pointer: pointerOf([key]), messageKey: 'communityconfig-error-unknown-key', params: { key } });
  }
  for (const [key, schema] of Object.entries(communityConfigShape)) {
    const parsed = schema.safeParse(data[key]);
    if (parsed.success) {
      candidate[key] = parsed.data;
      parsedKeys.add(key);
    } else {
      issues.push(...schemaIssues(parsed.error).map((i) => ({ ...i, pointer: pointerOf([key]) + i.pointer })));
    }
  }
  const config = candidate as CommunityConfig;
  for (const [path, value] of pageOrUrlFields(config)) {
    if (!parsedKeys.has(path[0]!)) continue;
    const problem = checkPageOrUrl(value, deps);
    if (problem) issues.push({ pointer: pointerOf(path), ...problem });
  }
  for (const [key, value] of Object.entries(config)) {
    if (!key.endsWith('_HelpMethod') || !value || typeof value !== 'object') continue;
    const email = (value as Record<string, unknown>).Email;
    if (typeof email === 'string' && email.trim() !== '' && !isValidEmail(email.trim())) {
      issues.push({ pointer: pointerOf([key, 'Email']), messageKey: 'communityconfig-error-invalid-email', params: { value: email } });
    }
  }
  config.ReportIncidentE2ETesterUsers.forEach((name, i) => {
    if (!deps.userExists(name)) issues.push({ pointer: pointerOf(['ReportIncidentE2ETesterUsers', i]), messageKey: 'communityconfig-error-no-such-user', params: { name } });
  });
  config.ReportIncidentEnabledNamespaces.forEach((ns, i) => {
    if (!deps.namespaces.exists(ns)) issues.push({ pointer: pointerOf(['ReportIncidentEnabledNamespaces', i]), messageKey: 'communityconfig-error-no-such-namespace', params: { namespace: ns } });
  });
  config.ReportIncident_CrisisResources.forEach((r, i) => {
    if (r.url.trim() !== '') {
      const problem = checkHttpsUrl(r.url.trim());
      // A crisis line's address is an https one ("findahelpline.com" too): said so, unless it is a look-alike.
      const lookalike = problem && LOOKALIKE_PROBLEMS.includes(problem.messageKey);
      if (problem) issues.push({ pointer: pointerOf(['ReportIncident_CrisisResources', i, 'url']), ...(lookalike ? problem : { messageKey: 'communityconfig-error-use-https', params: { value: r.url } }) });
    }
    if (r.phone.trim() !== '' && !/^[0-9+()\-\s.]{3,30}$/.test(r.phone.trim())) {
      issues.push({ pointer: pointerOf(['ReportIncident_CrisisResources', i, 'phone']), messageKey: 'communityconfig-error-invalid-phone', params: { value: r.phone } });
    }
    if (r.url.trim() === '' && r.phone.trim() === '') {
      issues.push({ pointer: pointerOf(['ReportIncident_CrisisResources', i, 'url']), messageKey: 'communityconfig-error-resource-needs-contact', params: { name: r.name } });
    }
    if (r.language !== '' && !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(r.language)) {
      issues.push({ pointer: pointerOf(['ReportIncident_CrisisResources', i, 'language']), messageKey: 'communityconfig-error-invalid-language', params: { value: r.language } });
    }
  });
  const seenTemplates = new Set<string>();
  config.ReportIncident_ReplyTemplates.forEach((r, i) => {
    if (r.language !== '' && !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(r.language)) {
      issues.push({ pointer: pointerOf(['ReportIncident_ReplyTemplates', i, 'language']), messageKey: 'communityconfig-error-invalid-language', params: { value: r.language } });
    }
    if (r.category !== '' && !(reportTypes as readonly string[]).includes(r.category)) {
      issues.push({ pointer: pointerOf(['ReportIncident_ReplyTemplates', i, 'category']), messageKey: 'communityconfig-error-template-category', params: { value: r.category, allowed: reportTypes.join(', ') } });
    }
    const key = `${r.template}|${r.language}|${r.category}`;
    if (seenTemplates.has(key)) issues.push({ pointer: pointerOf(['ReportIncident_ReplyTemplates', i, 'template']), messageKey: 'communityconfig-error-template-twice', params: { template: r.template, language: r.language || '*' } });
    seenTemplates.add(key);
    const named = [...r.text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]!);
    const unknown = named.filter((n) => !(replyTemplatePlaceholders as readonly string[]).includes(n));
    if (unknown.length > 0) {
      issues.push({ pointer: pointerOf(['ReportIncident_ReplyTemplates', i, 'text']), messageKey: 'communityconfig-error-template-placeholder', params: { name: `{{${unknown[0]}}}`, allowed: replyTemplatePlaceholders.map((p) => `{{${p}}}`).join(', ') } });
    }
    // A reply that promises no date is the boilerplate the guidance warns against: the responder must give one.
    if (!named.includes('date')) issues.push({ pointer: pointerOf(['ReportIncident_ReplyTemplates', i, 'text']), messageKey: 'communityconfig-error-template-needs-date', params: { date: '{{date}}' } });
  });
  return issues.length ? { ok: false, issues } : { ok: true, config };
}
