// Unit tests of cleaning typed text (src/wiki/textInput.ts): line ends, NFC, control characters, length in code points.
import { describe, expect, it } from 'vitest';
import { named } from '../../support/named.js';
import { cleanText, codePointLength } from '../../../src/wiki/textInput.js';

const field = 'talk-error-comment';

describe('codePointLength', () => {
  it.each(named([
    { name: 'an empty string', s: '', length: 0 },
    { name: 'ASCII', s: 'hello', length: 5 },
    { name: '10 emoji (20 UTF-16 units)', s: '🐕'.repeat(10), length: 10 },
    { name: 'a letter with a combining accent', s: 'e\u0301', length: 2 },
    { name: 'CJK', s: '日本語', length: 3 },
    { name: 'a flag (two regional indicators)', s: '🇫🇷', length: 2 },
    { name: 'a lone surrogate', s: '\ud800', length: 1 },
  ], (r) => `when the text is ${r.name}, then its length is ${r.length} code points`))('%s', (_, { s, length }) => {
    expect(codePointLength(s)).toBe(length);
  });
});

describe('cleanText: accepted text', () => {
  it.each(named([
    { name: 'plain text', raw: 'Hello', expected: 'Hello' },
    { name: 'white space around it', raw: '  Hello \n ', expected: 'Hello' },
    { name: 'CR LF line ends', raw: 'a\r\nb\r\nc', expected: 'a\nb\nc' },
    { name: 'lone CR line ends', raw: 'a\rb', expected: 'a\nb' },
    { name: 'a tab', raw: 'a\tb', expected: 'a\tb' },
    { name: 'a decomposed é (NFD)', raw: 'cafe\u0301', expected: 'caf\u00e9' },
    { name: 'a Hangul syllable in jamo', raw: '\u1100\u1161', expected: '\uac00' },
    { name: 'emoji', raw: '🐕🐕', expected: '🐕🐕' },
    { name: 'a no-break space inside', raw: 'a\u00a0b', expected: 'a\u00a0b' },
  ]))('when the input is %s, then it is accepted as cleaned text', (_, { raw, expected }) => {
    expect(cleanText(raw, field, 100)).toEqual({ ok: true, value: expected });
  });

  it.each(named([
    { name: '10 emoji with a limit of 10', raw: '🐕'.repeat(10), max: 10 },
    { name: '10 decomposed letters that compose to 10 code points', raw: 'e\u0301'.repeat(10), max: 10 },
    { name: 'text whose CR LF counts as one code point each', raw: 'a\r\nb', max: 3 },
    { name: 'text whose surrounding spaces are trimmed first', raw: `   ${'x'.repeat(5)}   `, max: 5 },
  ]))('when the input is %s, then it is within the limit', (_, { raw, max }) => {
    expect(cleanText(raw, field, max).ok).toBe(true);
  });
});

describe('cleanText: rejected text', () => {
  it.each(named([
    { name: 'an empty string', raw: '' as unknown, key: 'talk-error-comment-empty' },
    { name: 'only white space', raw: ' \r\n\t ', key: 'talk-error-comment-empty' },
    { name: 'undefined', raw: undefined, key: 'talk-error-comment-empty' },
    { name: 'a number', raw: 42, key: 'talk-error-comment-empty' },
    { name: 'an array of strings', raw: ['a', 'b'], key: 'talk-error-comment-empty' },
    { name: 'NUL', raw: 'a\u0000b', key: 'talk-error-comment-control-characters' },
    { name: 'a bell', raw: 'a\u0007b', key: 'talk-error-comment-control-characters' },
    { name: 'a vertical tab', raw: 'a\u000bb', key: 'talk-error-comment-control-characters' },
    { name: 'a form feed', raw: 'a\u000cb', key: 'talk-error-comment-control-characters' },
    { name: 'an escape', raw: 'a\u001bb', key: 'talk-error-comment-control-characters' },
    { name: 'DEL', raw: 'a\u007fb', key: 'talk-error-comment-control-characters' },
    { name: 'a C1 control', raw: 'a\u0085b', key: 'talk-error-comment-control-characters' },
    { name: 'U+FFFE', raw: 'a\ufffeb', key: 'talk-error-comment-control-characters' },
    { name: 'U+FFFF', raw: 'a\uffffb', key: 'talk-error-comment-control-characters' },
  ], (r) => `when the input is ${r.name}, then it is rejected with ${r.key}`))('%s', (_, { raw, key }) => {
    const r = cleanText(raw, field, 100);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.messageKey).toBe(key);
  });

  it.each(named([
    { name: '11 emoji with a limit of 10', raw: '🐕'.repeat(11), max: 10, count: 11 },
    { name: '6 letters with a limit of 5', raw: 'abcdef', max: 5, count: 6 },
    { name: '3 lines with CR LF and a limit of 4', raw: 'a\r\nb\r\nc', max: 4, count: 5 },
  ]))('when the input is %s, then it is too long, with max and count as parameters', (_, { raw, max, count }) => {
    expect(cleanText(raw, field, max)).toEqual({ ok: false, messageKey: 'talk-error-comment-too-long', params: { max, count } });
  });

  it('when 10 emoji (20 UTF-16 units) meet a limit of 15, then the limit counts code points and they are accepted', () => {
    expect('🐕'.repeat(10).length).toBe(20);
    expect(cleanText('🐕'.repeat(10), field, 15).ok).toBe(true);
  });
});

describe('cleanText: single-line fields', () => {
  it.each(named([
    { name: 'a newline', raw: 'a\nb' },
    { name: 'a CR LF', raw: 'a\r\nb' },
    { name: 'a lone CR', raw: 'a\rb' },
  ]))('when a single-line input has %s, then it is rejected as control characters', (_, { raw }) => {
    const r = cleanText(raw, 'talk-error-heading', 255, true);
    expect(r.ok ? null : r.messageKey).toBe('talk-error-heading-control-characters');
  });

  it.each(named([
    { name: 'a trailing newline', raw: 'Subject\n', expected: 'Subject' },
    { name: 'a leading CR LF', raw: '\r\nSubject', expected: 'Subject' },
  ]))('when a single-line input has %s, then it is trimmed and accepted', (_, { raw, expected }) => {
    expect(cleanText(raw, 'talk-error-heading', 255, true)).toEqual({ ok: true, value: expected });
  });

  it.each([
    { field: 'talk-error-heading', raw: '', key: 'talk-error-heading-empty' },
    { field: 'talk-error-heading', raw: 'x'.repeat(256), key: 'talk-error-heading-too-long' },
    { field: 'talk-error-heading', raw: 'a\nb', key: 'talk-error-heading-control-characters' },
    { field: 'anything', raw: '', key: 'anything-empty' },
  ])('when field $field gets a bad input, then the key is $key', ({ field: f, raw, key }) => {
    const r = cleanText(raw, f, 255, true);
    expect(r.ok ? null : r.messageKey).toBe(key);
  });
});

describe('cleanText: text that shows nothing or cannot be stored (#16)', () => {
  it.each([
    { name: 'only direction marks', text: '\u200e\u200f\u202a\u202c' },
    { name: 'only zero-width characters', text: '\u200b\u200c\u200d\u2060\ufeff' },
    { name: 'marks and spaces', text: ' \u200f \n \u200b ' },
  ])('when a comment is made of $name, then it is refused as empty', ({ text }) => {
    expect(cleanText(text, 'talk-error-comment', 100)).toMatchObject({ ok: false, messageKey: 'talk-error-comment-empty' });
  });

  it('when a comment holds a lone surrogate, then it is refused with the control-characters message', () => {
    const r = cleanText('half a pair: \ud83d here', 'talk-error-comment', 100);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.messageKey).toBe('talk-error-comment-control-characters');
  });

  it('when a comment holds a whole emoji and a direction mark among words, then it is kept', () => {
    expect(cleanText('ok 😀 \u200f fine', 'talk-error-comment', 100).ok).toBe(true);
  });
});
