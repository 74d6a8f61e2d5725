/** Special:Contributions and Special:SpecialPages. */
import type { Services } from '../container.js';
import { chromeServices, presentChrome } from '../http/chromePresenter.js';
import { ctx, param } from '../http/context.js';
import { renderPage } from '../http/render.js';
import { normaliseUserName } from '../accounts/UserAccount.js';
import { timestampParts } from '../i18n/formatDate.js';
import { authorView } from '../talk/talkPagePresenter.js';
import { permanentLink } from './links.js';
import type { SpecialPage } from './SpecialPage.js';
import { parseTitle } from './Title.js';

const PAGE_SIZE = 50;

export const wikiSpecialPageServices = [...chromeServices, 'accounts'] as const;

export function wikiSpecialPages(c: Services<(typeof wikiSpecialPageServices)[number]>, all: () => SpecialPage[]): SpecialPage[] {
  const contributions: SpecialPage = {
    name: 'Contributions',
    titleKey: 'contributions-title',
    listed: true,
    async get(req, res, subpage) {
      const { t, lang } = ctx(res);
      const target = normaliseUserName(subpage ?? param(req.query, 'target') ?? '');
      const offset = param(req.query, 'offset');
      const before = offset && /^\d{1,15}$/.test(offset) ? Number(offset) : Number.MAX_SAFE_INTEGER;
      const rows = target ? await c.pages.contributions(target, before, PAGE_SIZE + 1) : [];
      // An IP address "exists" when it has edits; an account when it is registered.
      const exists = target !== '' && (await c.accounts.findByName(target) !== null || (authorView(target).isIp && rows.length > 0));
      const edits = rows.slice(0, PAGE_SIZE).map((r) => {
        const title = parseTitle(`${c.namespaces.nameOf(r.namespace)}:${r.title}`, c.namespaces);
        return {
          id: r.id,
          ...timestampParts(r.createdAt, lang),
          href: title.ok ? permanentLink(title.value, r.id) : '#',
          pageTitle: title.ok ? title.value.prefixedText : r.title,
          pageHref: title.ok ? title.value.path : '#',
          summary: r.summary,
          size: r.size,
        };
      });
      const titleParsed = parseTitle('Special:Contributions', c.namespaces);
      return renderPage(res, {
        view: 'wiki/contributions',
        status: target && !exists ? 404 : 200,
        model: {
          target,
          author: target ? authorView(target) : null,
          exists,
          edits,
          olderHref: rows.length > PAGE_SIZE ? `/wiki/Special:Contributions/${encodeURIComponent(target.replace(/ /g, '_'))}?offset=${edits[edits.length - 1]!.id}` : null,
        },
        chrome: await presentChrome(c, res, {
          title: titleParsed.ok ? titleParsed.value : null,
          heading: target ? t('contributions-title-for', { user: target }) : t('contributions-title'),
          action: 'special',
        }),
      });
    },
  };

  const specialPages: SpecialPage = {
    name: 'SpecialPages',
    titleKey: 'specialpages-title',
    listed: false,
    async get(_req, res) {
      const { t } = ctx(res);
      const pages = all()
        .filter((p) => (typeof p.listed === 'function' ? p.listed(res) : p.listed))
        .map((p) => ({ href: `/wiki/Special:${p.name}`, label: t(p.titleKey) }))
        .sort((a, b) => a.label.localeCompare(b.label));
      const titleParsed = parseTitle('Special:SpecialPages', c.namespaces);
      return renderPage(res, {
        view: 'wiki/specialpages',
        model: { pages },
        chrome: await presentChrome(c, res, { title: titleParsed.ok ? titleParsed.value : null, heading: t('specialpages-title'), action: 'special' }),
      });
    },
  };

  return [contributions, specialPages];
}
