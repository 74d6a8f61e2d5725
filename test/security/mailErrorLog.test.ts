// A mail server that refuses a reporter's receipt in its own words, naming them and their address: the log and the
// outbox keep the SMTP code and the kind of recipient, never the words (#16).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { SmtpSink } from '../support/smtpSink.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let smtp: SmtpSink;
let wiki: TestWiki;
let reportId: string;

beforeAll(async () => {
  smtp = await new SmtpSink({ rejectingRecipients: true, refusal: (address) => `4.2.2 Sorry Aoife O'Brien, the mailbox ${address} is over quota` }).start();
  wiki = await startTestWiki({ delivery: true, env: { SMTP_URL: smtp.url } });
  wiki.container.db.prepare("UPDATE users SET email = ? WHERE user_name = 'Alice'").run("aoife.o'brien@example.org");
  const alice = new HttpClient(wiki.url);
  await alice.login('Alice');
  const target = await findComment(alice, 'Talk:African_wild_dog', 'Keep reverting me');
  const r = await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', ...target, details: 'x' });
  reportId = r.json<{ reportId: string }>().reportId;
  const end = Date.now() + 20_000;
  const refused = () => (wiki.container.db.prepare('SELECT count(*) FROM outbox WHERE report_id = ? AND last_error IS NOT NULL').pluck().get(reportId) as number) === 2;
  while (!refused() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
});
afterAll(async () => {
  await wiki.close();
  await smtp.stop();
});

describe('a refusal that names the reporter', () => {
  it('when the receipt and the staff mail are refused, then the log says the SMTP code and the recipient kind for each, and nothing of what the server wrote', () => {
    const lines = wiki.logger.lines.filter((l) => l.message === 'mail not sent; will retry');
    expect(lines.map((l) => [l.fields?.kind, l.fields?.error]).sort()).toEqual([
      ['receipt', 'SMTP 452 4.2.2 on RCPT TO (EENVELOPE)'],
      ['trust-and-safety', 'SMTP 452 4.2.2 on RCPT TO (EENVELOPE)'],
    ]);
    for (const line of wiki.logger.lines.map((l) => JSON.stringify(l))) {
      expect(line).not.toMatch(/brien|aoife|over quota|@/i);
    }
  });

  it('when the refusal is kept for a retry, then the outbox holds the codes only', () => {
    const errors = wiki.container.db.prepare('SELECT last_error FROM outbox WHERE report_id = ?').pluck().all(reportId);
    expect(errors).toEqual(['SMTP 452 4.2.2 on RCPT TO (EENVELOPE)', 'SMTP 452 4.2.2 on RCPT TO (EENVELOPE)']);
  });
});
