// The logger writes a repeating warning or error at most ten times a minute and says how many it left out (#17).
import { describe, expect, it } from 'vitest';
import { createLogger, REPEATS_PER_MINUTE } from '../../../src/shared/Logger.js';

describe('createLogger', () => {
  it('when one error repeats a thousand times in a minute, then ten lines are written, and the first line of the next minute counts the rest', () => {
    const lines: string[] = [];
    let t = 0;
    const logger = createLogger('info', (l) => lines.push(l), () => t);
    for (let i = 0; i < 1000; i++) logger.error('the outbox is locked', { i });
    expect(lines).toHaveLength(REPEATS_PER_MINUTE);
    t = 60_000;
    logger.error('the outbox is locked', { i: 1000 });
    expect(lines).toHaveLength(REPEATS_PER_MINUTE + 1);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ message: 'the outbox is locked', i: 1000, repeatedUnlogged: 1000 - REPEATS_PER_MINUTE });
  });

  it('when information lines repeat (mail sent), or different errors come, then each is written', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (l) => lines.push(l), () => 0);
    for (let i = 0; i < 50; i++) logger.info('mail sent', { i });
    for (let i = 0; i < 5; i++) logger.error(`error ${i}`);
    expect(lines).toHaveLength(55);
  });
});
