// Delivery through a real SMTP server on loopback: what each mail says, retries, restarts and hostile text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpClient } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { SmtpSink, downSmtpServer } from '../support/smtpSink.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function wikiWithSink(options: { sink?: SmtpSink; smtpUrl?: string; settings?: Record<string, unknown> } = {}) {
  const sink = options.sink ?? (await new SmtpSink().start());
  const wiki = await startTestWiki({ delivery: true, env: { SMTP_URL: options.smtpUrl ?? sink.url }, settings: options.settings as never });
  cleanups.push(async () => {
    await wiki.close();
    await sink.stop();
  });
  return { wiki, sink };
}

const threat = { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm' };

async function emergencyFromAlice(wiki: TestWiki, extra: Record<string, unknown> = {}) {
  const client = new HttpClient(wiki.url);
  await client.login('Alice');
  const target = await findComment(client, 'Talk:African_wild_dog', 'Keep reverting me');
  const reply = await postReport(client, { ...threat, ...target, details: 'He named my university.\nPlease help.', about: 'self', ...extra });
  return { client, target, reply };
}

/** Polls until the condition holds (bounded), for states that a background worker sets. */
async function eventually(condition: () => boolean, what: string, limitMs = 10_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`still not true: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function outboxRows(wiki: TestWiki) {
  return wiki.container.db.prepare('SELECT kind, state, message_id, attempts, last_error FROM outbox ORDER BY outbox_id').all() as { kind: string; state: string; message_id: string; attempts: number; last_error: string | null }[];
}

describe('the Trust & Safety mail', () => {
  it('when an emergency is reported, then one mail with every section reaches the recipients, and a receipt reaches the reporter', async () => {
    const { wiki, sink } = await wikiWithSink();
    const { reply, target } = await emergencyFromAlice(wiki);
    expect(reply.status).toBe(201);
    const { reportId } = reply.json<{ reportId: string }>();
    await sink.waitFor(2);
    const staff = sink.received.find((m) => m.envelopeTo.includes('emergency@localhost'))!;
    const receipt = sink.received.find((m) => m.envelopeTo.includes('alice@example.org'))!;
    expect(staff.parsed.subject).toBe(`[Demo Wiki] Emergency report: Threats of physical harm on Talk:African wild dog (${reportId})`);
    expect(staff.header('x-reportincident-report-id')).toBe(reportId);
    expect(staff.header('x-reportincident-type')).toBe('threats-physical-harm');
    expect(staff.parsed.replyTo?.[0]?.address).toBe('alice@example.org');
    const rows = outboxRows(wiki);
    expect(staff.parsed.messageId).toBe(rows.find((r) => r.kind === 'trust-and-safety')!.message_id);
    const text = staff.parsed.text!;
    expect(text).toContain('Alice');
    expect(text).toContain('alice@example.org');
    expect(text).toContain('Brackenfield (registered account)');
    expect(text).toContain(`http://127.0.0.1:8080/w/index.php?oldid=${target.revisionId}#${target.threadId}`);
    expect(text).toContain('> Keep reverting me and you will regret it.');
    expect(text).toContain('> He named my university.\n> Please help.');
    expect(staff.parsed.html).toContain('He named my university.');
    expect(staff.parsed.html).not.toMatch(/<img|<script/i);
    // (#21) Staff handle it on its case page; the receipt has no such link.
    expect(text).toContain(`in the wiki: http://127.0.0.1:8080/wiki/Special:IncidentReports/${reportId}.`);
    expect(staff.parsed.html).toContain(`href="http://127.0.0.1:8080/wiki/Special:IncidentReports/${reportId}"`);
    expect(receipt.parsed.text).not.toContain('Special:IncidentReports');
    // The receipt carries the reference but never what the reporter wrote.
    expect(receipt.parsed.text).toContain(reportId);
    expect(receipt.parsed.text).not.toContain('He named my university');
    await eventually(() => outboxRows(wiki).every((r) => r.state === 'sent'), 'every message sent');
  });

  it('when a report\'s mail to staff and its receipt go out together, then the report and its people are read once for both', async () => {
    const { wiki, sink } = await wikiWithSink();
    // Each read is a round trip on PostgreSQL; the two messages of one report share them.
    const reads = vi.spyOn(wiki.container.reports, 'find');
    const { reply } = await emergencyFromAlice(wiki);
    expect(reply.status).toBe(201);
    await sink.waitFor(2);
    expect(reads.mock.calls).toEqual([[reply.json<{ reportId: string }>().reportId]]);
    // A later message reads afresh (here the repeat's update to Trust & Safety): nothing is kept once read.
    const again = await emergencyFromAlice(wiki, { details: 'He wrote to me again tonight.' });
    expect(again.reply.json<{ reportId: string }>().reportId).toBe(reply.json<{ reportId: string }>().reportId);
    await sink.waitFor(3);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('when the same user is reported again within a week, then the mail lists the earlier report by id and type only', async () => {
    const { wiki, sink } = await wikiWithSink();
    const first = await emergencyFromAlice(wiki);
    const client = new HttpClient(wiki.url);
    await client.login('Testing');
    const target = await findComment(client, 'User_talk:Testing', 'I found your real name');
    const second = await postReport(client, { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-public-harm', ...target });
    expect(second.status).toBe(201);
    await sink.waitFor(4);
    const mail = sink.received.find((m) => m.header('x-reportincident-report-id') === second.json<{ reportId: string }>().reportId && m.envelopeTo.includes('emergency@localhost'))!;
    expect(mail.parsed.text).toContain(`${first.reply.json<{ reportId: string }>().reportId}: Threats of physical harm (same reported user)`);
    expect(mail.parsed.text).not.toContain('He named my university');
  });
});

describe('an update to a report', () => {
  const first = 'He named my university.\nPlease help.';
  const added = 'Now he has posted my home address.';

  it('when the reporter repeats an emergency with new words and a new "about", then only those reach Trust & Safety, in the first mail\'s thread', async () => {
    const { wiki, sink } = await wikiWithSink();
    const { client, target, reply } = await emergencyFromAlice(wiki, { details: first, about: 'someone-else' });
    const { reportId } = reply.json<{ reportId: string }>();
    await sink.waitFor(2);
    const original = sink.received.find((m) => m.envelopeTo.includes('emergency@localhost'))!;

    const again = await postReport(client, { ...threat, ...target, details: `${first}\n${added}`, about: 'self' });

    expect(again.status).toBe(200);
    expect(again.json()).toEqual({ reportId, route: 'emergency', duplicate: true, updated: true });
    await sink.waitFor(3);
    const update = sink.received.find((m) => m.header('in-reply-to'))!;
    // Trust & Safety only: not the reported user, and no second receipt to the reporter.
    expect(update.envelopeTo).toEqual(['emergency@localhost']);
    expect(update.header('in-reply-to')).toBe(original.parsed.messageId);
    expect(update.header('references')).toBe(original.parsed.messageId);
    expect(update.parsed.messageId).toBe(`<${reportId}.trust-and-safety.update-1@127.0.0.1>`);
    expect(update.parsed.subject).toBe(`[Demo Wiki] Update to report ${reportId}: Threats of physical harm`);
    expect(update.header('x-reportincident-report-id')).toBe(reportId);
    expect(update.parsed.replyTo?.[0]?.address).toBe('alice@example.org');
    const text = update.parsed.text!;
    expect(text).toContain(`Update to report ${reportId}`);
    expect(text).toContain(`> ${added}`);
    expect(text).toContain('The reporter now says this is about themselves.');
    expect(text).toMatch(/Added: \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    // Only what is new: not the words Trust & Safety already have, nor the rest of the report.
    for (const old of ['He named my university', 'Please help', 'Keep reverting me', 'Brackenfield']) {
      expect(text).not.toContain(old);
      expect(update.parsed.html).not.toContain(old);
    }
    expect(update.parsed.html).toContain(added);
    await eventually(() => outboxRows(wiki).every((r) => r.state === 'sent'), 'every message sent');

    // The same again adds nothing: no update, no mail.
    const third = await postReport(client, { ...threat, ...target, details: `${first}\n${added}`, about: 'self' });
    expect(third.json()).toEqual({ reportId, route: 'emergency', duplicate: true });
    await wiki.container.delivery.drain();
    expect(outboxRows(wiki)).toHaveLength(3);
    expect(sink.received).toHaveLength(3);
  });

  it('when the update text carries HTML and header-like lines, then the HTML part escapes it and no header is added', async () => {
    const { wiki, sink } = await wikiWithSink();
    const { client, target } = await emergencyFromAlice(wiki, { details: first });
    const hostile = '<script>alert(1)</script>\r\nBcc: evil@example.org\r\nX-Injected: yes';
    expect((await postReport(client, { ...threat, ...target, details: hostile })).json()).toMatchObject({ updated: true });
    await sink.waitFor(3);
    const update = sink.received.find((m) => m.header('in-reply-to'))!;
    expect(update.parsed.headers.map((h) => h.key)).not.toContain('x-injected');
    expect(update.parsed.headers.map((h) => h.key)).not.toContain('bcc');
    expect(update.parsed.html).not.toContain('<script');
    expect(update.parsed.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('when another reporter files the same report, then it is a new report with its own mail, not an update of the first', async () => {
    const { wiki, sink } = await wikiWithSink();
    const { target, reply } = await emergencyFromAlice(wiki, { details: first });
    const testing = new HttpClient(wiki.url);
    await testing.login('Testing');

    const other = await postReport(testing, { ...threat, ...target, details: `${first}\n${added}`, about: 'self' });

    expect(other.status).toBe(201);
    const otherId = other.json<{ reportId: string }>().reportId;
    expect(otherId).not.toBe(reply.json<{ reportId: string }>().reportId);
    await sink.waitFor(4);
    await wiki.container.delivery.drain();
    expect(sink.received.filter((m) => m.header('in-reply-to'))).toEqual([]);
    const mail = sink.received.find((m) => m.header('x-reportincident-report-id') === otherId && m.envelopeTo.includes('emergency@localhost'))!;
    // Alice's words and identity stay in Alice's report's mail.
    expect(mail.parsed.text).toContain('testing@example.org');
    expect(mail.parsed.text).not.toContain('alice@example.org');
    expect(wiki.container.db.prepare('SELECT count(*) FROM report_updates').pluck().get()).toBe(0);
  });
});

describe('the direct report', () => {
  it('when a direct report is filed, then the community address gets it with a subject unique to the report', async () => {
    const { wiki, sink } = await wikiWithSink({ settings: { ReportIncidentEnableDirectReporting: true } });
    const client = new HttpClient(wiki.url);
    await client.login('Testing');
    const target = await findComment(client, 'User_talk:Testing', 'Every edit you make is rubbish');
    const r = await postReport(client, { incidentType: 'unacceptable-user-behavior', behaviorType: 'intimidation', ...target, directReport: 'This user insults me on every page.' });
    expect(r.status).toBe(201);
    expect(r.json<{ route: string }>().route).toBe('direct');
    await sink.waitFor(2);
    const mail = sink.received.find((m) => m.envelopeTo.includes('admins@localhost'))!;
    expect(mail.parsed.subject).toContain(r.json<{ reportId: string }>().reportId);
    expect(mail.parsed.text).toContain('> This user insults me on every page.');
    expect(mail.parsed.replyTo?.[0]?.address).toBe('testing@example.org');
    expect(mail.parsed.text).toContain(`/wiki/Special:IncidentReports/${r.json<{ reportId: string }>().reportId}`);
  });

  it('when a direct report is repeated with more to say, then the community address gets only that, in the first mail\'s thread', async () => {
    const { wiki, sink } = await wikiWithSink({ settings: { ReportIncidentEnableDirectReporting: true } });
    const client = new HttpClient(wiki.url);
    await client.login('Testing');
    const target = await findComment(client, 'User_talk:Testing', 'Every edit you make is rubbish');
    const body = { incidentType: 'unacceptable-user-behavior', behaviorType: 'intimidation', ...target };
    const r = await postReport(client, { ...body, directReport: 'This user insults me on every page.' });
    await sink.waitFor(2);
    const original = sink.received.find((m) => m.envelopeTo.includes('admins@localhost'))!;

    const again = await postReport(client, { ...body, directReport: 'This user insults me on every page. Today on the village pump too.' });

    expect(again.json()).toMatchObject({ reportId: r.json<{ reportId: string }>().reportId, duplicate: true, updated: true });
    await sink.waitFor(3);
    const update = sink.received.find((m) => m.header('in-reply-to'))!;
    expect(update.envelopeTo).toEqual(['admins@localhost']);
    expect(update.header('references')).toBe(original.parsed.messageId);
    expect(update.parsed.text).toContain('> Today on the village pump too.');
    expect(update.parsed.text).not.toContain('insults me on every page');
  });
});

describe('faults', () => {
  it('when the SMTP server is down at submit and comes up later, then the report answers at once and its mail is delivered once', async () => {
    const down = await downSmtpServer();
    const { port } = down;
    const { wiki } = await wikiWithSink({ smtpUrl: down.url });
    const { reply } = await emergencyFromAlice(wiki);
    expect(reply.status).toBe(201);
    await eventually(() => outboxRows(wiki).every((r) => r.state === 'pending' && r.attempts >= 1 && r.last_error !== null), 'every message waiting for a retry');
    await down.release();
    const sink = await new SmtpSink({ port }).start();
    cleanups.push(() => sink.stop());
    for (const id of wiki.container.db.prepare('SELECT outbox_id FROM outbox').pluck().all() as number[]) await wiki.container.delivery.retry(id);
    await sink.waitFor(2);
    await eventually(() => outboxRows(wiki).every((r) => r.state === 'sent'), 'every message sent');
    expect(sink.received).toHaveLength(2);
    expect(wiki.logger.lines.some((l) => l.message === 'mail not sent; will retry')).toBe(true);
  });

  it('when the SMTP server takes 5 s per message, then the report is answered while the mail is still being sent', async () => {
    const sink = await new SmtpSink({ delayMs: 5000 }).start();
    const { wiki } = await wikiWithSink({ sink });
    const { reply } = await emergencyFromAlice(wiki);
    expect(reply.status).toBe(201);
    // Causal, not timed: the answer came back before the server accepted anything.
    expect(sink.received).toHaveLength(0);
    await sink.waitFor(2);
  });

  it('when one mailbox is slow, then later reports\' mail goes out while that message is still held', async () => {
    const sink = await new SmtpSink({ delayFor: (to) => (to.includes('alice@example.org') ? 6000 : undefined) }).start();
    const { wiki } = await wikiWithSink({ sink });
    await emergencyFromAlice(wiki);
    await eventually(() => sink.holding === 1 && sink.received.length === 1, "Alice's receipt held, her report's staff mail delivered");
    const testing = new HttpClient(wiki.url);
    await testing.login('Testing');
    const target = await findComment(testing, 'Talk:African_wild_dog', 'Keep reverting me');
    expect((await postReport(testing, { ...threat, ...target, about: 'self' })).status).toBe(201);
    // Causal: both of the second report's mails arrive while the first report's receipt is still held.
    await sink.waitFor(3);
    expect(sink.holding).toBe(1);
    expect(sink.received.flatMap((m) => m.envelopeTo)).toContain('testing@example.org');
  });

  it('when user text carries CR/LF and header-like lines, then no header is added and only the intended recipients get mail', async () => {
    const { wiki, sink } = await wikiWithSink();
    const hostile = 'Hi\r\nBcc: evil@example.org\r\nX-Injected: yes\r\n\r\nbody';
    const { reply } = await emergencyFromAlice(wiki, { details: hostile, reportedUser: 'Brackenfield' });
    expect(reply.status).toBe(201);
    await sink.waitFor(2);
    for (const m of sink.received) {
      expect(m.parsed.headers.map((h) => h.key)).not.toContain('x-injected');
      expect(m.parsed.headers.map((h) => h.key)).not.toContain('bcc');
      expect(m.envelopeTo.join(',')).not.toContain('evil@example.org');
    }
  });

  it('when user text carries HTML, then the HTML part shows it escaped', async () => {
    const { wiki, sink } = await wikiWithSink();
    const payload = '<script>alert(1)</script><img src=x onerror="alert(2)"> "><a href="javascript:alert(3)">x</a>';
    const { reply } = await emergencyFromAlice(wiki, { details: payload });
    expect(reply.status).toBe(201);
    await sink.waitFor(2);
    const html = sink.received.find((m) => m.envelopeTo.includes('emergency@localhost'))!.parsed.html!;
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/<img[^>]*onerror/);
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
