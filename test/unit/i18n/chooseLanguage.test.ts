// Unit tests of choosing the interface language (src/i18n/chooseLanguage.ts).
import { describe, expect, it } from 'vitest';
import { named } from '../../support/named.js';
import { chooseLanguage, type LanguageSources, parseAcceptLanguage } from '../../../src/i18n/chooseLanguage.js';

const supportedList = ['en', 'de', 'fr', 'pt', 'zh-hant', 'qqx'];
const supported = (lang: string) => supportedList.includes(lang);
const choose = (sources: Partial<LanguageSources>) => chooseLanguage({ contentLanguage: 'en', ...sources }, supported);

describe('parseAcceptLanguage', () => {
  it.each([
    { header: '', codes: [] },
    { header: 'de', codes: ['de'] },
    { header: 'pt-BR,pt;q=0.9,en;q=0.8', codes: ['pt-br', 'pt', 'en'] },
    { header: 'en;q=0.5, fr;q=0.9, de', codes: ['de', 'fr', 'en'] },
    { header: 'fr;q=0.8, de;q=0.8', codes: ['fr', 'de'] },
    { header: 'de;q=0, fr', codes: ['fr'] },
    { header: '*, fr;q=0.1', codes: ['fr'] },
    { header: 'FR-ca , EN', codes: ['fr-ca', 'en'] },
    { header: 'en;level=1;q=0.4, de;q=0.6', codes: ['de', 'en'] },
    { header: 'not a tag!, de', codes: ['de'] },
    { header: 'de;q=abc', codes: ['de'] },
    { header: 'de;q=1.2.3, fr', codes: ['fr'] },
    { header: ',,,de,,', codes: ['de'] },
    { header: 'verylongtag, de', codes: ['de'] },
  ])('when Accept-Language is $header, then the codes are $codes', ({ header, codes }) => {
    expect(parseAcceptLanguage(header)).toEqual(codes);
  });

  it('when Accept-Language lists more than 20 entries, then only the first 20 are read', () => {
    const header = [...Array.from({ length: 20 }, () => 'xx'), 'de'].join(',');
    expect(parseAcceptLanguage(header)).not.toContain('de');
  });
});

describe('chooseLanguage', () => {
  it.each(named<{ name: string; sources: Partial<LanguageSources>; lang: string }>([
    { name: 'uselang beats everything', sources: { uselang: 'de', preference: 'fr', cookie: 'pt', acceptLanguage: 'fr', contentLanguage: 'fr' }, lang: 'de' },
    { name: 'the preference beats the cookie', sources: { preference: 'fr', cookie: 'de', acceptLanguage: 'pt' }, lang: 'fr' },
    { name: 'the cookie beats Accept-Language', sources: { cookie: 'de', acceptLanguage: 'fr' }, lang: 'de' },
    { name: 'Accept-Language beats the content language', sources: { acceptLanguage: 'fr', contentLanguage: 'de' }, lang: 'fr' },
    { name: 'the content language is used last', sources: { contentLanguage: 'de' }, lang: 'de' },
    { name: 'an unsupported uselang is skipped', sources: { uselang: 'xx', preference: 'fr' }, lang: 'fr' },
    { name: 'an empty uselang is skipped', sources: { uselang: '', cookie: 'de' }, lang: 'de' },
    { name: 'a null preference is skipped', sources: { preference: null, cookie: 'de' }, lang: 'de' },
    { name: 'an unsupported cookie is skipped', sources: { cookie: 'xx', acceptLanguage: 'fr' }, lang: 'fr' },
    { name: 'Accept-Language q values decide', sources: { acceptLanguage: 'de;q=0.3, fr;q=0.9' }, lang: 'fr' },
    { name: 'the first supported Accept-Language entry wins', sources: { acceptLanguage: 'xx, yy;q=0.9, de;q=0.5, fr;q=0.4' }, lang: 'de' },
    { name: 'pt-br falls back to pt', sources: { uselang: 'pt-br' }, lang: 'pt' },
    { name: 'pt-BR in Accept-Language falls back to pt', sources: { acceptLanguage: 'pt-BR' }, lang: 'pt' },
    { name: 'upper-case uselang is lower-cased', sources: { uselang: 'DE' }, lang: 'de' },
    { name: 'a supported variant is kept', sources: { uselang: 'zh-hant' }, lang: 'zh-hant' },
    { name: 'an unsupported variant of an unsupported base is skipped', sources: { uselang: 'zh-hans', cookie: 'fr' }, lang: 'fr' },
    { name: 'uselang=qqx is honoured', sources: { uselang: 'qqx', preference: 'de' }, lang: 'qqx' },
    { name: 'nothing supported, not even the content language', sources: { uselang: 'xx', contentLanguage: 'yy' }, lang: 'en' },
  ], (r) => `when ${r.name}, then the language is ${r.lang}`))('%s', (_, { sources, lang }) => {
    expect(choose(sources)).toBe(lang);
  });

  it('when only pt is supported and pt-br is asked for, then pt is chosen', () => {
    expect(chooseLanguage({ uselang: 'pt-br', contentLanguage: 'en' }, (l) => l === 'pt')).toBe('pt');
  });

  it('when pt-br itself is supported, then pt-br is chosen over pt', () => {
    expect(chooseLanguage({ uselang: 'pt-br', contentLanguage: 'en' }, (l) => l === 'pt' || l === 'pt-br')).toBe('pt-br');
  });
});
