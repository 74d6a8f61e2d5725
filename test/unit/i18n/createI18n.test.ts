// Unit tests of messages (src/i18n/createI18n.ts) over the real locales/ folder.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { named } from '../../support/named.js';
import { projectRoot } from '../../../src/container.js';
import { createI18n, directionOf } from '../../../src/i18n/createI18n.js';
import { SafeHtml } from '../../../src/shared/SafeHtml.js';

const messages = createI18n(path.join(projectRoot, 'locales'));
const t = messages.translator('en');
const tHtml = messages.htmlTranslator('en');

describe('createI18n: languages', () => {
  it('when the locales are loaded, then English comes first and qqq is not a language', () => {
    expect(messages.languages[0]).toBe('en');
    expect(messages.languages).not.toContain('qqq');
  });

  it.each([
    { lang: 'en', has: true },
    { lang: 'qqx', has: true },
    { lang: 'qqq', has: false },
    { lang: 'xx', has: false },
    { lang: '', has: false },
  ])('when asked whether $lang has messages, then the answer is $has', ({ lang, has }) => {
    expect(messages.has(lang)).toBe(has);
  });

  it('when the raw English messages are read, then they hold the keys without @metadata', () => {
    expect(messages.source['login-title']).toBe('Log in');
    expect(messages.source).not.toHaveProperty('@metadata');
  });
});

describe('translator', () => {
  it.each(
    named(
      [
        { name: 'wiki-history-count', count: 1, text: 'This page has 1 revision.' },
        { name: 'wiki-history-count', count: 5, text: 'This page has 5 revisions.' },
        { name: 'wiki-history-count', count: 0, text: 'This page has 0 revisions.' },
        { name: 'wiki-history-bytes', count: 1, text: '1 byte' },
        { name: 'wiki-history-bytes', count: 1234, text: '1234 bytes' },
        { name: 'form-error-summary-title', count: 1, text: 'There is a problem with what you entered' },
        { name: 'form-error-summary-title', count: 3, text: 'There are 3 problems with what you entered' },
      ],
      (r) => `when ${r.name} is shown with count ${r.count}, then the plural form reads "${r.text}"`,
    ),
  )('%s', (_, { name: key, count, text }) => {
    expect(t(key, { count })).toBe(text);
  });

  it.each([
    { key: 'login-title', params: undefined, text: 'Log in' },
    { key: 'skin-html-title', params: { page: 'Talk:Foo', sitename: 'Demo Wiki' }, text: 'Talk:Foo – Demo Wiki' },
    { key: 'skin-link-missing', params: { title: '<b>x</b>' }, text: '<b>x</b> (page does not exist)' },
    { key: 'talk-error-comment-too-long', params: { count: 10001, max: 10000 }, text: 'Your comment is too long: 10001 characters, and the limit is 10000. Shorten it and try again.' },
  ])('when $key is translated, then parameters are filled in unescaped (EJS escapes later)', ({ key, params, text }) => {
    expect(t(key, params)).toBe(text);
  });

  it('when a key does not exist, then the key itself comes back', () => {
    expect(t('no-such-message-key')).toBe('no-such-message-key');
  });

  it.each(['xx', 'sv', 'ja', 'zh-hant'])('when the language "%s" has no messages, then English is used', (lang) => {
    expect(messages.translator(lang)('login-title')).toBe('Log in');
    expect(messages.translator(lang)('wiki-history-count', { count: 2 })).toBe('This page has 2 revisions.');
  });
});

describe('translator: languages with files', () => {
  it.each([
    ['de', 'login-title'],
    ['pt-br', 'login-title'],
    ['ar', 'login-title'],
  ])('when the language "%s" has messages, then they are used, and a missing key falls back to English', (lang, key) => {
    const t = messages.translator(lang);
    expect(t(key)).not.toBe('Log in');
    // The main page's title stays the content language's: no translation has it.
    expect(t('mainpage')).toBe(messages.translator('en')('mainpage'));
  });

  it('when pt-br is asked for, then Brazilian Portuguese is used, and Portuguese is its fallback', () => {
    expect(messages.languages).toEqual(expect.arrayContaining(['pt', 'pt-br']));
    expect(messages.translator('pt-br')('login-title')).toBeTruthy();
  });
});

describe('translator: qqx', () => {
  const qqx = messages.translator('qqx');
  it.each(named([
    { name: 'no parameters', key: 'login-title', params: undefined, text: '(login-title)' },
    { name: 'empty parameters', key: 'login-title', params: {}, text: '(login-title)' },
    { name: 'one parameter', key: 'login-already', params: { name: 'Rowan' }, text: '(login-already: Rowan)' },
    { name: 'two parameters', key: 'skin-html-title', params: { page: 'a', sitename: 'b' }, text: '(skin-html-title: a, b)' },
    { name: 'a count', key: 'wiki-history-count', params: { count: 5 }, text: '(wiki-history-count: 5)' },
    { name: 'an unknown key', key: 'no-such-key', params: undefined, text: '(no-such-key)' },
  ], (r) => `when a message with ${r.name} is shown in qqx, then it reads ${r.text}`))('%s', (_, { key, params, text }) => {
    expect(qqx(key, params)).toBe(text);
  });

  it('when an HTML message is shown in qqx, then the key and escaped parameters are shown', () => {
    expect(messages.htmlTranslator('qqx')('skin-link-missing', { title: '<i>' }).html).toBe('(skin-link-missing: &lt;i&gt;)');
  });
});

describe('htmlTranslator', () => {
  const notice = (params: Record<string, unknown>) =>
    tHtml('wiki-oldrevision-notice', { author: 'Rowan', authorHref: '/wiki/User:Rowan', time: '12:00', date: '4 May 2023', ...params }).html;

  it('when a message is translated to HTML, then a SafeHtml comes back', () => {
    expect(tHtml('login-title')).toBeInstanceOf(SafeHtml);
    expect(String(tHtml('login-title'))).toBe('Log in');
  });

  it('when a parameter holds a script tag, then it is escaped', () => {
    expect(tHtml('skin-link-missing', { title: '<script>alert(1)</script>' }).html).toBe('&lt;script&gt;alert(1)&lt;/script&gt; (page does not exist)');
  });

  it.each(named([
    { name: 'a script tag', value: '<script>x</script>', html: '&lt;script&gt;x&lt;/script&gt;' },
    { name: 'quotes', value: `"'`, html: '&quot;&#39;' },
    { name: 'an ampersand', value: 'a & b', html: 'a &amp; b' },
    { name: 'a number', value: 42, html: '42' },
    { name: 'undefined', value: undefined, html: '' },
    { name: 'SafeHtml', value: new SafeHtml('<b>bold</b>'), html: '<b>bold</b>' },
  ], (r) => `when a parameter is ${r.name}, then it is inserted as ${r.html}`))('%s', (_, { value, html }) => {
    expect(tHtml('login-already', { name: value }).html).toBe(`You are already logged in as ${html}. Log in again to switch accounts.`);
  });

  it('when a message has the [{{url}} label] syntax, then it becomes a link with the escaped address and label', () => {
    expect(notice({})).toBe(
      'This is an old revision of this page, as edited by <a href="/wiki/User:Rowan">Rowan</a> at 12:00, 4 May 2023. It may differ significantly from the current revision.',
    );
  });

  it.each(named([
    { name: 'a label with a script tag', params: { author: '<script>x</script>' }, link: '<a href="/wiki/User:Rowan">&lt;script&gt;x&lt;/script&gt;</a>' },
    { name: 'an address with a quote', params: { authorHref: '/wiki/User:A"onmouseover="x' }, link: '<a href="/wiki/User:A&quot;onmouseover=&quot;x">Rowan</a>' },
    { name: 'a label with brackets', params: { author: 'A [b] c' }, link: '<a href="/wiki/User:Rowan">A [b] c</a>' },
    { name: 'an address with a space and a bracket', params: { authorHref: '/wiki/x y]' }, link: '<a href="/wiki/x y]">Rowan</a>' },
  ]))('when the link has %s, then it is escaped', (_, { params, link }) => {
    expect(notice(params)).toContain(link);
    expect(notice(params)).not.toContain('<script>');
  });

  it('when a parameter after the link holds HTML, then it is escaped too', () => {
    expect(notice({ date: '<img src=x onerror=alert(1)>' })).toContain('at 12:00, &lt;img src=x onerror=alert(1)&gt;.');
  });

  it('when a plural message is translated to HTML, then the count chooses the form and is shown', () => {
    expect(tHtml('wiki-history-count', { count: 1 }).html).toBe('This page has 1 revision.');
    expect(tHtml('wiki-history-count', { count: 7 }).html).toBe('This page has 7 revisions.');
  });

  it('when the message text itself is plain text, then its characters are escaped', () => {
    expect(tHtml('contributions-no-such-user', { user: 'X' }).html).toBe(
      'User account &quot;X&quot; is not registered, and no edits were made from that address.',
    );
  });

  it('when the language has no messages, then English HTML is used', () => {
    expect(messages.htmlTranslator('xx')('skin-link-missing', { title: '<i>' }).html).toBe('&lt;i&gt; (page does not exist)');
  });
});

describe('directionOf', () => {
  it.each([
    { lang: 'en', dir: 'ltr' },
    { lang: 'ar', dir: 'rtl' },
    { lang: 'he', dir: 'rtl' },
    { lang: 'fa-af', dir: 'rtl' },
    { lang: 'ckb', dir: 'rtl' },
    { lang: 'de', dir: 'ltr' },
    { lang: 'qqx', dir: 'ltr' },
  ])('when the language is $lang, then the direction is $dir', ({ lang, dir }) => {
    expect(directionOf(lang)).toBe(dir);
  });
});
