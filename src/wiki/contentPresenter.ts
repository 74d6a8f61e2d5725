/** Turns parsed wikitext into view models: every link an href, red when its page is missing. */
import type { Block, Inline } from './wikitext.js';
import { NS_SPECIAL } from './namespaces.js';
import type { Title } from './Title.js';

export type InlineView =
  | { type: 'text'; text: string }
  | { type: 'break' }
  | { type: 'link'; href: string; text: string; missing: boolean; title: string };

export type BlockView =
  | { type: 'paragraph'; inlines: InlineView[] }
  | { type: 'heading'; level: number; inlines: InlineView[] }
  | { type: 'list'; items: InlineView[][] };

export type ExistenceCheck = (titles: Title[]) => Promise<Set<string>>;

/** Collects every linked title of some blocks, so one query can tell which exist. */
export function titlesIn(blocks: Block[]): Title[] {
  const out: Title[] = [];
  const visit = (inlines: Inline[]) => {
    for (const i of inlines) if (i.type === 'link' && i.title && i.title.namespace !== NS_SPECIAL) out.push(i.title);
  };
  for (const b of blocks) {
    if (b.type === 'list') b.items.forEach(visit);
    else visit(b.inlines);
  }
  return out;
}

export function presentInlines(inlines: Inline[], existing: Set<string>): InlineView[] {
  return inlines.map((i): InlineView => {
    if (i.type !== 'link') return i;
    const fragment = i.fragment ? `#${encodeURIComponent(i.fragment)}` : '';
    if (!i.title) return { type: 'link', href: fragment, text: i.text, missing: false, title: i.fragment };
    const missing = i.title.namespace !== NS_SPECIAL && !existing.has(`${i.title.namespace}:${i.title.dbKey}`);
    return { type: 'link', href: i.title.path + fragment, text: i.text, missing, title: i.title.prefixedText };
  });
}

export function presentBlocks(blocks: Block[], existing: Set<string>): BlockView[] {
  return blocks.map((b): BlockView =>
    b.type === 'list'
      ? { type: 'list', items: b.items.map((item) => presentInlines(item, existing)) }
      : { ...b, inlines: presentInlines(b.inlines, existing) },
  );
}
