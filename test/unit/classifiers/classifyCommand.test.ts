// Unit tests of the classify command's function (src/classifiers/classifyCommand.ts): JSON lines in, one verdict a line out.
import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../../src/classifiers/classifyCommand.js';
import { named } from '../../support/named.js';

async function run(lines: string[], asAsync = false): Promise<{ code: number; out: unknown[] }> {
  const written: string[] = [];
  async function* gen() {
    for (const l of lines) yield l;
  }
  const code = await classifyLines(asAsync ? gen() : lines, (l) => written.push(l));
  return { code, out: written.map((l) => JSON.parse(l) as unknown) };
}

describe('classifyLines', () => {
  it('when lines are classified, then there is one verdict a line, in the same order, and the exit code is 0', async () => {
    const { code, out } = await run([
      JSON.stringify({ text: 'I want to kill myself', lang: 'en' }),
      JSON.stringify({ text: 'Nice edit, thanks', lang: 'en' }),
      JSON.stringify({ text: 'Vou te matar', lang: 'pt' }),
    ]);
    expect(code).toBe(0);
    expect(out).toEqual([
      {
        language: 'en',
        readable: true,
        emergency: true,
        physicalHarmType: 'threats-self-harm',
        behaviorType: null,
        signals: expect.arrayContaining([{ rule: 'en/self-kill-myself', match: 'kill myself', language: 'en', category: 'self-harm' }]),
      },
      { language: 'en', readable: true, emergency: false, physicalHarmType: null, behaviorType: null, signals: [] },
      expect.objectContaining({ emergency: true, physicalHarmType: 'threats-physical-harm' }),
    ]);
  });

  it('when the lines come from an async source, then they are classified the same way', async () => {
    const { code, out } = await run([JSON.stringify({ text: 'Ich bring dich um' })], true);
    expect(code).toBe(0);
    expect(out).toEqual([expect.objectContaining({ emergency: true })]);
  });

  it('when lang is left out, then the rules of the text\'s script are tried', async () => {
    const { out } = await run([JSON.stringify({ text: '죽여버릴 거야' }), JSON.stringify({ text: 'Vou te matar', lang: null })]);
    expect(out).toEqual([expect.objectContaining({ emergency: true }), expect.objectContaining({ emergency: true })]);
  });

  it('when lang is a region code, then its language\'s rules are used', async () => {
    const { code, out } = await run([JSON.stringify({ text: 'vou te matar', lang: 'pt-BR' })]);
    expect(code).toBe(0);
    expect(out).toEqual([expect.objectContaining({ emergency: true })]);
  });

  it.each(named([
    { name: 'not JSON', line: 'hello', error: 'not JSON' },
    { name: 'a JSON array', line: '[1,2]', error: 'JSON object' },
    { name: 'a JSON string', line: '"text"', error: 'JSON object' },
    { name: 'JSON null', line: 'null', error: 'JSON object' },
    { name: 'no text', line: '{"lang":"en"}', error: '"text" must be a string' },
    { name: 'a number for text', line: '{"text":42}', error: '"text" must be a string' },
    { name: 'a number for lang', line: '{"text":"hi","lang":7}', error: '"lang" must be a string' },
    { name: 'a language without rules', line: '{"text":"hi","lang":"xx"}', error: 'no rules for lang "xx"' },
    { name: 'an empty line', line: '', error: 'empty line' },
    { name: 'truncated JSON', line: '{"text": "I will', error: 'not JSON' },
  ]))('when a line is %s, then its output line is an error and the next lines are still classified', async (_, { line, error }) => {
    const { code, out } = await run([line, JSON.stringify({ text: 'I will kill you', lang: 'en' })]);
    expect(code).toBe(1);
    expect(out).toHaveLength(2);
    expect((out[0] as { error: string }).error).toContain(error);
    expect(out[1]).toEqual(expect.objectContaining({ emergency: true }));
  });

  it('when a line ends with a carriage return, then it is read as the same line', async () => {
    const { code } = await run([`${JSON.stringify({ text: 'hi' })}\r`]);
    expect(code).toBe(0);
  });

  it('when the text is empty, then it is a valid line with a quiet verdict', async () => {
    const { code, out } = await run(['{"text":""}']);
    expect(code).toBe(0);
    expect(out).toEqual([{ language: 'zxx', readable: true, emergency: false, physicalHarmType: null, behaviorType: null, signals: [] }]);
  });

  it('when there are no lines, then nothing is written and the exit code is 0', async () => {
    expect(await run([])).toEqual({ code: 0, out: [] });
  });
});
