// Unit tests of the personal data scanner (src/classifiers/findPersonalData.ts): numbers written out in a comment.
import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../../src/classifiers/findPersonalData.js';
import { named } from '../../support/named.js';

describe('findPersonalData', () => {
  it.each(named([
    { name: 'a Brazilian mobile number', text: 'liga pra ela: (11) 98765-4321', kind: 'phone-number' },
    { name: 'an international number', text: 'his number is +44 20 7946 0958', kind: 'phone-number' },
    { name: 'a Korean mobile number', text: '전화번호 010-1234-5678', kind: 'phone-number' },
    { name: 'an Indonesian mobile number', text: 'WA 0812-3456-7890', kind: 'phone-number' },
    { name: 'fullwidth digits', text: '０１０-１２３４-５６７８', kind: 'phone-number' },
    { name: 'a CPF', text: 'CPF 123.456.789-09', kind: 'identity-number' },
    { name: 'a US social security number', text: 'SSN 123-45-6789', kind: 'identity-number' },
    { name: 'a Korean resident registration number', text: '900101-1234567', kind: 'identity-number' },
    { name: 'an Indonesian NIK', text: 'NIK 3174012345678901', kind: 'identity-number' },
  ] as const))('when a comment has %s, then it is found', (_, { text, kind }) => {
    expect(findPersonalData(text).map((p) => p.kind)).toContain(kind);
  });

  it.each(named([
    { name: 'years', text: 'between 1998 2001 2005 and 2010' },
    { name: 'a date', text: '2024-05-01' },
    { name: 'a signature timestamp', text: '12:34, 5 May 2024 (UTC)' },
    { name: 'an ISBN', text: 'ISBN 978-3-16-148410-0' },
    { name: 'a revision id', text: 'see oldid=1234567890' },
    { name: 'a short number', text: 'room 12345' },
  ]))('when a comment has %s, then no personal data is found', (_, { text }) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it('when a number is found, then all but its last two digits are hidden', () => {
    expect(findPersonalData('+55 11 98765-4321')).toEqual([{ kind: 'phone-number', masked: '+•• •• •••••-••21' }]);
  });
});
