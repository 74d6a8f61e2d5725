/**
 * The items of the overflow menu of each topic and comment, and of the page actions menu, as
 * DiscussionTools' DiscussionToolsAddOverflowMenuItems hook and SkinTemplateNavigation do: features
 * register providers here, and the talk page never needs to know about them.
 *
 * Thread items are the same for every reader, so a talk page's threads can be rendered once per revision
 * (as MediaWiki's parser cache does); an item that only some readers may use names a capability, and
 * the registry's capability checks decide per request which readers get it.
 */
import type { Block, UserAccount } from '../accounts/UserAccount.js';
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
  /** Only readers with this capability get the item (see MenuRegistry.capabilitiesOf). */
  capability?: string;
}

/** What a thread item's menu is built from: the same for every reader. */
export interface ThreadItemMenuContext {
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
  /** The viewer's blocks in force, as the request read them. */
  viewerBlocks: readonly Block[];
  title: Title;
  page: PageRecord | null;
  /** The revision being shown, or null for a missing page. */
  revId: number | null;
  isLatest: boolean;
}

export interface CapabilityContext {
  viewer: UserAccount | null;
  /** The viewer's blocks in force, as the request read them. */
  viewerBlocks: readonly Block[];
  title: Title;
  page: PageRecord | null;
}

export type ThreadItemMenuProvider = (ctx: ThreadItemMenuContext) => MenuItem | null;
export type PageMenuProvider = (ctx: PageMenuContext) => MenuItem | null;
export type CapabilityCheck = (ctx: CapabilityContext) => boolean;

export class MenuRegistry {
  private readonly threadItemProviders: ThreadItemMenuProvider[] = [];
  private readonly pageProviders: PageMenuProvider[] = [];
  private readonly capabilities = new Map<string, CapabilityCheck>();

  addThreadItemProvider(provider: ThreadItemMenuProvider): void {
    this.threadItemProviders.push(provider);
  }

  addPageActionProvider(provider: PageMenuProvider): void {
    this.pageProviders.push(provider);
  }

  /** Declares a capability, e.g. "report": which readers get the items that need it. */
  addCapability(name: string, check: CapabilityCheck): void {
    this.capabilities.set(name, check);
  }

  threadItemMenu(ctx: ThreadItemMenuContext): MenuItem[] {
    return collect(this.threadItemProviders, ctx);
  }

  pageActions(ctx: PageMenuContext): MenuItem[] {
    return collect(this.pageProviders, ctx);
  }

  /** The capabilities this reader has on this page, decided per request. */
  capabilitiesOf(ctx: CapabilityContext): string[] {
    return [...this.capabilities].filter(([, check]) => check(ctx)).map(([name]) => name);
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
