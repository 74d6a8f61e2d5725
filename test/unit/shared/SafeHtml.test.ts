// escapeHtml and bdi: the two ways text becomes HTML outside EJS.
import { describe, expect, it } from 'vitest';
import { bdi, escapeHtml } from '../../../src/shared/SafeHtml.js';

describe('escapeHtml', () => {
  it('when text has the five HTML metacharacters, then each is replaced by its entity', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('bdi', () => {
  it('when a user name is isolated, then it is wrapped in <bdi> and escaped', () => {
    expect(bdi('<script>Mallory</script>').html).toBe('<bdi>&lt;script&gt;Mallory&lt;/script&gt;</bdi>');
  });

  it('when a title mixes scripts, then the text is kept as it is inside the isolate', () => {
    expect(bdi('Talk:שלום world').html).toBe('<bdi>Talk:שלום world</bdi>');
  });
});
