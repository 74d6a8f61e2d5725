/** The talk feature's own menu items: "Copy link" on every topic and comment, "Permanent link" in Tools. */
import { permanentLink } from '../wiki/links.js';
import type { MenuRegistry } from '../menus/MenuRegistry.js';

export function registerTalkMenuItems(menus: MenuRegistry): void {
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
}
