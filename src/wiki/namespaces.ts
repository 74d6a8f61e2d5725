/** MediaWiki's namespaces: numbers, canonical names, local names and aliases. */

export interface NamespaceDef {
  id: number;
  /** The canonical (English) name, with spaces; '' for the main namespace. */
  canonical: string;
  /** The local name shown in titles; the Project namespaces take the wiki's name. */
  name: string;
}

const canonicalNames: Record<number, string> = {
  [-2]: 'Media',
  [-1]: 'Special',
  0: '',
  1: 'Talk',
  2: 'User',
  3: 'User talk',
  4: 'Project',
  5: 'Project talk',
  6: 'File',
  7: 'File talk',
  8: 'MediaWiki',
  9: 'MediaWiki talk',
  10: 'Template',
  11: 'Template talk',
  12: 'Help',
  13: 'Help talk',
  14: 'Category',
  15: 'Category talk',
};

export const NS_MEDIA = -2;
export const NS_SPECIAL = -1;
export const NS_MAIN = 0;
export const NS_TALK = 1;
export const NS_USER = 2;
export const NS_USER_TALK = 3;
export const NS_PROJECT = 4;
export const NS_MEDIAWIKI = 8;

/** The namespaces of one wiki; the Project namespace is named after the wiki, as $wgMetaNamespace. */
export class Namespaces {
  readonly all: NamespaceDef[];
  private readonly byLowerName = new Map<string, number>();
  readonly aliases: { alias: string; id: number }[];

  constructor(sitename: string) {
    const meta = sitename.replace(/_/g, ' ').trim();
    this.all = Object.entries(canonicalNames)
      .map(([id, canonical]) => {
        const n = Number(id);
        const name = n === 4 ? meta : n === 5 ? `${meta} talk` : canonical;
        return { id: n, canonical, name };
      })
      .sort((a, b) => a.id - b.id);
    this.aliases = [
      { alias: 'Image', id: 6 },
      { alias: 'Image talk', id: 7 },
    ];
    for (const ns of this.all) {
      if (ns.id === 0) continue;
      this.byLowerName.set(ns.canonical.toLowerCase(), ns.id);
      this.byLowerName.set(ns.name.toLowerCase(), ns.id);
    }
    for (const a of this.aliases) this.byLowerName.set(a.alias.toLowerCase(), a.id);
  }

  /** The namespace number of a prefix ("user talk", "User_talk"), or undefined. */
  idOf(prefix: string): number | undefined {
    return this.byLowerName.get(prefix.replace(/_/g, ' ').trim().toLowerCase());
  }

  nameOf(id: number): string {
    return this.all.find((ns) => ns.id === id)?.name ?? '';
  }

  /** A page's title as people read it: "Talk:African wild dog" from namespace 1 and the key "African_wild_dog". */
  titleText(id: number, dbKey: string): string {
    return [this.nameOf(id), dbKey.replace(/_/g, ' ')].filter(Boolean).join(':');
  }

  exists(id: number): boolean {
    return this.all.some((ns) => ns.id === id);
  }

  isTalk(id: number): boolean {
    return id > 0 && id % 2 === 1;
  }

  talkOf(id: number): number {
    return id < 0 ? id : id % 2 === 1 ? id : id + 1;
  }

  subjectOf(id: number): number {
    return id < 0 ? id : id % 2 === 1 ? id - 1 : id;
  }
}
