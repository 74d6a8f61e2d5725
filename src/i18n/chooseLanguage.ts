/** MediaWiki's order for the interface language: ?uselang, the user's preference, the cookie, Accept-Language, the content language. */

export interface LanguageSources {
  uselang?: string | undefined;
  preference?: string | null | undefined;
  cookie?: string | undefined;
  acceptLanguage?: string | undefined;
  contentLanguage: string;
}

/** Parses Accept-Language into codes, best first ("pt-BR,pt;q=0.9" → ["pt-br", "pt"]). */
export function parseAcceptLanguage(header: string): string[] {
  return header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => /^\s*q=([0-9.]+)\s*$/.exec(r)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((e) => e.tag && e.tag !== '*' && e.q > 0 && /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/.test(e.tag))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((e) => e.tag);
}

/** The supported language a code names, falling back from "pt-br" to "pt"; undefined when none (MediaWiki ignores it). */
export function supportedLanguage(code: string | null | undefined, supported: (lang: string) => boolean): string | undefined {
  if (!code) return undefined;
  const c = code.toLowerCase();
  if (supported(c)) return c;
  const base = c.split('-')[0]!;
  return base !== c && supported(base) ? base : undefined;
}

/** The first supported language from the sources. */
export function chooseLanguage(sources: LanguageSources, supported: (lang: string) => boolean): string {
  const pick = (code: string | null | undefined) => supportedLanguage(code, supported);
  return (
    pick(sources.uselang) ??
    pick(sources.preference) ??
    pick(sources.cookie) ??
    parseAcceptLanguage(sources.acceptLanguage ?? '').map(pick).find((l) => l !== undefined) ??
    pick(sources.contentLanguage) ??
    'en'
  );
}
