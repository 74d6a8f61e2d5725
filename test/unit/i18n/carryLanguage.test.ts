// carryLanguage: which links keep ?uselang and how it is added.
import { describe, expect, it } from 'vitest';
import { carryLanguage } from '../../../src/i18n/carryLanguage.js';

describe('carryLanguage', () => {
  it.each([
    { href: '/wiki/Special:ReportIncident', uselang: 'ar', expected: '/wiki/Special:ReportIncident?uselang=ar' },
    { href: '/wiki/Special:ReportIncident?draft=abc', uselang: 'ko', expected: '/wiki/Special:ReportIncident?draft=abc&uselang=ko' },
    { href: '/wiki/Talk:Dog#c-Alice-20240101000000', uselang: 'ar', expected: '/wiki/Talk:Dog?uselang=ar#c-Alice-20240101000000' },
    { href: '/w/index.php?title=Talk:Dog&oldid=3#h-x', uselang: 'pt-br', expected: '/w/index.php?title=Talk:Dog&oldid=3&uselang=pt-br#h-x' },
    { href: '/wiki/X?uselang=de', uselang: 'ar', expected: '/wiki/X?uselang=de' },
    { href: '/wiki/X?', uselang: 'qqx', expected: '/wiki/X?uselang=qqx' },
    { href: 'https://example.org/help', uselang: 'ar', expected: 'https://example.org/help' },
    { href: '//evil.example/x', uselang: 'ar', expected: '//evil.example/x' },
    { href: 'mailto:ts@example.org', uselang: 'ar', expected: 'mailto:ts@example.org' },
    { href: '#c-Alice-1', uselang: 'ar', expected: '#c-Alice-1' },
    { href: '/wiki/X', uselang: null, expected: '/wiki/X' },
  ])('when $href is carried with uselang=$uselang, then it becomes $expected', ({ href, uselang, expected }) => {
    expect(carryLanguage(href, uselang)).toBe(expected);
  });
});
