// The rules of a case (#21): who sees it, what each role may do in each status, and what each action leaves.
import { describe, expect, it } from 'vitest';
import type { ExplicitGroup, UserAccount } from '../../../src/accounts/UserAccount.js';
import { actionsFor, type CaseFacts, caseStatuses, reporterSees, roleOf, statusAfter, textRule } from '../../../src/cases/casePolicy.js';

const user = (id: number, groups: ExplicitGroup[] = []): UserAccount => ({ id, name: `U${id}`, email: '', emailConfirmedAt: null, registeredAt: 0, editCount: 0, language: null, groups }) as UserAccount;
const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({ queue: 'community', openedIn: 'community', reporterUserId: 1, reportedUserId: 2, recused: [], ...over });

describe('roleOf', () => {
  const cases: { name: string; who: UserAccount | null; facts: CaseFacts; role: string }[] = [
    { name: 'nobody logged in', who: null, facts: facts(), role: 'none' },
    { name: 'the reporter', who: user(1), facts: facts(), role: 'reporter' },
    { name: 'the reported person or anyone else', who: user(2), facts: facts(), role: 'none' },
    { name: 'a responder on a direct report', who: user(3, ['incident-responder']), facts: facts(), role: 'responder' },
    { name: 'a recused responder', who: user(3, ['incident-responder']), facts: facts({ recused: [3] }), role: 'none' },
    { name: 'a responder on an emergency', who: user(3, ['incident-responder']), facts: facts({ queue: 'trust-and-safety', openedIn: 'trust-and-safety' }), role: 'none' },
    { name: 'a responder on a case the community escalated', who: user(3, ['incident-responder']), facts: facts({ queue: 'trust-and-safety' }), role: 'responder' },
    { name: 'Trust & Safety on an emergency', who: user(4, ['trust-and-safety']), facts: facts({ queue: 'trust-and-safety', openedIn: 'trust-and-safety' }), role: 'trust-and-safety' },
    { name: 'Trust & Safety on an escalation', who: user(4, ['trust-and-safety']), facts: facts({ queue: 'trust-and-safety' }), role: 'trust-and-safety' },
    { name: 'Trust & Safety on a direct report not escalated', who: user(4, ['trust-and-safety']), facts: facts(), role: 'none' },
    { name: 'an administrator', who: user(5, ['sysop', 'interface-admin']), facts: facts(), role: 'none' },
    { name: 'a responder who filed the report', who: user(1, ['incident-responder']), facts: facts(), role: 'reporter' },
    { name: 'a responder who is the reported person', who: user(2, ['incident-responder']), facts: facts(), role: 'none' },
    { name: 'Trust & Safety member who is the reported person', who: user(2, ['trust-and-safety']), facts: facts({ queue: 'trust-and-safety' }), role: 'none' },
    { name: 'a recused responder who is also Trust & Safety, after escalation', who: user(3, ['incident-responder', 'trust-and-safety']), facts: facts({ queue: 'trust-and-safety', recused: [3] }), role: 'none' },
    { name: 'Trust & Safety filing an emergency of their own', who: user(1, ['trust-and-safety']), facts: facts({ queue: 'trust-and-safety', openedIn: 'trust-and-safety' }), role: 'reporter' },
  ];
  it.each(cases)('when the viewer is $name, then the role is $role', ({ who, facts: f, role }) => {
    expect(roleOf(who, f)).toBe(role);
  });
});

describe('actionsFor', () => {
  it('when a community case is new, then a responder may take every responder action but reopen, and the reporter may add information or withdraw', () => {
    expect(actionsFor('responder', 'new', 'community')).toEqual(['claim', 'assign', 'acknowledge', 'message', 'note', 'status', 'escalate', 'close', 'answered-by-mail']);
    expect(actionsFor('reporter', 'new', 'community')).toEqual(['add-information', 'withdraw']);
  });

  it('when the community has escalated a case, then its responders keep it in view and may add notes, and Trust & Safety decides', () => {
    expect(actionsFor('responder', 'escalated', 'trust-and-safety')).toEqual(['note']);
    expect(actionsFor('trust-and-safety', 'escalated', 'trust-and-safety')).toContain('close');
  });

  it('when a case is with Trust & Safety, then it cannot be escalated further', () => {
    expect(actionsFor('trust-and-safety', 'acknowledged', 'trust-and-safety')).not.toContain('escalate');
    expect(actionsFor('trust-and-safety', 'acknowledged', 'trust-and-safety')).not.toContain('acknowledge');
  });

  it('when a case is closed, then responders may reopen or note, and the reporter may ask for a review or add information', () => {
    expect(actionsFor('responder', 'resolved', 'community')).toEqual(['note', 'reopen']);
    expect(actionsFor('reporter', 'no-action', 'community')).toEqual(['add-information', 'request-review']);
    expect(actionsFor('reporter', 'withdrawn', 'community')).toEqual([]);
  });

  it('when nobody may see a case, then they may do nothing in any status', () => {
    for (const status of caseStatuses) expect(actionsFor('none', status, 'community')).toEqual([]);
  });
});

describe('statusAfter, reporterSees and textRule', () => {
  it('when actions change the status, then they leave the one the issue names; the others leave it alone', () => {
    expect(statusAfter('acknowledge')).toBe('acknowledged');
    expect(statusAfter('escalate')).toBe('escalated');
    expect(statusAfter('close', 'no-action')).toBe('no-action');
    expect(statusAfter('reopen')).toBe('investigating');
    expect(statusAfter('request-review')).toBe('investigating');
    expect(statusAfter('withdraw')).toBe('withdrawn');
    expect(statusAfter('status', 'investigating')).toBe('investigating');
    for (const a of ['claim', 'assign', 'message', 'note', 'answered-by-mail', 'add-information'] as const) expect(statusAfter(a)).toBeNull();
  });

  it('when an event is an internal note, an assignment or a claim, then the reporter never sees it', () => {
    expect(['note', 'assign', 'claim', 'answered-by-mail'].filter((a) => reporterSees(a as never))).toEqual([]);
    expect(reporterSees('message')).toBe(true);
    expect(reporterSees('close')).toBe(true);
  });

  it('when an action carries words, then messages, notes, acknowledgements and reasons need them, a claim takes none', () => {
    expect(['acknowledge', 'message', 'note', 'close', 'add-information', 'request-review'].map((a) => textRule(a as never))).toEqual(Array(6).fill('required'));
    expect(textRule('claim')).toBe('none');
    expect(textRule('escalate')).toBe('optional');
  });
});
