/**
 * The rendered threads of talk-page revisions, as MediaWiki's parser cache keeps rendered pages: the same
 * for every reader, keyed by page, revision, whether it was the latest, and language; least recently used
 * entries go first once the byte budget is spent.
 */
export class ThreadsHtmlCache {
  private readonly entries = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  static key(pageId: number, revId: number, isLatest: boolean, lang: string): string {
    return `${pageId}:${revId}:${isLatest ? 'latest' : 'old'}:${lang}`;
  }

  get(key: string): string | undefined {
    const html = this.entries.get(key);
    if (html !== undefined) {
      // Map keeps insertion order: moving the entry to the end makes it the most recently used.
      this.entries.delete(key);
      this.entries.set(key, html);
    }
    return html;
  }

  set(key: string, html: string): void {
    const old = this.entries.get(key);
    if (old !== undefined) this.bytes -= old.length;
    this.entries.delete(key);
    this.entries.set(key, html);
    this.bytes += html.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes || this.entries.size <= 1) break;
      this.entries.delete(k);
      this.bytes -= v.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
