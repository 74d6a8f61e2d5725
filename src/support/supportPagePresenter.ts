/** The Get support page of one behaviour type, built from the community configuration. */
import type { CommunityConfig } from '../communityConfig/communityConfigSchema.js';
import { type BehaviorType, behaviorDefinitions, behaviorLabelKey, type HelpMethod, nextStepKey, warningKey } from '../taxonomy/taxonomy.js';
import type { Namespaces } from '../wiki/namespaces.js';
import { NS_SPECIAL } from '../wiki/namespaces.js';
import { interwikiUrl } from '../wiki/interwiki.js';
import { parseTitle } from '../wiki/Title.js';

export interface HelpMethodView {
  method: HelpMethod;
  /** Message key of the sentence; its link goes to `href`. */
  messageKey: string;
  href: string;
  /** Where a click is counted (`<a ping>`): the link itself shows its real destination. */
  ping?: string;
  /** The address shown, for Email. */
  email?: string;
}

export interface SupportPageView {
  behaviorType: BehaviorType;
  labelKey: string;
  warningKey: string | null;
  /** "What to do next", in paragraphs; a configured page becomes a link inside the text. */
  nextStep: Paragraph[];
  helpMethods: HelpMethodView[];
  /** The address direct reports go to, when the form is offered instead of the contact methods. */
  directReportEmail: string | null;
}

/**
 * A configured value is a page title or an https URL; it becomes a link, or null when it is empty or
 * unusable (the page then falls back to the default text rather than showing a broken link).
 */
export function resolvePageOrUrl(value: string, namespaces: Namespaces): string | null {
  const v = value.trim();
  if (!v) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
    try {
      const url = new URL(v);
      return url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  }
  const prefix = /^([a-z][a-z0-9+.-]*):/i.exec(v)?.[1];
  if (prefix && namespaces.idOf(prefix) === undefined) {
    const external = interwikiUrl(v);
    if (external) return external;
  }
  const [titlePart = '', fragment] = v.split('#');
  const title = parseTitle(titlePart, namespaces);
  return title.ok && title.value.namespace > NS_SPECIAL ? title.value.path + (fragment ? `#${encodeURIComponent(fragment.trim().replace(/ /g, '_'))}` : '') : null;
}

const helpMethodKey: Record<HelpMethod, string> = {
  ContactAdmin: 'reportincident-support-helpmethod-contactadmin',
  Email: 'reportincident-support-helpmethod-email',
  ContactCommunity: 'reportincident-support-helpmethod-contactcommunity',
};

export type Segment = { type: 'text'; text: string } | { type: 'link'; href: string; text: string; missing: false; title: string; ping?: string };
export type Paragraph = Segment[];

const LINK = '\u0000';

/** Splits a translated message into paragraphs, with the {{link}} parameter as a link. */
export function paragraphsWithLink(message: string, link: { href: string; text: string; ping?: string } | null): Paragraph[] {
  return message.split(/\n\n+/).map((p) =>
    p.split(LINK).flatMap((text, i): Segment[] => [
      ...(i > 0 && link ? [{ type: 'link' as const, href: link.href, text: link.text, missing: false as const, title: '', ...(link.ping ? { ping: link.ping } : {}) }] : []),
      ...(text ? [{ type: 'text' as const, text }] : []),
    ]),
  );
}

export function presentSupportPage(
  behaviorType: BehaviorType,
  config: CommunityConfig,
  options: {
    namespaces: Namespaces;
    directReporting: boolean;
    t: (key: string, params?: Record<string, unknown>) => string;
    /** The reader's form of a wiki-local href (it keeps ?uselang); hrefs elsewhere are left as they are. */
    link?: (href: string) => string;
    /** Where a click on each link is counted (the funnel's "help link followed"), beside its real destination. */
    ping?: (behaviorType: BehaviorType, link: HelpMethod | 'nextstep') => string;
  },
): SupportPageView {
  const def = behaviorDefinitions[behaviorType];
  const values = config as Record<string, unknown>;
  const methods = (values[`ReportIncident_NonEmergency_${def.configName}_HelpMethod`] ?? {}) as Partial<Record<HelpMethod, string>>;
  const linkValue = def.nextStepLinkKey ? String(values[def.nextStepLinkKey] ?? '') : '';
  const nextHref = linkValue ? resolvePageOrUrl(linkValue, options.namespaces) : null;
  const showWarning = def.warning === true || (def.warning !== undefined && values[def.warning.key] === true);
  const email = (methods.Email ?? '').trim();

  const pingOf = (link: HelpMethod | 'nextstep') => (options.ping ? { ping: options.ping(behaviorType, link) } : {});
  const helpMethods: HelpMethodView[] = [];
  for (const method of def.helpMethods) {
    const value = (methods[method] ?? '').trim();
    if (!value) continue;
    if (method === 'Email') {
      helpMethods.push({ method, messageKey: helpMethodKey.Email, href: `mailto:${value}`, email: value, ...pingOf(method) });
    } else {
      const href = resolvePageOrUrl(value, options.namespaces);
      if (href) helpMethods.push({ method, messageKey: helpMethodKey[method], href: options.link?.(href) ?? href, ...pingOf(method) });
    }
  }
  // With direct reporting, the form replaces the other contact methods, as in the original.
  const direct = options.directReporting && def.directReport && email !== '';
  return {
    behaviorType,
    labelKey: behaviorLabelKey(behaviorType),
    warningKey: showWarning ? warningKey(behaviorType) : null,
    nextStep: paragraphsWithLink(
      options.t(nextStepKey(behaviorType, nextHref !== null), { link: LINK }),
      nextHref && def.nextStepLinkTextKey ? { href: options.link?.(nextHref) ?? nextHref, text: options.t(def.nextStepLinkTextKey), ...pingOf('nextstep') } : null,
    ),
    helpMethods: direct ? [] : helpMethods,
    directReportEmail: direct ? email : null,
  };
}

/** Where one link of a Get support page leads, from the configuration: null when it is not configured. */
export function supportLinkTarget(behaviorType: BehaviorType, link: HelpMethod | 'nextstep', config: CommunityConfig, namespaces: Namespaces): string | null {
  const view = presentSupportPage(behaviorType, config, { namespaces, directReporting: false, t: () => '' });
  if (link === 'nextstep') {
    const def = behaviorDefinitions[behaviorType];
    const value = def.nextStepLinkKey ? String((config as Record<string, unknown>)[def.nextStepLinkKey] ?? '') : '';
    return value ? resolvePageOrUrl(value, namespaces) : null;
  }
  return view.helpMethods.find((m) => m.method === link)?.href ?? null;
}
