/**
 * A deliberately small wikitext reader: paragraphs, line breaks, == headings ==, * lists and [[wikilinks]].
 * Everything else stays plain text; escaping is left to the views.
 */
import type { Namespaces } from './namespaces.js';
import { parseTitle, type Title } from './Title.js';

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'break' }
  /** `title` is null for a link to a section of the same page ([[#Section]]). */
  | { type: 'link'; title: Title | null; fragment: string; text: string };

export type Block =
  | { type: 'paragraph'; inlines: Inline[] }
  | { type: 'heading'; level: number; inlines: Inline[] }
  | { type: 'list'; items: Inline[][] };

// Bounded: a link target or label never spans a newline or another bracket, so this cannot backtrack badly.
const wikilink = /\[\[([^\[\]|\n]{1,512})(?:\|([^\[\]\n]{0,1024}))?\]\]/g;

/** Text with [[wikilinks]]; an invalid target stays as typed. */
export function parseInline(text: string, namespaces: Namespaces): Inline[] {
  const out: Inline[] = [];
  const pushText = (s: string) => {
    const lines = s.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) out.push({ type: 'break' });
      if (line) {
        const last = out[out.length - 1];
        if (last?.type === 'text') last.text += line;
        else out.push({ type: 'text', text: line });
      }
    });
  };
  let at = 0;
  for (const m of text.matchAll(wikilink)) {
    const target = m[1]!.trim();
    const hash = target.indexOf('#');
    const titlePart = hash >= 0 ? target.slice(0, hash) : target;
    const fragment = hash >= 0 ? target.slice(hash + 1).trim().replace(/ /g, '_') : '';
    const label = m[2]?.trim() || target.replace(/^:/, '');
    let link: Inline | null = null;
    if (titlePart === '' && fragment) {
      link = { type: 'link', title: null, fragment, text: label };
    } else {
      const parsed = parseTitle(titlePart, namespaces);
      if (parsed.ok) link = { type: 'link', title: parsed.value, fragment, text: label };
    }
    if (!link) continue;
    pushText(text.slice(at, m.index));
    out.push(link);
    at = m.index + m[0].length;
  }
  pushText(text.slice(at));
  return out;
}

/** Splits a page's text into blocks. */
export function parseWikitext(text: string, namespaces: Namespaces): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', inlines: parseInline(paragraph.join('\n'), namespaces) });
    if (list.length) blocks.push({ type: 'list', items: list.map((i) => parseInline(i, namespaces)) });
    paragraph = [];
    list = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    // No \s* around the lazy middle: that made the pattern cubic on a line of '==' and many spaces.
    const heading = /^(={2,6})(.+?)\1\s*$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: 'heading', level: heading[1]!.length, inlines: parseInline(heading[2]!.trim(), namespaces) });
    } else if (line.startsWith('*')) {
      if (paragraph.length) flush();
      list.push(line.replace(/^\*+\s*/, ''));
    } else if (line.trim() === '') {
      flush();
    } else {
      if (list.length) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** Every page a piece of parsed text links to, for one existence query. */
export function linkedTitles(inlines: Iterable<Inline>): Title[] {
  const titles: Title[] = [];
  for (const i of inlines) if (i.type === 'link' && i.title) titles.push(i.title);
  return titles;
}
