// Reply templates (#21): the closest wording the community gave (type and language first), filled in; placeholders caught.
import { describe, expect, it } from 'vitest';
import { CaseTemplates } from '../../../src/cases/caseTemplates.js';
import { type CommunityConfig, defaultCommunityConfig, type ReplyTemplate } from '../../../src/communityConfig/communityConfigSchema.js';
import type { Messages } from '../../../src/i18n/createI18n.js';

const placeholders: Record<string, string> = { en: '[date]', de: '[Datum]' };
const messages = {
  languages: ['en', 'de', 'qqx'],
  has: (l: string) => l in placeholders || l === 'qqx',
  translator: (l: string) => (key: string) => (key === 'reportincident-case-template-date' ? (placeholders[l] ?? '(date)') : `${l}:${key}`),
} as unknown as Messages;

function templates(own: Partial<ReplyTemplate>[]) {
  const config: CommunityConfig = { ...defaultCommunityConfig(), ReportIncident_ReplyTemplates: own.map((o) => ({ template: 'acknowledge-emergency', language: '', category: '', text: '', ...o })) };
  return new CaseTemplates(messages, { Sitename: 'Demo Wiki', Server: 'https://wiki.example', LanguageCode: 'en' }, { current: async () => config });
}
const facts = { reportId: 'RI-1', category: 'threats-physical-harm', openedIn: 'trust-and-safety' as const, reporterAtRisk: false, reporterName: 'Alice', reporterLanguage: 'de' };

describe('CaseTemplates', () => {
  it('when nothing is configured, then the wiki\'s own template in the reporter\'s language is offered', async () => {
    expect(await templates([]).acknowledgement(facts)).toEqual({ name: 'acknowledge-emergency', language: 'de', text: 'de:reportincident-case-template-acknowledge-emergency' });
  });

  it('when the community worded replies for several types and languages, then the closest one is chosen and filled in', async () => {
    const own = [
      { language: '', category: '', text: 'any: {{date}}' },
      { language: 'de', category: '', text: 'de any: {{date}}' },
      { language: '', category: 'threats-physical-harm', text: 'physical any language: {{date}}' },
      { language: 'de', category: 'threats-physical-harm', text: 'Hallo {{ name }}, {{id}} bis {{date}} — {{link}} ({{sitename}}) {{unknown}}' },
    ];
    expect((await templates(own).acknowledgement(facts)).text).toBe('Hallo Alice, RI-1 bis [Datum] — https://wiki.example/wiki/Special:MyReports/RI-1 (Demo Wiki) {{unknown}}');
    expect((await templates(own.slice(0, 3)).acknowledgement(facts)).text).toBe('de any: [Datum]');
    expect((await templates(own.slice(0, 2)).acknowledgement(facts)).text).toBe('de any: [Datum]');
    // A wording for every language is in the wiki's own (English here): a German reporter gets the wiki's German.
    expect((await templates(own.slice(0, 1)).acknowledgement(facts)).text).toBe('de:reportincident-case-template-acknowledge-emergency');
    const english = { ...facts, reporterLanguage: 'en' };
    expect((await templates(own.slice(0, 3)).acknowledgement(english)).text).toBe('physical any language: [date]');
    expect((await templates(own.slice(0, 1)).acknowledgement({ ...english, category: 'intimidation' })).text).toBe('any: [date]');
    // A reporter at risk gets the at-risk reply, which none of these words.
    expect((await templates(own).acknowledgement({ ...facts, reporterAtRisk: true })).name).toBe('acknowledge-at-risk');
  });

  it('when a text still holds a date placeholder of any language, then it is named; replaced, nothing is', () => {
    const t = templates([]);
    expect(t.unfilled('We answer by [Datum].')).toBe('[Datum]');
    expect(t.unfilled('We answer by [date].')).toBe('[date]');
    expect(t.unfilled('We answer by Friday.')).toBeNull();
    expect(t.isTemplate('acknowledge-community')).toBe(true);
    expect(t.isTemplate('goodbye')).toBe(false);
  });
});
