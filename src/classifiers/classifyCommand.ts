/**
 * The `classify` command: JSON lines in (`{"text": "...", "lang": "pt"}`, lang optional), one verdict per line out, in
 * the same order. A bad line gets `{"error": "..."}` on its line and the command carries on.
 */
import { classifyText } from './classifyText.js';
import { maxClassifiedChars } from './normalise.js';
import { supportedLanguage, supportedLanguages } from './ruleSetsForText.js';

/** Longest input line accepted, in characters; a longer line is answered with an error. */
const maxLineChars = 1_000_000;

function verdictLine(line: string): { out: string; ok: boolean } {
  const error = (message: string) => ({ out: JSON.stringify({ error: message }), ok: false });
  const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (trimmed.trim() === '') return error('empty line: expected a JSON object such as {"text": "..."}');
  if (trimmed.length > maxLineChars) return error(`line longer than ${maxLineChars} characters`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return error('not JSON: expected an object such as {"text": "...", "lang": "pt"}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return error('expected a JSON object with a "text" string');
  const { text, lang } = parsed as { text?: unknown; lang?: unknown };
  if (typeof text !== 'string') return error('"text" must be a string');
  // The classifiers read this much of a text; a longer one would be read in part without saying so.
  if (text.length > maxClassifiedChars) return error(`"text" is longer than ${maxClassifiedChars} characters: split it into several lines`);
  if (lang !== undefined && lang !== null && typeof lang !== 'string') return error('"lang" must be a string such as "pt", or left out');
  if (typeof lang === 'string' && lang.trim() !== '' && !supportedLanguage(lang)) {
    return error(`no rules for lang "${lang}"; supported: ${supportedLanguages.join(', ')}; leave lang out to try every rule set of the text's script`);
  }
  const verdict = classifyText(text, typeof lang === 'string' && lang.trim() !== '' ? lang : null);
  return { out: JSON.stringify(verdict), ok: true };
}

/**
 * Classifies each input line and writes one output line per input line. Returns 0 when every line was classified,
 * 1 when at least one line was bad (it still gets its error line, and the lines after it are classified).
 */
export async function classifyLines(input: AsyncIterable<string> | Iterable<string>, write: (line: string) => void): Promise<number> {
  let status = 0;
  for await (const line of input) {
    let result: { out: string; ok: boolean };
    try {
      result = verdictLine(line);
    } catch (e) {
      // A classifier bug must not end the run: the line says what went wrong and the next lines are still classified.
      result = { out: JSON.stringify({ error: `could not classify this line: ${e instanceof Error ? e.message : String(e)}` }), ok: false };
    }
    if (!result.ok) status = 1;
    write(result.out);
  }
  return status;
}
