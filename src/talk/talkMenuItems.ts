/** The talk feature's own menu items and capability: "Copy link" on every topic and comment, "Permanent link" in Tools, and who may reply. */
import type { PageService } from '../wiki/PageService.js';
import { permanentLink } from '../wiki/links.js';
import type { MenuRegistry } from '../menus/MenuRegistry.js';

/** Readers with this capability see the Reply links of a talk page. */
export const REPLY_CAPABILITY = 'reply';

export function registerTalkMenuItems(menus: MenuRegistry, pages: PageService): void {
  menus.addThreadItemProvider((ctx) => ({
    id: 'copy-link',
    labelKey: 'talk-menu-copy-link',
    href: permanentLink(ctx.title, ctx.revId, ctx.threadId),
    icon: 'link',
    weight: 10,
    behavior: 'copy-link',
  }));
  menus.addPageActionProvider((ctx) =>
    ctx.revId === null
      ? null
      : { id: 'permalink', labelKey: 'skin-tools-permalink', href: permanentLink(ctx.title, ctx.revId), icon: 'link', weight: 10 },
  );
  menus.addCapability(REPLY_CAPABILITY, (ctx) => pages.editDecisionWith(ctx.viewer, ctx.viewerBlocks, ctx.title, ctx.page).allowed);
}
