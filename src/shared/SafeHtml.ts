/** HTML that is known to be safe: the only kind of value views may print unescaped. */
export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A name or title isolated from the text around it, so a Latin title in Arabic (or the reverse) keeps its order. */
export function bdi(text: string): SafeHtml {
  return new SafeHtml(`<bdi>${escapeHtml(text)}</bdi>`);
}
