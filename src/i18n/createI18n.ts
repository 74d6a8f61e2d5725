/** i18next over the JSON files in locales/, plus MediaWiki's qqx pseudo-language and messages with links. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { escapeHtml, LinkTarget, SafeHtml } from '../shared/SafeHtml.js';

export type Params = Record<string, unknown>;

/** Translates a key; parameters are plain values, escaped later by EJS. */
export type Translate = (key: string, params?: Params) => string;
/** Translates a key into HTML; parameters are escaped, `[{{url}} text]` becomes a link. */
export type TranslateHtml = (key: string, params?: Params) => SafeHtml;

export interface Messages {
  /** Languages with a message file, source language first. */
  languages: string[];
  translator(lang: string): Translate;
  htmlTranslator(lang: string): TranslateHtml;
  /** Whether this language has a message file (or is qqx). */
  has(lang: string): boolean;
  /** The raw English messages, for the checks in test/i18n. */
  source: Record<string, string>;
}

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'ckb', 'dv', 'sd', 'ug']);
export function directionOf(lang: string): 'rtl' | 'ltr' {
  return RTL.has(lang.split('-')[0]!) ? 'rtl' : 'ltr';
}

function loadMessages(file: string): Record<string, string> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete data['@metadata'];
  return data as Record<string, string>;
}

const qqx = (key: string, params?: Params) => {
  const values = Object.values(params ?? {}).map((v) => String(v));
  return values.length ? `(${key}: ${values.join(', ')})` : `(${key})`;
};

export function createI18n(localesDir: string): Messages {
  const files = readdirSync(localesDir).filter((f) => f.endsWith('.json') && f !== 'qqq.json');
  const resources: Record<string, { translation: Record<string, string> }> = {};
  for (const f of files) resources[f.slice(0, -5)] = { translation: loadMessages(path.join(localesDir, f)) };
  const source = resources.en?.translation ?? {};
  const instance: i18n = i18next.createInstance();
  void instance.init({
    initAsync: false,
    // Files are named pt-br.json, as MediaWiki's language codes are lower case.
    lowerCaseLng: true,
    resources,
    lng: 'en',
    fallbackLng: (code) => (code.includes('-') ? [code.split('-')[0]!, 'en'] : ['en']),
    keySeparator: false,
    nsSeparator: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false },
  });
  const languages = ['en', ...Object.keys(resources).filter((l) => l !== 'en').sort()];
  const fixed = new Map<string, TFunction>();
  const tFor = (lang: string): TFunction => {
    let t = fixed.get(lang);
    if (!t) fixed.set(lang, (t = instance.getFixedT(lang)));
    return t;
  };

  // A message without parameters depends only on its language and key (the resources never change): looked up once.
  const plain = new Map<string, Map<string, string>>();
  const translator = (lang: string): Translate => {
    if (lang === 'qqx') return qqx;
    const t = tFor(lang);
    let memo = plain.get(lang);
    if (!memo) plain.set(lang, (memo = new Map()));
    const known = memo;
    return (key, params) => {
      if (params !== undefined && Object.keys(params).length > 0) return t(key, params) as string;
      let text = known.get(key);
      if (text === undefined) {
        text = t(key, {}) as string;
        // Only keys of the source language are kept, so the memo is bounded by the message files.
        if (Object.hasOwn(source, key)) known.set(key, text);
      }
      return text;
    };
  };

  const htmlTranslator = (lang: string): TranslateHtml => {
    const t = translator(lang);
    return (key, params = {}) => {
      if (lang === 'qqx') {
        // Parameters that are HTML already are shown as HTML, as in every other language.
        const values = Object.values(params).map((v) => (v instanceof SafeHtml ? v.html : escapeHtml(String(v))));
        return new SafeHtml(values.length ? `${escapeHtml(`(${key}: `)}${values.join(', ')})` : escapeHtml(`(${key})`));
      }
      // Translate with placeholders left in, then substitute escaped values ourselves.
      const marked: Params = {};
      for (const k of Object.keys(params)) marked[k] = `\u0000${k}\u0000`;
      if ('count' in params) marked.count = params.count;
      const template = t(key, marked);
      const value = (name: string) => {
        const v = params[name];
        return v instanceof SafeHtml ? v.html : escapeHtml(String(v ?? ''));
      };
      const fill = (s: string) =>
        s.split(/\u0000([^\u0000]+)\u0000/).map((part, i) => (i % 2 === 1 ? value(part) : escapeHtml(part))).join('');
      // [<url param> label]: a link whose address is a parameter, never text from the message itself.
      const html = template
        .split(/\[\u0000([^\u0000]+)\u0000 ([^\]]+)\]/)
        .map((part, i, parts) => {
          if (i % 3 === 1) {
            const target = params[part];
            const ping = target instanceof LinkTarget && target.ping ? ` ping="${escapeHtml(target.ping)}"` : '';
            return `<a href="${escapeHtml(String(target ?? ''))}"${ping}>${fill(parts[i + 1]!)}</a>`;
          }
          if (i % 3 === 2) return '';
          return fill(part);
        })
        .join('');
      return new SafeHtml(html);
    };
  };

  return {
    languages,
    translator,
    htmlTranslator,
    has: (lang) => lang === 'qqx' || lang in resources,
    source,
  };
}
