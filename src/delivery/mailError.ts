/**
 * What a failed send may say in the log and the outbox: the SMTP reply's codes, the command refused and the error's
 * class, never a server's own words, which often echo the recipient's address or name (#16).
 */

interface MailErrorFields {
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
  code?: unknown;
  message?: unknown;
}

/** `SMTP 452 4.2.2 on RCPT TO (EENVELOPE)`, `ECONNREFUSED`, or our own message with any address taken out. */
export function describeMailError(error: unknown): string {
  const e = (error && typeof error === 'object' ? error : {}) as MailErrorFields;
  const code = typeof e.code === 'string' && /^[A-Z][A-Z0-9_]{1,30}$/.test(e.code) ? e.code : null;
  if (typeof e.responseCode === 'number') {
    // The enhanced status code (RFC 3463) is the one part of the reply text that is safe and useful.
    const enhanced = typeof e.response === 'string' ? /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(e.response)?.[1] : undefined;
    const command = typeof e.command === 'string' && /^[A-Z][A-Z ]{1,20}$/.test(e.command) ? e.command : null;
    return [`SMTP ${e.responseCode}`, enhanced, command ? `on ${command}` : null, code ? `(${code})` : null].filter(Boolean).join(' ');
  }
  // A connection, TLS or timeout error: its class says what went wrong; its text may quote the server.
  if (code) return code;
  return redactAddresses(error instanceof Error ? error.message : String(error));
}

/** Takes out anything that looks like an address, quoted local parts and apostrophes included. */
export function redactAddresses(text: string): string {
  return text.replace(/"[^"]*"@\S*|\S*@\S*/g, '<address>');
}
