/** The community configuration page's revisions as the tests of its editor and its CLI read them. */
import type { RevisionRecord } from '../../src/wiki/PageRepository.js';
import type { TestWiki } from './testWiki.js';

/** The configuration page's revisions, newest first, with their texts (the history rows carry none). */
export async function configRevisions(wiki: TestWiki): Promise<RevisionRecord[]> {
  const out: RevisionRecord[] = [];
  for (const r of await wiki.container.communityConfigEditor.history(500)) out.push((await wiki.container.pages.revision(r.id))!);
  return out;
}

/** The stored state: the latest revision's id and text, and how many there are. */
export async function storedConfig(wiki: TestWiki): Promise<{ revId: number; content: string | null; count: number }> {
  const all = await configRevisions(wiki);
  return { revId: all[0]!.id, content: all[0]!.content, count: all.length };
}
