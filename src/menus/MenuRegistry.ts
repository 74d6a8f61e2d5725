/**
 * The items of the overflow menu of each topic and comment, and of the page actions menu, as
 * DiscussionTools' DiscussionToolsAddOverflowMenuItems hook and SkinTemplateNavigation do: features
 * register providers here, and the talk page never needs to know about them.
 */
import type { UserAccount } from '../accounts/UserAccount.js';
import type { PageRecord } from '../wiki/PageRepository.js';
import type { Title } from '../wiki/Title.js';

export interface MenuItem {
  /** Stable id, also the item's CSS class suffix (`menu-item-<id>`). */
  id: string;
  /** Message key of the label. */
  labelKey: string;
  /** Parameters of the label, if any. */
  labelParams?: Record<string, unknown>;
  /** A real link, so the item works without JavaScript. */
  href: string;
  /** Name of an icon in the skin's sprite. */
  icon: string;
  /** Ordering: lower first. */
  weight: number;
  /** Hooks for the enhancing script (e.g. "copy-link"); the link must work without it. */
  behavior?: string;
  /** Message key of a longer description for assistive technology. */
  descriptionKey?: string;
}

/** What the viewer is looking at when the thread item's menu is built. */
export interface ThreadItemMenuContext {
  viewer: UserAccount | null;
  title: Title;
  page: PageRecord;
  /** The revision being shown; links should point at it. */
  revId: number;
  threadId: string;
  kind: 'heading' | 'comment';
  authorName: string;
  /** Whether the revision shown is the page's latest. */
  isLatest: boolean;
}

export interface PageMenuContext {
  viewer: UserAccount | null;
  title: Title;
  page: PageRecord | null;
  /** The revision being shown, or null for a missing page. */
  revId: number | null;
  isLatest: boolean;
}

export type ThreadItemMenuProvider = (ctx: ThreadItemMenuContext) => MenuItem | null;
export type PageMenuProvider = (ctx: PageMenuContext) => MenuItem | null;

export class MenuRegistry {
  private readonly threadItemProviders: ThreadItemMenuProvider[] = [];
  private readonly pageProviders: PageMenuProvider[] = [];

  addThreadItemProvider(provider: ThreadItemMenuProvider): void {
    this.threadItemProviders.push(provider);
  }

  addPageActionProvider(provider: PageMenuProvider): void {
    this.pageProviders.push(provider);
  }

  threadItemMenu(ctx: ThreadItemMenuContext): MenuItem[] {
    return collect(this.threadItemProviders, ctx);
  }

  pageActions(ctx: PageMenuContext): MenuItem[] {
    return collect(this.pageProviders, ctx);
  }
}

function collect<C>(providers: ((ctx: C) => MenuItem | null)[], ctx: C): MenuItem[] {
  const items: MenuItem[] = [];
  for (const p of providers) {
    const item = p(ctx);
    if (item) items.push(item);
  }
  return items.sort((a, b) => a.weight - b.weight);
}
