/**
 * The rendered threads of talk-page revisions, as MediaWiki's parser cache keeps rendered pages: the same
 * for every reader, keyed by page, revision, whether it was the latest, and language; least recently used
 * entries go first once the byte budget is spent.
 */
import type { DeflatedPart } from '../http/deflateParts.js';

/** A revision's threads, kept compressed: a 10,000-comment page is megabytes of HTML and a few hundred KiB deflated. */
export interface RenderedThreads {
  deflated: DeflatedPart;
  topicCount: number;
}

export class ThreadsHtmlCache {
  private readonly entries = new Map<string, RenderedThreads>();
  private bytes = 0;

  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  static key(pageId: number, revId: number, isLatest: boolean, lang: string): string {
    return `${pageId}:${revId}:${isLatest ? 'latest' : 'old'}:${lang}`;
  }

  get(key: string): RenderedThreads | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      // Map keeps insertion order: moving the entry to the end makes it the most recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: RenderedThreads): void {
    const old = this.entries.get(key);
    if (old !== undefined) this.bytes -= old.deflated.data.length;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.deflated.data.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes || this.entries.size <= 1) break;
      this.entries.delete(k);
      this.bytes -= v.deflated.data.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
