// The strict JSON reader of admin edits: the same values as JSON.parse for every valid document, but duplicate
// keys refused, and every problem placed by line, column and JSON pointer; a size limit and a depth limit.
import { describe, expect, it } from 'vitest';
import { type JsonProblem, parseStrictJson, pointerOf } from '../../../src/shared/strictJson.js';
import { named } from '../../support/named.js';

const BIG = 64 * 1024;

/** The problem of a document that must be refused. */
function problemOf(text: string, maxBytes = BIG): JsonProblem {
  const r = parseStrictJson(text, maxBytes);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused, got ${JSON.stringify(r.value)}`);
  return r.problem;
}

/** The value of a document that must be read. */
function valueOf(text: string, maxBytes = BIG): unknown {
  const r = parseStrictJson(text, maxBytes);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to be read, got ${JSON.stringify(r.problem)}`);
  return r.value;
}

describe('parseStrictJson: valid documents give the same values as JSON.parse', () => {
  const documents = [
    { name: 'an empty object', text: '{}' },
    { name: 'an empty array', text: '[]' },
    { name: 'an empty object with spaces inside', text: '{ \n\t\r }' },
    { name: 'a bare string', text: '"hello"' },
    { name: 'a bare number', text: '42' },
    { name: 'true', text: 'true' },
    { name: 'false', text: 'false' },
    { name: 'null', text: 'null' },
    { name: 'white space around the value', text: ' \t\r\n {"a": 1} \n\r\t ' },
    { name: 'CRLF line ends', text: '{\r\n  "a": [1,\r\n 2]\r\n}\r\n' },
    { name: 'nested objects and arrays', text: '{"a":{"b":[1,{"c":[true,false,null]},"x"]},"d":[]}' },
    { name: 'the same key in sibling objects', text: '[{"a":1},{"a":2}]' },
    { name: 'the same key at different depths', text: '{"a":{"a":{"a":1}}}' },
    { name: 'keys that differ only by case', text: '{"Email":"a@b.c","email":"x@y.z"}' },
    { name: 'an empty key', text: '{"":1}' },
    { name: 'the simple escapes', text: '"\\" \\\\ \\/ \\b \\f \\n \\r \\t"' },
    { name: 'a \\u escape in upper and lower case hex', text: '"\\u00e9\\u00C9\\u20AC"' },
    { name: 'a surrogate pair escape', text: '"\\ud83d\\ude00"' },
    { name: 'a lone surrogate escape', text: '"\\udc00"' },
    { name: 'a NUL escape', text: '"a\\u0000b"' },
    { name: 'raw non-ASCII text', text: '{"name":"Besuchen Sie die Hilfeseite – 🙂 日本語"}' },
    { name: 'raw U+2028 and U+2029 in a string', text: '"a\u2028b\u2029c"' },
    { name: 'a DEL character in a string', text: '"a\u007fb"' },
    { name: 'zero', text: '0' },
    { name: 'minus zero', text: '-0' },
    { name: 'a negative integer', text: '-17' },
    { name: 'a fraction', text: '3.25' },
    { name: 'an exponent', text: '1e5' },
    { name: 'an upper case exponent with a sign', text: '1E+5' },
    { name: 'a negative exponent', text: '-2.5e-3' },
    { name: 'a zero with an exponent', text: '0e0' },
    { name: 'a number too big for a double', text: '1e400' },
    { name: 'a number too small for a double', text: '1e-400' },
    { name: 'an integer beyond 2^53', text: '9007199254740993' },
    { name: 'numbers in an array without spaces', text: '[1,-1,0.5,1e2]' },
    { name: 'keys toString and hasOwnProperty', text: '{"toString":2,"hasOwnProperty":3}' },
    { name: 'the demo configuration', text: JSON.stringify({ ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: "Demo Wiki:Administrators' noticeboard", Email: 'admins@localhost', ContactCommunity: 'Demo Wiki:Help desk' }, ReportIncidentEnabledNamespaces: [1, 3] }, null, 2) },
  ];
  it.each(named(documents, (d) => `when the document is ${d.name}, then its value equals JSON.parse's`))('%s', (_, { text }) => {
    const value = valueOf(text);
    expect(value).toStrictEqual(JSON.parse(text));
    expect(JSON.stringify(value)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('when a key is __proto__, then the document is refused and no prototype is changed', () => {
    expect(problemOf('{"__proto__":{"polluted":true}}').messageKey).toBe('communityconfig-error-json-reserved-key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('when an object is read, then it is a plain object whose keys keep the order of the document', () => {
    const value = valueOf('{"b":1,"a":2,"c":{"z":1,"y":2}}') as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['b', 'a', 'c']);
    expect(Object.keys(value.c!)).toEqual(['z', 'y']);
  });

  it('when numbers are read, then they are numbers, with -0 kept negative', () => {
    expect(valueOf('[0, -0, 1.5, 1e400]')).toEqual([0, -0, 1.5, Infinity]);
    expect(Object.is((valueOf('-0') as number), -0)).toBe(true);
  });

  it('when escapes decode to the same key, then the key is a duplicate', () => {
    const p = problemOf('{"a":1,"\\u0061":2}');
    expect(p.messageKey).toBe('communityconfig-error-json-duplicate-key');
    expect(p.params).toEqual({ key: 'a' });
  });

  // BUG (src/communityConfig/strictJson.ts, the literal regex runs on text.slice(i, i + 400)): a number longer
  // than 400 characters is cut at 400 and the rest is reported as "Expected ]". JSON.parse reads it. Fix: match
  // with a sticky regex on the whole text instead of a 400-character window.
  it('when a very long valid number is read, then it gives JSON.parse\'s value', () => {
    const text = '0.' + '0'.repeat(500) + '1';
    expect(valueOf(`[${text}]`)).toEqual(JSON.parse(`[${text}]`));
  });
});

describe('parseStrictJson: duplicate keys', () => {
  it('when a top-level key appears twice, then it is refused with the key, its pointer, and the line and column of the second one', () => {
    const text = '{\n  "ReportIncidentEnabledNamespaces": [1],\n  "ReportIncidentEnabledNamespaces": [3]\n}';
    const p = problemOf(text);
    expect(p).toEqual({ messageKey: 'communityconfig-error-json-duplicate-key', params: { key: 'ReportIncidentEnabledNamespaces' }, pointer: '/ReportIncidentEnabledNamespaces', line: 3, column: 3 });
  });

  it('when a nested key appears twice, then the pointer names its object', () => {
    const text = [
      '{',
      '  "ReportIncident_NonEmergency_Spam_HelpMethod": {',
      '    "ContactAdmin": "Project:Spam",',
      '    "Email": "a@example.org",',
      '    "Email": "b@example.org"',
      '  }',
      '}',
    ].join('\n');
    const p = problemOf(text);
    expect(p.messageKey).toBe('communityconfig-error-json-duplicate-key');
    expect(p.pointer).toBe('/ReportIncident_NonEmergency_Spam_HelpMethod/Email');
    expect(p.line).toBe(5);
    expect(p.column).toBe(5);
  });

  it('when a duplicate key is inside an array item, then the pointer has the index', () => {
    const p = problemOf('{"ReportIncident_CrisisResources":[{"name":"A","url":""},{"name":"B","name":"C"}]}');
    expect(p.pointer).toBe('/ReportIncident_CrisisResources/1/name');
    expect(p.line).toBe(1);
    expect(p.column).toBe('{"ReportIncident_CrisisResources":[{"name":"A","url":""},{"name":"B",'.length + 1);
  });

  it('when a duplicate key has "/" or "~" in it, then the pointer escapes them as RFC 6901 says', () => {
    expect(problemOf('{"a/b~c":1,"a/b~c":2}').pointer).toBe('/a~1b~0c');
  });

  it('when the same key appears twice with the same value, then it is still refused', () => {
    expect(problemOf('{"a":1,"a":1}').messageKey).toBe('communityconfig-error-json-duplicate-key');
  });
});

describe('parseStrictJson: keys every JavaScript object already has (#16)', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('when an object has the key %s, then it is refused with its pointer, line and column', (key) => {
    const p = problemOf(`{\n  "ReportIncident_NonEmergency_Spam_HelpMethod": { "${key}": {} }\n}`);
    expect(p).toEqual({ messageKey: 'communityconfig-error-json-reserved-key', params: { key }, pointer: `/ReportIncident_NonEmergency_Spam_HelpMethod/${key}`, line: 2, column: 52 });
  });
});

describe('parseStrictJson: syntax errors, with line and column', () => {
  const errors = [
    { name: 'an empty document', text: '', messageKey: 'communityconfig-error-json-unexpected-end', line: 1, column: 1 },
    { name: 'only white space', text: '  \n  ', messageKey: 'communityconfig-error-json-unexpected-end', line: 2, column: 3 },
    { name: 'a trailing comma in an object', text: '{\n  "a": 1,\n}', messageKey: 'communityconfig-error-json-trailing-comma', line: 3, column: 1 },
    { name: 'a trailing comma in an array', text: '[1,\n 2,\n]', messageKey: 'communityconfig-error-json-trailing-comma', line: 3, column: 1 },
    { name: 'a missing comma between members', text: '{"a": 1\n "b": 2}', messageKey: 'communityconfig-error-json-missing-comma', line: 2, column: 2 },
    { name: 'a missing colon', text: '{"a" 1}', messageKey: 'communityconfig-error-json-missing-colon', line: 1, column: 6 },
    { name: 'a single-quoted string', text: "{'a': 1}", messageKey: 'communityconfig-error-json-single-quote', line: 1, column: 2 },
    { name: 'an unquoted key', text: '{a: 1}', messageKey: 'communityconfig-error-json-unquoted-name', line: 1, column: 2 },
    { name: 'an unterminated string', text: '{"a": "abc', messageKey: 'communityconfig-error-json-unterminated-string', line: 1, column: 11 },
    { name: 'a raw line break in a string', text: '{"a": "ab\ncd"}', messageKey: 'communityconfig-error-json-control-character', line: 1, column: 10 },
    { name: 'a raw tab in a string', text: '"a\tb"', messageKey: 'communityconfig-error-json-control-character', line: 1, column: 3 },
    { name: 'an unknown escape', text: '"a\\x41"', messageKey: 'communityconfig-error-json-bad-escape', line: 1, column: 3 },
    { name: 'a short \\u escape', text: '"\\u12"', messageKey: 'communityconfig-error-json-bad-escape', line: 1, column: 2 },
    { name: 'a \\u escape with a non-hex digit', text: '"\\u12g4"', messageKey: 'communityconfig-error-json-bad-escape', line: 1, column: 2 },
    { name: 'a backslash at the end', text: '"abc\\', messageKey: 'communityconfig-error-json-bad-escape', line: 1, column: 5 },
    { name: 'a comment', text: '{\n  // a comment\n  "a": 1\n}', messageKey: 'communityconfig-error-json-comment', line: 2, column: 3 },
    { name: 'a leading zero', text: '[01]', messageKey: 'communityconfig-error-json-number', line: 1, column: 3 },
    { name: 'a leading plus', text: '+1', messageKey: 'communityconfig-error-json-number', line: 1, column: 1 },
    { name: 'a bare minus', text: '[-]', messageKey: 'communityconfig-error-json-number', line: 1, column: 2 },
    { name: 'a fraction without digits after the point', text: '1.', messageKey: 'communityconfig-error-json-number', line: 1, column: 2 },
    { name: 'a fraction without digits before the point', text: '.5', messageKey: 'communityconfig-error-json-number', line: 1, column: 1 },
    { name: 'an exponent without digits', text: '[1e]', messageKey: 'communityconfig-error-json-number', line: 1, column: 3 },
    { name: 'a hexadecimal number', text: '[0x1F]', messageKey: 'communityconfig-error-json-number', line: 1, column: 3 },
    { name: 'NaN', text: 'NaN', messageKey: 'communityconfig-error-json-bad-value', line: 1, column: 1 },
    { name: 'Infinity', text: '-Infinity', messageKey: 'communityconfig-error-json-number', line: 1, column: 1 },
    { name: 'True in upper case', text: 'True', messageKey: 'communityconfig-error-json-bad-value', line: 1, column: 1 },
    { name: 'a misspelt literal', text: '[nul]', messageKey: 'communityconfig-error-json-bad-value', line: 1, column: 2 },
    { name: 'a literal followed by letters', text: 'trueish', messageKey: 'communityconfig-error-json-trailing', line: 1, column: 5 },
    { name: 'a second value after the first', text: '{}\n{}', messageKey: 'communityconfig-error-json-trailing', line: 2, column: 1 },
    { name: 'an unclosed object', text: '{"a": 1', messageKey: 'communityconfig-error-json-unclosed', line: 1, column: 8 },
    { name: 'an unclosed array', text: '[1, 2', messageKey: 'communityconfig-error-json-unclosed', line: 1, column: 6 },
    { name: 'a closing bracket of the wrong kind', text: '[1}', messageKey: 'communityconfig-error-json-wrong-bracket', line: 1, column: 3 },
    { name: 'a missing value after a colon', text: '{"a":}', messageKey: 'communityconfig-error-json-missing-value', line: 1, column: 6 },
    { name: 'a byte order mark', text: '\ufeff{}', messageKey: 'communityconfig-error-json-invisible', line: 1, column: 1 },
    { name: 'curly quotation marks from a word processor', text: '{\u201ca\u201d: 1}', messageKey: 'communityconfig-error-json-curly-quote', line: 1, column: 2 },
    { name: 'a curly quotation mark around a value', text: '{"a": \u201cb\u201d}', messageKey: 'communityconfig-error-json-curly-quote', line: 1, column: 7 },
    { name: 'a single-quoted value', text: '{"a": \'b\'}', messageKey: 'communityconfig-error-json-single-quote', line: 1, column: 7 },
    { name: 'an unquoted text value', text: '{"a": hello}', messageKey: 'communityconfig-error-json-bad-value', line: 1, column: 7 },
    { name: 'a comma after the last member on its own line', text: '{\n  "a": 1,\n  "b": 2,\n}\n', messageKey: 'communityconfig-error-json-trailing-comma', line: 4, column: 1 },
    { name: 'an equals sign for a colon', text: '{"a" = 1}', messageKey: 'communityconfig-error-json-missing-colon', line: 1, column: 6 },
    { name: 'a hash comment', text: '{\n  # note\n}', messageKey: 'communityconfig-error-json-comment', line: 2, column: 3 },
    { name: 'a zero-width space between members', text: '{"a": 1,\u200b"b": 2}', messageKey: 'communityconfig-error-json-invisible', line: 1, column: 9 },
    { name: 'a missing comma between objects in a list', text: '[{"a": 1}\n{"a": 2}]', messageKey: 'communityconfig-error-json-missing-comma', line: 2, column: 1 },
    { name: 'a comma with no value after it', text: '{"a": ,}', messageKey: 'communityconfig-error-json-missing-value', line: 1, column: 7 },
    { name: 'a semicolon between members', text: '{"a": 1; "b": 2}', messageKey: 'communityconfig-error-json-unexpected', line: 1, column: 8 },
    { name: 'a non-breaking space as white space', text: '{\u00a0}', messageKey: 'communityconfig-error-json-invisible', line: 1, column: 2 },
  ];
  it.each(named(errors, (e) => `when the document has ${e.name}, then it is refused with ${e.messageKey} at ${e.line}:${e.column}`))('%s', (_, e) => {
    expect(() => JSON.parse(e.text)).toThrow();
    const p = problemOf(e.text);
    expect(p.messageKey).toBe(e.messageKey);
    expect({ line: p.line, column: p.column }).toEqual({ line: e.line, column: e.column });
  });

  it('when a value is missing deep in a document, then the pointer names the place', () => {
    const text = '{\n  "ReportIncident_NonEmergency_Spam_HelpMethod": {\n    "ContactAdmin": ,\n  }\n}';
    const p = problemOf(text);
    expect(p.pointer).toBe('/ReportIncident_NonEmergency_Spam_HelpMethod/ContactAdmin');
    expect(p.line).toBe(3);
    expect(p.column).toBe(21);
  });

  it('when an array item is broken, then the pointer has its index', () => {
    expect(problemOf('{"ReportIncidentEnabledNamespaces":[1,3,x]}').pointer).toBe('/ReportIncidentEnabledNamespaces/2');
  });

  it('when the error is at the top level, then the pointer is empty', () => {
    expect(problemOf('{} x').pointer).toBe('');
  });

  it('when a message names what to write, then its parameters give the name, the bracket or the character', () => {
    expect(problemOf('{"a" 1}').params).toEqual({ key: 'a' });
    expect(problemOf('{"a": 1').params).toEqual({ open: '{', close: '}' });
    expect(problemOf('[1}').params).toEqual({ found: '}', open: '[', close: ']' });
    expect(problemOf('{"a": 1,}').params).toEqual({ found: '}' });
    expect(problemOf('{"a": 1 @}').params).toEqual({ found: '@' });
    expect(problemOf('[\u00a0]').params).toEqual({ code: 'U+00A0' });
  });
});

describe('parseStrictJson: the size limit', () => {
  it('when the document is exactly as large as the limit, then it is read', () => {
    const text = `{"a":"${'x'.repeat(100 - 8)}"}`;
    expect(Buffer.byteLength(text)).toBe(100);
    expect(valueOf(text, 100)).toEqual({ a: 'x'.repeat(92) });
  });

  it('when the document is one byte over, then it is refused as too large, with the limit in KiB', () => {
    const text = `{"a":"${'x'.repeat(BIG)}"}`;
    const p = problemOf(text, BIG);
    expect(p).toEqual({ messageKey: 'communityconfig-error-too-large', params: { max: 64 }, pointer: '', line: 1, column: 1 });
  });

  it('when multi-byte characters make a short text large, then the limit counts UTF-8 bytes, not characters', () => {
    const text = `"${'é'.repeat(60)}"`; // 62 characters, 122 bytes
    expect(text.length).toBeLessThan(100);
    expect(problemOf(text, 100).messageKey).toBe('communityconfig-error-too-large');
  });

  it('when the document is too large and also broken, then the size is what is reported', () => {
    expect(problemOf('{'.repeat(200), 100).messageKey).toBe('communityconfig-error-too-large');
  });
});

describe('parseStrictJson: the depth limit', () => {
  const nested = (levels: number, open = '[', close = ']') => open.repeat(levels) + close.repeat(levels);

  it('when arrays are nested 64 deep, then the document is read', () => {
    expect(valueOf(nested(64))).toEqual(JSON.parse(nested(64)));
  });

  it('when arrays are nested very deeply, then the document is refused as too deep rather than overflowing the stack', () => {
    const p = problemOf(nested(10_000));
    expect(p.messageKey).toBe('communityconfig-error-json-too-deep');
    expect(p.line).toBe(1);
    expect(p.pointer).toMatch(/^(\/0){60,}$/);
  });

  it('when objects are nested too deeply, then the pointer is the path of keys down to the place', () => {
    const text = '{"a":'.repeat(100) + '1' + '}'.repeat(100);
    const p = problemOf(text);
    expect(p.messageKey).toBe('communityconfig-error-json-too-deep');
    expect(p.pointer.startsWith('/a/a/a')).toBe(true);
  });

  it('when a document is under the limit at every place but long, then it is read (depth is not width)', () => {
    const text = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ i, xs: [[i]] })));
    expect(valueOf(text, 1024 * 1024)).toEqual(JSON.parse(text));
  });
});

describe('pointerOf', () => {
  it.each([
    { path: [], pointer: '' },
    { path: ['a'], pointer: '/a' },
    { path: ['a', 0, 'b'], pointer: '/a/0/b' },
    { path: ['a/b'], pointer: '/a~1b' },
    { path: ['m~n'], pointer: '/m~0n' },
    { path: ['~/'], pointer: '/~0~1' },
    { path: [''], pointer: '/' },
  ])('when the path is $path, then the pointer is "$pointer"', ({ path, pointer }) => {
    expect(pointerOf(path)).toBe(pointer);
  });
});
