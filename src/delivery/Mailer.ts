/** What sends mail: nodemailer's pooled SMTP in the app and the demo, a memory mailer in unit tests. */

export interface OutgoingMail {
  from: string;
  to: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** Stable across retries, so a mail client shows one message. */
  messageId: string;
  /** The Message-ID this mail answers (In-Reply-To and References), so mail clients show it in that thread. */
  inReplyTo?: string;
  headers: Record<string, string>;
  date: Date;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** Whether the server answers now; used to log a clear line at start. */
  verify(): Promise<{ ok: true } | { ok: false; error: string }>;
  close(): Promise<void>;
}

/** Keeps what was sent, in memory; for unit tests of the worker and renderer only. */
export class MemoryMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  failNext = 0;
  async send(mail: OutgoingMail): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('simulated failure');
    }
    this.sent.push(mail);
  }
  async verify() {
    return { ok: true as const };
  }
  async close() {}
}
