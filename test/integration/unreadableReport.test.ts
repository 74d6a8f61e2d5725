// A report whose comment is in a language no rules read: the staff mail says the check could not read it, so that
// the absence of signals is not taken for an all-clear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTitle } from '../../src/wiki/Title.js';
import { HttpClient } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { SmtpSink } from '../support/smtpSink.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await new SmtpSink().start();
  wiki = await startTestWiki({ delivery: true, env: { SMTP_URL: sink.url } });
  const c = wiki.container;
  const title = parseTitle('User talk:Testing', c.namespaces);
  if (!title.ok) throw new Error('title');
  // Thai, which no rules read: "See you tomorrow morning at your house, just wait."
  const topic = await c.talk.addTopic(title.value, { user: (await c.accounts.findByName('Brackenfield'))! }, 'พรุ่งนี้', 'เจอกันพรุ่งนี้เช้าที่บ้านของคุณ รอดูเถอะ');
  if (!topic.ok) throw new Error(topic.messageKey);
});

afterAll(async () => {
  await wiki.close();
  await sink.stop();
});

describe('a report about a comment in a language without rules', () => {
  it('when it is mailed to Trust & Safety, then the mail says the check has no rules for what looks like Thai', async () => {
    const alice = new HttpClient(wiki.url);
    await alice.login('Alice');
    const comment = await findComment(alice, 'User_talk:Testing', 'เจอกันพรุ่งนี้');
    const r = await postReport(alice, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', about: 'self', ...comment });
    expect(r.status).toBe(201);
    await sink.waitFor(2);
    const mail = sink.received.find((m) => m.envelopeTo.includes('emergency@localhost'))!;
    expect(mail.parsed.text).toContain('it has no rules for its language (it looks like Thai)');
    expect(mail.parsed.html).toContain('it has no rules for its language (it looks like Thai)');
  });
});
