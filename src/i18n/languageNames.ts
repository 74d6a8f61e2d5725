/** Names languages in a reader's language ("sw" is "Swahili" to an English reader); a code Intl does not know stays a code. */
export function languageNamer(lang: string): (code: string) => string {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([lang === 'qqx' ? 'en' : lang, 'en'], { type: 'language', fallback: 'code' });
  } catch {
    names = null;
  }
  return (code) => {
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  };
}
