// (#16) The login throttle against real SQLite: atomic under a concurrent burst, and no lockout a stranger can cause.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/HttpClient.js';
import { startTestWiki, type TestWiki } from '../support/testWiki.js';

let wiki: TestWiki;
beforeAll(async () => {
  wiki = await startTestWiki();
});
afterAll(() => wiki.close());

describe('the login throttle', () => {
  it('when 20 wrong passwords for one name arrive at once from one address, then at most 5 are checked and the rest are throttled', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => wiki.container.accounts.authenticate('Rowan', 'wrong password', '198.51.100.7')));
    const checked = results.filter((r) => !r.ok && r.messageKey === 'login-error-wrong').length;
    const throttled = results.filter((r) => !r.ok && r.messageKey === 'login-error-throttled').length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(checked + throttled).toBe(20);
  });

  it('when 20 concurrent HTTP logins with a wrong password come in, then at most 5 are told "wrong" and the others are throttled', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const client = new HttpClient(wiki.url);
        client.cookies.set('wiki_language', 'qqx');
        return (await client.login('Juniper', 'not her password')).text;
      }),
    );
    expect(replies.filter((t) => t.includes('(login-error-wrong)')).length).toBeLessThanOrEqual(5);
    expect(replies.filter((t) => t.includes('(login-error-throttled')).length).toBeGreaterThanOrEqual(15);
  });

  it('when a stranger sends 60 wrong passwords for Testing from many addresses, then Testing, with the right password from her own address, logs in', async () => {
    for (let i = 0; i < 60; i++) await wiki.container.accounts.authenticate('Testing', `guess ${i}`, `203.0.113.${i % 50}`);
    const owner = await wiki.container.accounts.authenticate('Testing', 'demo-password', '192.0.2.10');
    expect(owner.ok).toBe(true);
  });

  it('when the right password follows four wrong ones from the same address, then it logs in and the count starts again', async () => {
    for (let i = 0; i < 4; i++) await wiki.container.accounts.authenticate('Alice', 'nope', '198.51.100.20');
    expect((await wiki.container.accounts.authenticate('Alice', 'demo-password', '198.51.100.20')).ok).toBe(true);
    for (let i = 0; i < 4; i++) expect((await wiki.container.accounts.authenticate('Alice', 'nope', '198.51.100.20')).ok).toBe(false);
    expect((await wiki.container.accounts.authenticate('Alice', 'demo-password', '198.51.100.20')).ok).toBe(true);
  });
});
