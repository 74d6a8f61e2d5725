// "This may be an emergency": a report about behaviour whose comment reads like a threat gets one question, never an action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTitle } from '../../src/wiki/Title.js';
import { HttpClient, hiddenField } from '../support/HttpClient.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki;
let threatId = '';
/** A comment in Thai, which no rules read: "See you tomorrow morning, wait and see." */
let unreadableId = '';

beforeAll(async () => {
  wiki = await startTestWiki();
  const c = wiki.container;
  const title = parseTitle('User talk:Testing', c.namespaces);
  if (!title.ok) throw new Error('title');
  const author = (await c.accounts.findByName('Brackenfield'))!;
  const topic = await c.talk.addTopic(title.value, { user: author }, 'Last warning', 'I know where you live and I will come to your house and hurt you.');
  if (!topic.ok) throw new Error(topic.messageKey);
  threatId = (await c.talk.topicsAt(topic.value.page, topic.value.revId)).find((t) => t.heading.threadId === topic.value.threadId)!.comments[0]!.item.threadId;
  const thai = await c.talk.addTopic(title.value, { user: author }, 'พรุ่งนี้', 'เจอกันพรุ่งนี้เช้าที่บ้านของคุณ รอดูเถอะ');
  if (!thai.ok) throw new Error(thai.messageKey);
  unreadableId = (await c.talk.topicsAt(thai.value.page, thai.value.revId)).find((t) => t.heading.threadId === thai.value.threadId)!.comments[0]!.item.threadId;
});
afterAll(() => wiki.close());

async function toBehavior(client: HttpClient, threadId: string) {
  const step1 = await client.get(`/wiki/Special:ReportIncident?page=User_talk:Testing&threadId=${threadId}&revisionId=0`);
  const r1 = await client.post('/wiki/Special:ReportIncident', {
    wpEditToken: hiddenField(step1.text, 'wpEditToken'),
    page: 'User_talk:Testing',
    threadId,
    revisionId: '0',
    incidentType: 'unacceptable-user-behavior',
  });
  const behavior = await client.get(r1.location!);
  return client.post('/wiki/Special:ReportIncident/behavior', { wpEditToken: hiddenField(behavior.text, 'wpEditToken'), draft: hiddenField(behavior.text, 'draft'), behaviorType: 'trolling', wpAction: 'continue' });
}

describe('the "This may be an emergency" step', () => {
  it('when a threat is reported as trolling, then the step shows what was found and switching makes it an emergency report with the harm type filled in', async () => {
    const client = new HttpClient(wiki.url);
    await client.login('Testing');
    const r = await toBehavior(client, threatId);
    expect(r.location).toContain('/wiki/Special:ReportIncident/maybe-emergency?draft=');
    const step = await client.get(`${r.location!}&uselang=qqx`);
    expect(step.status).toBe(200);
    expect(step.text).toContain('(reportincident-maybe-emergency-title)');
    expect(step.text).toContain('(reportincident-signal-physical-harm)');
    const switched = await client.post('/wiki/Special:ReportIncident/maybe-emergency', { wpEditToken: hiddenField(step.text, 'wpEditToken'), draft: hiddenField(step.text, 'draft'), wpAction: 'emergency' });
    expect(switched.location).toContain('/wiki/Special:ReportIncident/emergency?draft=');
    const emergency = await client.get(`${switched.location!}&uselang=qqx`);
    expect(emergency.text).toContain('(reportincident-emergency-chosen: (reportincident-harm-threats-physical-harm))');
  });

  it('when the reporter continues as chosen, then the Get support page follows and nothing was sent', async () => {
    const client = new HttpClient(wiki.url);
    await client.login('Alice');
    const r = await toBehavior(client, threatId);
    const step = await client.get(r.location!);
    const outbox = await wiki.container.delivery.stats();
    const continued = await client.post('/wiki/Special:ReportIncident/maybe-emergency', { wpEditToken: hiddenField(step.text, 'wpEditToken'), draft: hiddenField(step.text, 'draft'), wpAction: 'continue' });
    expect(continued.location).toContain('/wiki/Special:ReportIncident/support/trolling?draft=');
    expect((await client.get(continued.location!)).status).toBe(200);
    expect(await wiki.container.delivery.stats()).toEqual(outbox);
    const today = new Date().toISOString().slice(0, 10);
    const rows = await wiki.container.funnel.rows(today, today);
    expect(rows.some((x) => x.event === 'maybe-emergency-outcome' && x.detail === 'continued')).toBe(true);
    expect(rows.some((x) => x.event === 'maybe-emergency-outcome' && x.detail === 'switched')).toBe(true);
  });

  it('when the comment holds no threat, then the flow goes straight to the Get support page', async () => {
    const client = new HttpClient(wiki.url);
    await client.login('Alice');
    const page = await client.get('/wiki/User_talk:Testing');
    const calm = /id="(c-Rowan-\d{14})"/.exec(page.text)![1]!;
    const r = await toBehavior(client, calm);
    expect(r.location).toContain('/wiki/Special:ReportIncident/support/trolling?draft=');
  });

  it('when the comment is in a language no rules read, then the reporter is asked one direct safety question, and answering yes makes it an emergency report', async () => {
    const client = new HttpClient(wiki.url);
    await client.login('Testing');
    const r = await toBehavior(client, unreadableId);
    expect(r.location).toContain('/wiki/Special:ReportIncident/maybe-emergency?draft=');
    const step = await client.get(`${r.location!}&uselang=qqx`);
    expect(step.text).toContain('(reportincident-maybe-emergency-unread-title)');
    expect(step.text).toContain('(reportincident-maybe-emergency-unread-intro)');
    expect(step.text).not.toContain('(reportincident-maybe-emergency-intro)');
    expect(step.text).not.toContain('(reportincident-maybe-emergency-footer)');
    const switched = await client.post('/wiki/Special:ReportIncident/maybe-emergency', { wpEditToken: hiddenField(step.text, 'wpEditToken'), draft: hiddenField(step.text, 'draft'), wpAction: 'emergency' });
    // Nothing was read, so the reporter says which harm: the first step, the emergency chosen and no harm type yet.
    expect(switched.location).toMatch(/\/wiki\/Special:ReportIncident\?draft=/u);
    const first = await client.get(`${switched.location!}&uselang=qqx`);
    expect(first.text).toMatch(/value="immediate-threat-physical-harm"[^>]*checked/u);
    expect(first.text).not.toMatch(/name="physicalHarmType"[^>]*checked/u);
  });

  it('when the step is opened by its address for a report with nothing to ask about, then it goes on to the Get support page', async () => {
    const client = new HttpClient(wiki.url);
    await client.login('Alice');
    const page = await client.get('/wiki/User_talk:Testing');
    const calm = /id="(c-Rowan-\d{14})"/.exec(page.text)![1]!;
    const r = await toBehavior(client, calm);
    const draft = /draft=([^&]+)/u.exec(r.location!)![1]!;
    const step = await client.get(`/wiki/Special:ReportIncident/maybe-emergency?draft=${draft}`);
    expect(step.status).toBe(303);
    expect(step.location).toContain('/wiki/Special:ReportIncident/support/trolling?draft=');
  });
});
