// What a failed send may say: SMTP codes and the error's class, never the server's words about a recipient (#16).
import { describe, expect, it } from 'vitest';
import { describeMailError, redactAddresses } from '../../../src/delivery/mailError.js';

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.response ?? 'failed')), fields);

describe('describeMailError', () => {
  it('when the server refuses a recipient in its own words, then only the code, the enhanced status and the command remain', () => {
    const e = smtpError({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: "550 5.1.1 <o'brien@example.org>: no such user here, Mr O'Brien" });
    expect(describeMailError(e)).toBe('SMTP 550 5.1.1 on RCPT TO (EENVELOPE)');
  });

  it('when the reply has no enhanced status, then the code and command alone', () => {
    expect(describeMailError(smtpError({ responseCode: 451, command: 'DATA', response: '451 try again later, Alice' }))).toBe('SMTP 451 on DATA');
  });

  it('when the connection fails, then the error class, not the text that may quote the server', () => {
    expect(describeMailError(Object.assign(new Error('Greeting never received from mail.example.org for alice'), { code: 'ETIMEDOUT' }))).toBe('ETIMEDOUT');
  });

  it('when an error has neither, then its message with every address taken out', () => {
    expect(describeMailError(new Error("cannot send to o'brien@example.org or \"Jo Smith\"@example.org"))).toBe('cannot send to <address> or <address>');
  });

  it('when a code or command is not of the expected form, then it is left out rather than quoted', () => {
    expect(describeMailError(smtpError({ responseCode: 550, command: 'alice@example.org', code: 'bob@example.org' }))).toBe('SMTP 550');
  });
});

describe('redactAddresses', () => {
  it.each([
    ["o'brien@example.org", '<address>'],
    ['<alice@example.org>:', '<address>'],
    ['"a b"@example.org', '<address>'],
    ['x+tag@sub.example.co.uk.', '<address>'],
    ['no address here', 'no address here'],
  ])('when the text is %s, then %s', (text, expected) => {
    expect(redactAddresses(text)).toBe(expected);
  });
});
