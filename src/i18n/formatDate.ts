/** Dates as MediaWiki shows them in signatures and histories, through Intl, in UTC. */

const cache = new Map<string, { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();

function formatters(lang: string) {
  let f = cache.get(lang);
  if (!f) {
    // MediaWiki's English dates are day-month-year ("3 May 2023"), as en-GB formats them.
    const locale = lang === 'qqx' || lang === 'en' ? 'en-GB' : lang;
    f = {
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }),
      date: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    };
    cache.set(lang, f);
  }
  return f;
}

/** The two parts of a timestamp in the reader's language: "14:05" and "3 May 2023". */
export function timestampParts(ms: number, lang: string): { time: string; date: string; iso: string } {
  const f = formatters(lang);
  const d = new Date(ms);
  return { time: f.time.format(d), date: f.date.format(d), iso: d.toISOString() };
}
