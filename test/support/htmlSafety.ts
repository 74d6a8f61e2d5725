/**
 * Static checks that HTML carries no injected script, for the security tests: a small tokenizer that reads
 * start tags and their attributes as a browser does (quotes respected; the text of <script>, <style>,
 * <textarea> and <title> skipped up to their end tag, so a `</textarea>` breakout shows), and the problems
 * it finds: script elements that are not the wiki's own, event-handler attributes, javascript:/vbscript:/
 * data:text/html URLs, and embedding elements (iframe, object, embed, svg, math, base) where none belong.
 */

export interface Tag {
  name: string;
  attrs: { name: string; value: string | null }[];
  /** Where the tag starts in the HTML. */
  index: number;
  raw: string;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/** Start tags, in document order, with their attributes (values decoded of character references). */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const next = html[lt + 1] ?? '';
    if (next === '/' || next === '!' || next === '?') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (!/[a-zA-Z]/.test(next)) {
      i = lt + 1;
      continue;
    }
    // Tag name.
    let j = lt + 1;
    while (j < n && !/[\s/>]/.test(html[j]!)) j++;
    const name = html.slice(lt + 1, j).toLowerCase();
    const attrs: Tag['attrs'] = [];
    // Attributes, as the HTML tokenizer reads them.
    for (;;) {
      while (j < n && /[\s/]/.test(html[j]!)) j++;
      if (j >= n || html[j] === '>') break;
      const nameStart = j;
      j++; // the first character of a name may be anything but white space, '/' or '>' (even '=').
      while (j < n && !/[\s/>=]/.test(html[j]!)) j++;
      const attrName = html.slice(nameStart, j).toLowerCase();
      let k = j;
      while (k < n && /\s/.test(html[k]!)) k++;
      let value: string | null = null;
      if (html[k] === '=') {
        k++;
        while (k < n && /\s/.test(html[k]!)) k++;
        const q = html[k];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, k + 1);
          value = html.slice(k + 1, end < 0 ? n : end);
          j = end < 0 ? n : end + 1;
        } else {
          const start = k;
          while (k < n && !/[\s>]/.test(html[k]!)) k++;
          value = html.slice(start, k);
          j = k;
        }
      }
      attrs.push({ name: attrName, value: value === null ? null : decodeEntities(value) });
    }
    const end = j;
    tags.push({ name, attrs, index: lt, raw: html.slice(lt, Math.min(end + 1, n)) });
    i = end + 1;
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      i = close < 0 ? n : close;
    }
  }
  return tags;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
  lpar: '(',
  rpar: ')',
  sol: '/',
  num: '#',
  equals: '=',
  grave: '`',
  nbsp: '\u00a0',
};

/** Decodes numeric character references and the named ones that matter for URLs (HTML5 has &colon; and &Tab;). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc', 'codebase', 'cite', 'manifest']);

/** What a browser sees as a URL's scheme: leading and embedded white space and controls are ignored. */
function dangerousUrl(value: string): boolean {
  const squeezed = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  return /^(javascript|vbscript|livescript):/.test(squeezed) || /^data:(text\/html|image\/svg|application\/(x-)?javascript|text\/javascript)/.test(squeezed);
}

export interface SafetyOptions {
  /** The wiki's own pages load its scripts from /static/; mail has none at all. */
  ownScripts?: boolean;
  /** The development mailbox frames a message's HTML part, sandboxed, from its own URL. */
  allowMailFrame?: boolean;
}

/** Every sign of injected script in the HTML, as readable lines (empty when it is safe). */
export function injectionProblems(html: string, options: SafetyOptions = {}): string[] {
  const problems: string[] = [];
  const tags = scanTags(html);
  const own = (t: Tag, attr: string) => {
    const v = t.attrs.find((a) => a.name === attr)?.value ?? '';
    return v.startsWith('/static/');
  };
  for (const t of tags) {
    const where = `${t.raw.slice(0, 160)}`;
    for (const a of t.attrs) {
      if (a.name.startsWith('on')) problems.push(`event handler ${a.name}= in ${where}`);
      if (a.value !== null && URL_ATTRIBUTES.has(a.name) && dangerousUrl(a.value)) problems.push(`${a.name} with a script URL in ${where}`);
      if (a.name === 'style' && a.value !== null && /expression\s*\(|javascript:/i.test(a.value)) problems.push(`scripted style in ${where}`);
    }
    if (t.name === 'script' && !(options.ownScripts && own(t, 'src') && t.attrs.length <= 2)) problems.push(`script element ${where}`);
    if (t.name === 'img' && !own(t, 'src')) problems.push(`foreign img ${where}`);
    if (t.name === 'iframe') {
      const src = t.attrs.find((a) => a.name === 'src')?.value ?? '';
      // Fully sandboxed, or keeping its origin only so the page can size it: never scripts, forms, pop-ups or top navigation
      // (the part itself is served with "default-src 'none'" and a CSP sandbox, test/http/devMailbox.test.ts).
      const sandboxed = t.attrs.some((a) => a.name === 'sandbox' && ['', 'allow-same-origin'].includes((a.value ?? '').trim()));
      if (!(options.allowMailFrame && sandboxed && /^\/wiki\/Special:DevMailbox\/\d+\/html$/.test(src))) problems.push(`iframe ${where}`);
    }
    if (['object', 'embed', 'svg', 'math', 'base', 'applet', 'frame', 'frameset', 'link'].includes(t.name)) {
      // The layout links its stylesheet and icon from /static/.
      if (!(t.name === 'link' && own(t, 'href'))) problems.push(`${t.name} element ${where}`);
    }
    if (t.name === 'meta' && t.attrs.some((a) => a.name === 'http-equiv')) problems.push(`meta http-equiv ${where}`);
  }
  // Belt and braces over the raw text: a "<script" anywhere (also inside a <textarea>, where the tokenizer
  // does not look) that is not one of the wiki's own script tags, and a literal href="javascript:.
  const rawScripts = (html.match(/<script/gi) ?? []).length;
  const ownScripts = options.ownScripts ? tags.filter((t) => t.name === 'script' && own(t, 'src')).length : 0;
  if (rawScripts !== ownScripts) problems.push(`${rawScripts - ownScripts} unescaped <script in the text`);
  if (/href\s*=\s*["']?\s*javascript:/i.test(html)) problems.push('a literal href="javascript:');
  return problems;
}
