// Cases (#21) on a real wiki, on each engine (the postgres project runs this file again): a report to people opens
// one in its queue, each role sees and may do what the rules say, a stale revision is refused, retention erases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserAccount } from '../../src/accounts/UserAccount.js';
import type { CaseActionRequest, CaseActionResult } from '../../src/cases/CaseService.js';
import { CaseRepository } from '../../src/cases/CaseRepository.js';
import { reviewDeadline } from '../../src/cases/casePolicy.js';
import { FixedClock } from '../../src/shared/Clock.js';
import { parseTitle } from '../../src/wiki/Title.js';
import { HttpClient } from '../support/HttpClient.js';
import { findComment, postReport } from '../support/reporting.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

const DAY = 86_400_000;
let wiki: TestWiki;
const clock = new FixedClock(Date.now());
let people: Record<'alice' | 'tomas' | 'rhea' | 'sam' | 'brackenfield' | 'ines', UserAccount>;
let emergencyId: string;
let directId: string;
let supportId: string;
let fileAgain: (fields: Record<string, unknown>) => Promise<{ status: number; body: { reportId: string; duplicate?: boolean; updated?: boolean } }>;

const user = async (name: string) => (await wiki.container.accounts.findByName(name))!;

beforeAll(async () => {
  wiki = await startTestWiki({ clock, settings: { ReportIncidentEnableDirectReporting: true } });
  const c = wiki.container;
  const ines = await user('Ines');
  const config = { ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: '', Email: 'admins@example.org', ContactCommunity: '' } };
  const title = parseTitle('MediaWiki:IncidentReportingConfig.json', c.namespaces);
  if (!title.ok) throw new Error('title');
  expect((await c.pages.saveText(title.value, { user: ines }, JSON.stringify(config), 'Direct reports for intimidation')).ok).toBe(true);
  // Two community responders.
  for (const name of ['Rhea', 'Sam']) {
    const made = await c.accounts.create({ name, password: 'responder-password-long', edits: 10, registeredAt: clock.now() - 400 * DAY });
    if (!made.ok) throw new Error(made.messageKey);
    await c.accounts.addGroup(made.value, 'incident-responder');
  }
  people = { alice: await user('Alice'), tomas: await user('Tomas'), rhea: await user('Rhea'), sam: await user('Sam'), brackenfield: await user('Brackenfield'), ines };

  const alice = new HttpClient(wiki.url);
  expect((await alice.login('Alice')).status).toBe(303);
  const target = await findComment(alice, 'Talk:African_wild_dog', 'Keep reverting me');
  const filed = async (fields: Record<string, unknown>) => {
    const r = await postReport(alice, { ...target, ...fields });
    expect(r.status).toBe(201);
    return r.json<{ reportId: string }>().reportId;
  };
  fileAgain = async (fields) => {
    const r = await postReport(alice, { ...target, ...fields });
    return { status: r.status, body: r.json() };
  };
  emergencyId = await filed({ incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', details: 'He wrote where I live.' });
  directId = await filed({ incidentType: 'unacceptable-user-behavior', behaviorType: 'intimidation', directReport: 'He follows me from page to page.' });
  supportId = await filed({ incidentType: 'unacceptable-user-behavior', behaviorType: 'trolling' });
});
afterAll(() => wiki.close());

const act = (who: UserAccount | null, id: string, request: CaseActionRequest) => wiki.container.cases.act(who, id, request);
const revisionOf = async (id: string) => (await new CaseRepository(wiki.container.sql).find(id))!.revision;
/** The revision the reporter is shown: their events only. */
const reporterRevision = async (id: string) => (await wiki.container.cases.view(people.alice, id))!.case.revision;
function refused(result: CaseActionResult) {
  expect(result.ok).toBe(false);
  return result.ok ? null : result.error;
}

describe('a case for every report that goes to people', () => {
  it('when an emergency, a direct report and a Get support report are filed, then the first two open a case in their queue, new at revision 1, and the third none', async () => {
    const emergency = await wiki.container.cases.view(people.tomas, emergencyId);
    expect(emergency?.case).toMatchObject({ queue: 'trust-and-safety', openedIn: 'trust-and-safety', status: 'new', revision: 1, assigneeUserId: null });
    expect(emergency?.events.map((e) => e.type)).toEqual(['opened']);
    expect((await wiki.container.cases.view(people.rhea, directId))?.case).toMatchObject({ queue: 'community', status: 'new', revision: 1 });
    expect(await new CaseRepository(wiki.container.sql).find(supportId)).toBeNull();
  });

  it('when each role looks, then Trust & Safety sees the emergency, responders the direct report, the reporter both, and nobody else anything', async () => {
    const view = (who: UserAccount | null, id: string) => wiki.container.cases.view(who, id);
    expect((await view(people.tomas, emergencyId))?.role).toBe('trust-and-safety');
    expect(await view(people.tomas, directId)).toBeNull();
    expect((await view(people.rhea, directId))?.role).toBe('responder');
    expect(await view(people.rhea, emergencyId)).toBeNull();
    expect((await view(people.alice, emergencyId))?.role).toBe('reporter');
    expect((await view(people.alice, directId))?.actions).toEqual(['add-information', 'withdraw']);
    // The reported person (even when a responder), an administrator, and nobody logged in: as if there were no case.
    expect((await wiki.container.reports.find(directId))?.reportedUserId).toBe(people.brackenfield.id);
    await wiki.container.accounts.addGroup(people.brackenfield, 'incident-responder');
    people.brackenfield = await user('Brackenfield');
    for (const who of [people.brackenfield, people.ines, null]) {
      expect(await view(who, directId)).toBeNull();
      expect(refused(await act(who, directId, { action: 'note', text: 'x', revision: 1 }))?.status).toBe(404);
    }
  });
});

describe('a repeat report', () => {
  it('when Alice repeats her emergency with new words, then they join the case as her addition, which both sides read; a repeat with nothing new adds nothing', async () => {
    const before = await revisionOf(emergencyId);
    const again = await fileAgain({ incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', details: 'He wrote where I live. Now he wrote my street too.' });
    expect(again.body).toMatchObject({ reportId: emergencyId, duplicate: true, updated: true });
    expect(await revisionOf(emergencyId)).toBe(before + 1);
    const last = (await wiki.container.cases.view(people.tomas, emergencyId))!.events.at(-1)!;
    expect(last).toMatchObject({ type: 'add-information', actorUserId: people.alice.id, visibility: 'reporter', detail: { source: 'repeat' } });
    expect(last.text).toContain('Now he wrote my street too.');
    const mine = (await wiki.container.cases.view(people.alice, emergencyId))!.events.at(-1)!;
    expect(mine.text).toContain('Now he wrote my street too.');
    const same = await fileAgain({ incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', details: 'He wrote where I live. Now he wrote my street too.' });
    expect(same.body).toMatchObject({ duplicate: true });
    expect(same.body.updated).toBeUndefined();
    expect(await revisionOf(emergencyId)).toBe(before + 1);
  });
});

describe('acting on a case', () => {
  it('when a responder claims, acknowledges, notes and writes, then each is an event, and the reporter sees only what was meant for them', async () => {
    let r = await act(people.rhea, directId, { action: 'claim', revision: await revisionOf(directId) });
    expect(r.ok && r.view.case).toMatchObject({ assigneeUserId: people.rhea.id, status: 'new', revision: 2 });
    r = await act(people.rhea, directId, { action: 'acknowledge', text: 'Thank you for telling us. We are looking into it and will write within two days.', revision: 2 });
    expect(r.ok && r.view.case).toMatchObject({ status: 'acknowledged', revision: 3 });
    expect(r.ok && r.view.case.acknowledgedAt).toBe(clock.now());
    r = await act(people.sam, directId, { action: 'note', text: 'I know both editors; Rhea should lead.', revision: 3 });
    r = await act(people.rhea, directId, { action: 'message', text: 'Could you tell us which pages he followed you to?', revision: 4 });
    expect(r.ok && r.view.events.map((e) => e.type)).toEqual(['opened', 'claim', 'acknowledge', 'note', 'message']);
    const reporterView = (await wiki.container.cases.view(people.alice, directId))!;
    expect(reporterView.events.map((e) => e.type)).toEqual(['opened', 'acknowledge', 'message']);
    expect(reporterView.events.every((e) => e.actorUserId === null)).toBe(true);
    expect(reporterView.events.map((e) => e.text).join(' ')).not.toContain('Rhea should lead');
  });

  it('when two responders act at once on the same revision, then one succeeds and the other is told to read the case again; nothing is lost', async () => {
    const revision = await revisionOf(directId);
    const [a, b] = await Promise.all([
      act(people.rhea, directId, { action: 'note', text: 'first', revision }),
      act(people.sam, directId, { action: 'note', text: 'second', revision }),
    ]);
    const outcomes = [a, b].map((x) => (x.ok ? 'ok' : x.error.messageKey)).sort();
    expect(outcomes).toEqual(['ok', 'reportincident-case-error-stale']);
    expect(await revisionOf(directId)).toBe(revision + 1);
    const stale = refused(await act(people.sam, directId, { action: 'note', text: 'second', revision }));
    expect(stale).toMatchObject({ status: 409, messageKey: 'reportincident-case-error-stale', params: { revision: revision + 1 } });
  });

  it('when bad actions arrive, then each is refused with its own error, and nothing is written', async () => {
    const revision = await revisionOf(directId);
    expect(refused(await act(people.rhea, directId, { action: 'delete', revision }))).toMatchObject({ status: 400, messageKey: 'reportincident-case-error-unknown-action', params: { action: 'delete' } });
    expect(refused(await act(people.rhea, directId, { action: 'message', text: '  \u200b ', revision }))).toMatchObject({ status: 400, messageKey: 'reportincident-case-text-empty' });
    expect(refused(await act(people.rhea, directId, { action: 'message', text: 'x'.repeat(5001), revision }))).toMatchObject({ status: 400, messageKey: 'reportincident-case-text-too-long', params: { max: 5000, count: 5001 } });
    expect(refused(await act(people.rhea, directId, { action: 'note', text: 'bell \u0007', revision }))).toMatchObject({ status: 400, messageKey: 'reportincident-case-text-control-characters' });
    expect(refused(await act(people.rhea, directId, { action: 'status', status: 'resolved', revision }))).toMatchObject({ status: 400, messageKey: 'reportincident-case-error-unknown-status', params: { allowed: 'acknowledged, investigating' } });
    expect(refused(await act(people.rhea, directId, { action: 'assign', assignee: people.brackenfield.id, revision }))).toMatchObject({ status: 400, messageKey: 'reportincident-case-error-not-responder' });
    expect(refused(await act(people.rhea, directId, { action: 'acknowledge', text: 'again', revision }))).toMatchObject({ status: 409, messageKey: 'reportincident-case-error-not-allowed', params: { status: 'acknowledged' } });
    // The reporter cannot act as a responder, nor a responder as the reporter.
    expect(refused(await act(people.alice, directId, { action: 'note', text: 'mine', revision }))?.status).toBe(409);
    expect(refused(await act(people.rhea, directId, { action: 'withdraw', revision }))?.status).toBe(409);
    expect(await revisionOf(directId)).toBe(revision);
  });

  it('when a responder escalates, then Trust & Safety has the case and the community keeps it; closing and a late review follow the rules', async () => {
    let r = await act(people.rhea, directId, { action: 'assign', assignee: people.sam.id, revision: await revisionOf(directId) });
    expect(r.ok && r.view.case.assigneeUserId).toBe(people.sam.id);
    r = await act(people.sam, directId, { action: 'escalate', text: 'He now threatens to come to her home.', revision: await revisionOf(directId) });
    expect(r.ok && r.view.case).toMatchObject({ queue: 'trust-and-safety', openedIn: 'community', status: 'escalated', assigneeUserId: null, escalatedAt: clock.now() });
    expect((await wiki.container.cases.view(people.tomas, directId))?.role).toBe('trust-and-safety');
    // The community keeps the case in view, and may add notes; Trust & Safety decides it.
    expect((await wiki.container.cases.view(people.rhea, directId))?.actions).toEqual(['note']);
    expect(refused(await act(people.rhea, directId, { action: 'close', status: 'resolved', text: 'done', revision: await revisionOf(directId) }))?.status).toBe(409);
    // Trust & Safety may keep a note from the community; the community may not keep one from anyone.
    expect((await act(people.tomas, directId, { action: 'note', text: 'Legal is aware.', trustAndSafetyOnly: true, revision: await revisionOf(directId) })).ok).toBe(true);
    expect((await wiki.container.cases.view(people.tomas, directId))!.events.at(-1)).toMatchObject({ text: 'Legal is aware.', detail: { audience: 'trust-and-safety' } });
    const rheaView = (await wiki.container.cases.view(people.rhea, directId))!;
    expect(rheaView.events.map((e) => e.text)).not.toContain('Legal is aware.');
    // Her revision counts what she sees: it tells nothing of the hidden note, and her own note goes through with it.
    expect(rheaView.case.revision).toBe(rheaView.events.length);
    expect(rheaView.case.revision).toBe((await revisionOf(directId)) - 1);
    expect(refused(await act(people.rhea, directId, { action: 'note', text: 'x', trustAndSafetyOnly: true, revision: rheaView.case.revision }))?.status).toBe(400);
    expect((await act(people.rhea, directId, { action: 'note', text: 'Seen from the community.', revision: rheaView.case.revision })).ok).toBe(true);
    r = await act(people.tomas, directId, { action: 'close', status: 'resolved', text: 'The account is blocked.', revision: await revisionOf(directId) });
    expect(r.ok && r.view.case).toMatchObject({ status: 'resolved', closedAt: clock.now() });
    expect(refused(await act(people.tomas, directId, { action: 'message', text: 'late', revision: await revisionOf(directId) }))?.status).toBe(409);
    // Within six months the reporter may ask for a review; it reopens and flags the case. After, it is refused with the date.
    clock.advance(30 * DAY);
    r = await act(people.alice, directId, { action: 'request-review', text: 'He is back under another name.', revision: await reporterRevision(directId) });
    expect(r.ok && r.view.case).toMatchObject({ status: 'investigating', closedAt: null, reviewRequestedAt: clock.now() });
    r = await act(people.tomas, directId, { action: 'close', status: 'no-action', text: 'We found no second account.', revision: await revisionOf(directId) });
    expect(r.ok && r.view.case).toMatchObject({ status: 'no-action', reviewRequestedAt: null });
    const closedAt = clock.now();
    // The reporter reads the reasons of the outcome, but not the responders' hand-over at the escalation, nor who has it.
    const mine = (await wiki.container.cases.view(people.alice, directId))!;
    expect(mine.case.assigneeUserId).toBeNull();
    expect(mine.events.find((e) => e.type === 'escalate')?.text).toBe('');
    expect(mine.events.findLast((e) => e.type === 'close')).toMatchObject({ text: 'We found no second account.', detail: { status: 'no-action' } });
    clock.advance(200 * DAY);
    const late = refused(await act(people.alice, directId, { action: 'request-review', text: 'Please look again.', revision: await reporterRevision(directId) }));
    expect(late).toMatchObject({ status: 409, messageKey: 'reportincident-case-error-review-expired', params: { expired: new Date(reviewDeadline(closedAt)).toISOString().slice(0, 10) } });
  });

  it('when the reporter names a responder to keep out, then that responder can neither see nor act on the case, and no longer has it', async () => {
    // Escalation left nobody holding it; as if Sam still had it, recusing him must take it from him.
    expect((await new CaseRepository(wiki.container.sql).find(directId))?.assigneeUserId).toBeNull();
    await wiki.container.sql.run('UPDATE incident_cases SET assignee_user_id = ? WHERE report_id = ?', [people.sam.id, directId]);
    await new CaseRepository(wiki.container.sql).recuse(directId, [people.sam.id]);
    expect((await new CaseRepository(wiki.container.sql).find(directId))?.assigneeUserId).toBeNull();
    expect(await wiki.container.cases.view(people.sam, directId)).toBeNull();
    expect(refused(await act(people.sam, directId, { action: 'note', text: 'x', revision: await revisionOf(directId) }))?.status).toBe(404);
    expect((await wiki.container.cases.view(people.rhea, directId))?.role).toBe('responder');
  });

  it('when a responder adds an internal note, then the reporter\'s revision does not move and her action still goes through', async () => {
    const shown = (await wiki.container.cases.view(people.alice, emergencyId))!;
    expect(shown.case.revision).toBe(shown.events.length);
    expect((await act(people.tomas, emergencyId, { action: 'note', text: 'Internal only.', revision: await revisionOf(emergencyId) })).ok).toBe(true);
    expect((await wiki.container.cases.view(people.alice, emergencyId))!.case.revision).toBe(shown.case.revision);
    const added = await act(people.alice, emergencyId, { action: 'add-information', text: 'One more thing.', revision: shown.case.revision });
    expect(added.ok && added.view.case.revision).toBe(shown.case.revision + 1);
    // Her own second tab, on the old revision, is told.
    expect(refused(await act(people.alice, emergencyId, { action: 'add-information', text: 'Again.', revision: shown.case.revision }))).toMatchObject({ status: 409, params: { revision: shown.case.revision + 1 } });
  });

  it('when responders open a case, then each opening is in its access log; the reporter\'s are not', async () => {
    const repository = new CaseRepository(wiki.container.sql);
    const before = (await repository.views(emergencyId)).length;
    await wiki.container.cases.view(people.tomas, emergencyId);
    await wiki.container.cases.view(people.alice, emergencyId);
    const after = await repository.views(emergencyId);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toEqual({ userId: people.tomas.id, at: clock.now() });
  });
});

describe('the queue', () => {
  it('when each person asks for the queue, then it lists exactly the cases they may handle, as roleOf decides, and nothing to anyone else', async () => {
    const c = wiki.container;
    for (const [name, person] of Object.entries(people)) {
      const queue = await c.cases.queue(person, { status: 'all', type: null, assignee: 'any', limit: 200, offset: 0 });
      const listed = new Set((queue?.entries ?? []).map((e) => e.reportId));
      for (const id of [emergencyId, directId]) {
        const role = await c.cases.roleFor(person, id);
        const handles = role === 'trust-and-safety' || role === 'responder';
        expect({ name, id, listed: listed.has(id) }).toEqual({ name, id, listed: handles });
      }
      if (!c.cases.handlesCases(person)) expect(queue).toBeNull();
    }
    expect(await c.cases.queue(null, { status: 'all', type: null, assignee: 'any', limit: 10, offset: 0 })).toBeNull();
  });

  it('when a case waits past its queue\'s limit unacknowledged, then it is overdue; an acknowledged one never is', async () => {
    const c = wiki.container;
    const waiting = { status: 'new' as const, openedIn: 'trust-and-safety' as const, createdAt: clock.now(), escalatedAt: null };
    expect(c.cases.overdue(waiting, clock.now() + 59 * 60_000)).toBe(false);
    expect(c.cases.overdue(waiting, clock.now() + 61 * 60_000)).toBe(true);
    expect(c.cases.overdue({ ...waiting, openedIn: 'community' }, clock.now() + 47 * 3_600_000)).toBe(false);
    expect(c.cases.overdue({ ...waiting, openedIn: 'community' }, clock.now() + 49 * 3_600_000)).toBe(true);
    expect(c.cases.overdue({ ...waiting, status: 'acknowledged' }, clock.now() + 400 * DAY)).toBe(false);
    // An escalated community case is owed an answer as an emergency is, from its escalation.
    const escalated = { status: 'escalated' as const, openedIn: 'community' as const, createdAt: clock.now() - 40 * 3_600_000, escalatedAt: clock.now() };
    expect(c.cases.overdue(escalated, clock.now() + 59 * 60_000)).toBe(false);
    expect(c.cases.overdue(escalated, clock.now() + 61 * 60_000)).toBe(true);
    const all = await c.cases.queue(people.tomas, { status: 'all', type: null, assignee: 'any', limit: 200, offset: 0 });
    const listed = all!.entries.find((e) => e.reportId === emergencyId)!;
    expect(listed.overdue).toBe(c.cases.overdue(listed));
  });
});

describe('retention', () => {
  it('when the retention period passes, then a report whose case is open is kept; closed, it waits out the review window; then the case keeps statuses and days only and nobody can open it', async () => {
    const c = wiki.container;
    const repository = new CaseRepository(c.sql);
    const open = (await repository.find(emergencyId))!;
    if (open.closedAt !== null) throw new Error('the emergency is expected open here');
    clock.advance(400 * DAY);
    await c.retention.purge();
    // Open: still being handled, so kept whole.
    expect((await c.reports.find(emergencyId))?.details).toContain('He wrote where I live.');
    expect((await repository.views(emergencyId)).length).toBeGreaterThan(0);
    // The direct report closed long ago: erased.
    expect((await c.reports.find(directId))?.purgedAt).toBeDefined();
    const revision = (await c.cases.view(people.tomas, emergencyId))!.case.revision;
    expect((await c.cases.act(people.tomas, emergencyId, { action: 'close', status: 'resolved', text: 'Done.', revision })).ok).toBe(true);
    clock.advance(180 * DAY);
    await c.retention.purge();
    expect((await c.reports.find(emergencyId))?.purgedAt).toBeUndefined();
    clock.advance(5 * DAY);
    await c.retention.purge();
    expect((await c.reports.find(emergencyId))?.purgedAt).toBeDefined();

    for (const id of [emergencyId, directId]) {
      const events = await repository.events(id);
      expect(events.filter((e) => e.text !== '' || e.actorUserId !== null || Object.keys(e.detail).length > 0)).toEqual([]);
      expect(await repository.views(id)).toEqual([]);
      expect(await repository.recused(id)).toEqual([]);
      const erased = (await repository.find(id))!;
      expect(erased.assigneeUserId).toBeNull();
      // Times keep their day only, as the report's do.
      expect([erased.createdAt, erased.acknowledgedAt ?? 0, erased.closedAt!].map((t) => t % DAY)).toEqual([0, 0, 0]);
      expect(events.map((e) => e.at % DAY).filter((x) => x !== 0)).toEqual([]);
      // Nobody opens an erased case, lists it, or learns it is there: not the responders, not those once kept out.
      for (const [name, person] of Object.entries(people)) {
        expect({ name, role: await c.cases.roleFor(person, id) }).toEqual({ name, role: 'none' });
        const queue = await c.cases.queue(person, { status: 'all', type: null, assignee: 'any', limit: 200, offset: 0 });
        expect((queue?.entries ?? []).map((e) => e.reportId)).not.toContain(id);
      }
    }
    expect((await repository.find(directId))?.status).toBe('no-action');
  });
});
