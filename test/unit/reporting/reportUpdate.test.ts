// What a repeat of a report adds to the first one: only words its recipients have not read, and a changed "about".
import { describe, expect, it } from 'vitest';
import type { IncidentReport } from '../../../src/reporting/IncidentReport.js';
import { newWords, updateFrom } from '../../../src/reporting/reportUpdate.js';
import { named } from '../../support/named.js';

type Fields = Pick<IncidentReport, 'id' | 'route' | 'details' | 'directReport' | 'about'>;
const first: Fields = { id: 'RI-FIRST', route: 'emergency', details: 'He named my university.', directReport: '', about: 'someone-else' };
const repeat = (over: Partial<Fields>): Fields => ({ ...first, id: 'RI-REPEAT', ...over });

describe('newWords', () => {
  it.each(
    named(
      [
        { name: 'the same text again', text: 'He named my school.', sent: ['He named my school.'], expected: '' },
        { name: 'nothing at all', text: '', sent: ['He named my school.'], expected: '' },
        { name: 'a part of what was sent', text: 'named my', sent: ['He named my school.'], expected: '' },
        { name: 'a word that only begins like one sent', text: 'He named my schoolmate.', sent: ['He named my school.'], expected: 'He named my schoolmate.' },
        { name: 'the same text with other line breaks', text: 'He named\nmy  school.', sent: ['He named my school.'], expected: '' },
        { name: 'the old text with new words after it', text: 'He named my school.\n\nThen my street.', sent: ['He named my school.'], expected: 'Then my street.' },
        { name: 'new words before the old text', text: 'Again today. He named my school.', sent: ['He named my school.'], expected: 'Again today.' },
        { name: 'new words around the old text', text: 'Again today. He named my school. And my street.', sent: ['He named my school.'], expected: 'Again today. And my street.' },
        { name: 'an edited sentence after an old one', text: 'He named my school.\nI am scared now.', sent: ['He named my school.\nI am worried.'], expected: 'I am scared now.' },
        { name: 'only punctuation added', text: 'He named my school. !', sent: ['He named my school.'], expected: '' },
        { name: 'the texts of the report and an earlier update', text: 'He named my school. Then my street. Now my phone number.', sent: ['He named my school.', 'Then my street.'], expected: 'Now my phone number.' },
        { name: 'wholly new text', text: 'Something else happened.', sent: ['He named my school.'], expected: 'Something else happened.' },
        { name: 'text when nothing was sent before', text: 'First words.', sent: [''], expected: 'First words.' },
        { name: 'the same sentence in other letter case', text: 'HE NAMED MY SCHOOL.', sent: ['He named my school.'], expected: '' },
        { name: 'a new sentence whose words run across two sent ones', text: 'He is outside.', sent: ['Today he. Is outside my house.'], expected: 'He is outside.' },
        { name: 'new words in another script', text: 'Он назвал мою школу. Теперь и мою улицу.', sent: ['Он назвал мою школу.'], expected: 'Теперь и мою улицу.' },
      ],
      (r) => `when the repeat says ${r.name}, then the new words are ${JSON.stringify(r.expected)}`,
    ),
  )('%s', (_, { text, sent, expected }) => {
    expect(newWords(text, sent)).toBe(expected);
  });
});

describe('updateFrom', () => {
  it('when the repeat adds words and changes "about", then the update has both and is the first one', () => {
    const update = updateFrom(first, [], repeat({ details: 'He named my university. Now he posted my address.', about: 'self' }), 1000);
    expect(update).toEqual({ reportId: 'RI-FIRST', seq: 1, createdAt: 1000, text: 'Now he posted my address.', about: 'self' });
  });

  it('when the repeat says nothing new and leaves "about" out, then there is no update', () => {
    expect(updateFrom(first, [], repeat({ about: null }), 1000)).toBeNull();
  });

  it('when an earlier update already said the same, then there is no update', () => {
    const earlier = [{ text: 'Now he posted my address.', about: 'self' as const }];
    expect(updateFrom(first, earlier, repeat({ details: 'Now he posted my address.', about: 'self' }), 2000)).toBeNull();
  });

  it('when "about" goes back to what the report said after an update changed it, then that is new', () => {
    const earlier = [{ text: '', about: 'self' as const }];
    expect(updateFrom(first, earlier, repeat({ about: 'someone-else' }), 2000)).toMatchObject({ seq: 2, text: '', about: 'someone-else' });
  });

  it('when a direct report is repeated, then the new words come from the direct report, which its responders read', () => {
    const direct: Fields = { id: 'RI-DIRECT', route: 'direct', details: '', directReport: 'Insults on my talk page.', about: null };
    const update = updateFrom(direct, [], { ...direct, details: 'not mailed', directReport: 'Insults on my talk page. And on the village pump.' }, 5);
    expect(update).toMatchObject({ text: 'And on the village pump.', about: null });
  });
});
