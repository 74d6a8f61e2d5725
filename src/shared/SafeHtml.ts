/** HTML that is known to be safe: the only kind of value views may print unescaped. */
export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/** A link's target for tHtml's `[{{param}} text]`: where it goes, and where a click is counted (`<a ping>`) without hiding that. */
export class LinkTarget {
  constructor(
    readonly href: string,
    readonly ping: string | null = null,
  ) {}
  toString(): string {
    return this.href;
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A name or title isolated from the text around it, so a Latin title in Arabic (or the reverse) keeps its order. */
export function bdi(text: string): SafeHtml {
  return new SafeHtml(`<bdi>${escapeHtml(text)}</bdi>`);
}
