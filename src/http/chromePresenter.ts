/** The skin around every page: tabs, the Tools menu, personal tools, titles; built once per request. */
import type { Response } from 'express';
import type { Services } from '../container.js';
import type { MenuItem } from '../menus/MenuRegistry.js';
import { NS_SPECIAL } from '../wiki/namespaces.js';
import type { PageRecord } from '../wiki/PageRepository.js';
import { parseTitle, type Title } from '../wiki/Title.js';
import { handlesCases } from '../cases/casePolicy.js';
import { ctx } from './context.js';
import { indexPhp } from '../wiki/links.js';

export interface Tab {
  id: string;
  labelKey: string;
  href: string;
  selected: boolean;
  /** The page does not exist (MediaWiki shows such tabs in red). */
  missing?: boolean;
  /** This tab is the page being shown (aria-current); a selected tab may only be highlighted, as Read is on a reply form. */
  current?: boolean;
}

export interface PersonalTools {
  name: string;
  userHref: string;
  talkHref: string;
  preferencesHref: string;
  contributionsHref: string;
  /** (#21) The reports this user sent, and what came of them. */
  myReportsHref: string;
  /** (#21) The queue, for those who handle cases. */
  queueHref: string | null;
  logoutHref: string;
  logoutToken: string;
}

export interface Chrome {
  sitename: string;
  htmlTitle: string;
  heading: string;
  namespaceTabs: Tab[];
  viewTabs: Tab[];
  tools: MenuItem[];
  personal: PersonalTools | null;
  loginHref: string;
  mainPageHref: string;
  specialPagesHref: string;
  /** Classes of the page's body: `can-<capability>` for what this reader may do (see MenuRegistry). */
  bodyClasses: string[];
}

export type ChromeAction = 'view' | 'history' | 'reply' | 'new-topic' | 'special' | 'error';

export interface ChromeOptions {
  title: Title | null;
  /** The h1; defaults to the title's text with its namespace. */
  heading?: string;
  page?: PageRecord | null;
  revId?: number | null;
  isLatest?: boolean;
  action?: ChromeAction;
  /** The reader's capabilities on this page, when the page has items that need them. */
  capabilities?: string[];
}

/** Message key of the subject tab per namespace (Vector's "Article", "User page", ...). */
const subjectTabKey: Record<number, string> = {
  0: 'skin-tab-main',
  2: 'skin-tab-user',
  4: 'skin-tab-project',
  6: 'skin-tab-file',
  8: 'skin-tab-mediawiki',
  10: 'skin-tab-template',
  12: 'skin-tab-help',
  14: 'skin-tab-category',
};

/** What the chrome (tabs, personal links, tools) reads. */
export const chromeServices = ['menus', 'namespaces', 'pages', 'sessions', 'settings'] as const;

export async function presentChrome(c: Services<(typeof chromeServices)[number]>, res: Response, options: ChromeOptions): Promise<Chrome> {
  const { user, session, t, link } = ctx(res);
  const title = options.title;
  const action = options.action ?? 'view';
  const sitename = c.settings.Sitename;
  const heading = options.heading ?? title?.prefixedText ?? '';
  const mainPage = parseTitle(t('mainpage'), c.namespaces);
  const mainPageHref = mainPage.ok ? mainPage.value.path : '/wiki/Main_Page';
  const special = (name: string) => `/wiki/Special:${name}`;
  const returnTo = title && !(title.namespace === NS_SPECIAL && /^UserLog(in|out)/i.test(title.text)) ? title.prefixedDbKey : '';

  const namespaceTabs: Tab[] = [];
  const viewTabs: Tab[] = [];
  if (title && title.namespace === NS_SPECIAL) {
    namespaceTabs.push({ id: 'special', labelKey: 'skin-tab-special', href: title.path, selected: true, current: true });
  } else if (title) {
    const subjectNs = c.namespaces.subjectOf(title.namespace);
    const talkNs = c.namespaces.talkOf(title.namespace);
    const subject = parseTitle(`${c.namespaces.nameOf(subjectNs)}:${title.text}`, c.namespaces);
    const talk = parseTitle(`${c.namespaces.nameOf(talkNs)}:${title.text}`, c.namespaces);
    const existing = await c.pages.existing([subject, talk].flatMap((r) => (r.ok ? [r.value] : [])));
    const exists = (r: typeof subject) => r.ok && existing.has(`${r.value.namespace}:${r.value.dbKey}`);
    if (subject.ok) {
      namespaceTabs.push({
        id: 'subject',
        labelKey: subjectTabKey[subjectNs] ?? 'skin-tab-main',
        href: subject.value.path,
        selected: !c.namespaces.isTalk(title.namespace),
        current: !c.namespaces.isTalk(title.namespace) && action === 'view',
        missing: !exists(subject),
      });
    }
    if (talk.ok) {
      namespaceTabs.push({
        id: 'talk',
        labelKey: 'skin-tab-talk',
        href: talk.value.path,
        selected: c.namespaces.isTalk(title.namespace),
        current: c.namespaces.isTalk(title.namespace) && action === 'view',
        missing: !exists(talk),
      });
    }
    viewTabs.push({ id: 'view', labelKey: 'skin-tab-read', href: title.path, selected: action === 'view' || action === 'reply', current: action === 'view' });
    // "Add topic" is the talk page's own button; the tab only marks the new-topic form as the current view.
    if (c.namespaces.isTalk(title.namespace) && user && action === 'new-topic') {
      viewTabs.push({ id: 'addtopic', labelKey: 'skin-tab-add-topic', href: indexPhp(title, { action: 'edit', section: 'new' }), selected: action === 'new-topic', current: action === 'new-topic' });
    }
    viewTabs.push({ id: 'history', labelKey: 'skin-tab-history', href: indexPhp(title, { action: 'history' }), selected: action === 'history', current: action === 'history' });
  }

  const tools = title && title.namespace !== NS_SPECIAL
    ? c.menus.pageActions({ viewer: user, viewerBlocks: ctx(res).blocks, title, page: options.page ?? null, revId: options.revId ?? null, isLatest: options.isLatest ?? true }).map((item) => ({ ...item, href: link(item.href) }))
    : [];

  return {
    sitename,
    htmlTitle: t('skin-html-title', { page: heading, sitename }),
    heading,
    namespaceTabs: namespaceTabs.map((tab) => ({ ...tab, href: link(tab.href) })),
    viewTabs: viewTabs.map((tab) => ({ ...tab, href: link(tab.href) })),
    tools,
    personal: user
      ? {
          name: user.name,
          // The personal links keep ?uselang, as the wiki's other links do.
          userHref: link(`/wiki/User:${encodeURIComponent(user.name.replace(/ /g, '_'))}`),
          talkHref: link(`/wiki/User_talk:${encodeURIComponent(user.name.replace(/ /g, '_'))}`),
          preferencesHref: link(special('Preferences')),
          contributionsHref: link(`${special('Contributions')}/${encodeURIComponent(user.name.replace(/ /g, '_'))}`),
          myReportsHref: link(special('MyReports')),
          // (#21) Those who handle cases reach their queue from every page.
          queueHref: handlesCases(user) ? link(special('IncidentReports')) : null,
          logoutHref: special('UserLogout'),
          logoutToken: c.sessions.token(session, 'csrf'),
        }
      : null,
    loginHref: link(returnTo ? `${special('UserLogin')}?returnto=${encodeURIComponent(returnTo)}` : special('UserLogin')),
    mainPageHref,
    specialPagesHref: special('SpecialPages'),
    bodyClasses: (options.capabilities ?? []).map((cap) => `can-${cap}`),
  };
}
