/** The view model of a talk page at one revision: topics, comments with signatures, menus and reply links. */
import { isIpAddress } from '../accounts/UserAccount.js';
import type { Translate } from '../i18n/createI18n.js';
import { timestampParts } from '../i18n/formatDate.js';
import type { MenuItem, MenuRegistry } from '../menus/MenuRegistry.js';
import type { BlockView, ExistenceCheck } from '../wiki/contentPresenter.js';
import { presentBlocks, titlesIn } from '../wiki/contentPresenter.js';
import { indexPhp } from '../wiki/links.js';
import type { Namespaces } from '../wiki/namespaces.js';
import type { PageRecord } from '../wiki/PageRepository.js';
import { encodeTitleForUrl, type Title } from '../wiki/Title.js';
import type { Block } from '../wiki/wikitext.js';
import { parseWikitext } from '../wiki/wikitext.js';
import type { TalkTopic } from './threads.js';

export interface AuthorView {
  name: string;
  /** User page for accounts, contributions for IP editors. */
  href: string;
  talkHref: string;
  contributionsHref: string;
  isIp: boolean;
}

export interface MenuView {
  /** Accessible name of the menu button. */
  label: string;
  items: MenuItem[];
}

/** A capability's CSS class: items that need it are hidden unless the page's body has `can-<capability>`. */
export const needsClass = (capability: string | undefined) => (capability ? ` needs-${capability}` : '');

export interface CommentView {
  id: string;
  depth: number;
  blocks: BlockView[];
  author: AuthorView;
  time: string;
  date: string;
  iso: string;
  replyHref: string | null;
  menu: MenuView;
}

export interface TopicView {
  id: string;
  heading: string;
  replyHref: string | null;
  menu: MenuView;
  comments: CommentView[];
}

export interface TalkPageInput {
  title: Title;
  page: PageRecord;
  revId: number;
  isLatest: boolean;
  topics: TalkTopic[];
  lang: string;
  /** Carries ?uselang on the wiki's own links (menus, replies) when the reader asked for a language in the URL. */
  link?: (href: string) => string;
  t: Translate;
}

export function authorView(name: string): AuthorView {
  const key = encodeTitleForUrl(name.replace(/ /g, '_'));
  const isIp = isIpAddress(name);
  const contributionsHref = `/wiki/Special:Contributions/${key}`;
  return { name, href: isIp ? contributionsHref : `/wiki/User:${key}`, talkHref: `/wiki/User_talk:${key}`, contributionsHref, isIp };
}

/**
 * The threads of a talk page at one revision, the same for every reader (so they can be cached): Reply
 * links and menu items that need a capability are marked, and the page's body says which the reader has.
 */
export async function presentThreads(input: TalkPageInput, deps: { menus: MenuRegistry; namespaces: Namespaces; existing: ExistenceCheck }): Promise<TopicView[]> {
  const { title, page, revId, isLatest, t, lang } = input;
  const link = input.link ?? ((href: string) => href);
  const menu = (ctx: Parameters<MenuRegistry['threadItemMenu']>[0]) => deps.menus.threadItemMenu(ctx).map((item) => ({ ...item, href: link(item.href) }));
  // Replies go to the latest revision, so they are offered only there.
  const canReply = isLatest;
  const parsed = new Map<number, Block[]>();
  for (const topic of input.topics) for (const c of topic.comments) parsed.set(c.item.id, parseWikitext(c.item.body, deps.namespaces));
  const existing = await deps.existing([...parsed.values()].flatMap(titlesIn));

  const topics = input.topics.map((topic): TopicView => {
    const id = topic.heading.threadId;
    return {
      id,
      heading: topic.heading.body,
      replyHref: canReply ? link(indexPhp(title, { action: 'reply', replyto: id })) : null,
      menu: {
        label: t('talk-menu-label-topic', { heading: topic.heading.body }),
        items: menu({ title, page, revId, threadId: id, kind: 'heading', authorName: topic.heading.authorName, isLatest }),
      },
      comments: topic.comments.map(({ item, depth }): CommentView => {
        const when = timestampParts(item.createdAt, lang);
        return {
          id: item.threadId,
          depth,
          blocks: presentBlocks(parsed.get(item.id)!, existing),
          author: authorView(item.authorName),
          ...when,
          replyHref: canReply ? link(indexPhp(title, { action: 'reply', replyto: item.threadId })) : null,
          menu: {
            label: t('talk-menu-label-comment', { author: item.authorName, time: when.time, date: when.date }),
            items: menu({ title, page, revId, threadId: item.threadId, kind: 'comment', authorName: item.authorName, isLatest }),
          },
        };
      }),
    };
  });
  return topics;
}
