/** Mail over SMTP with nodemailer's pooled transport (one connection per message would cost 100 ms each), with timeouts. */
import nodemailer from 'nodemailer';
import { describeMailError } from './mailError.js';
import type { Mailer, OutgoingMail } from './Mailer.js';

export interface SmtpOptions {
  url: string;
  /** Skip STARTTLS: for the built-in development server on loopback only. */
  plain?: boolean;
  maxConnections?: number;
}

export class SmtpMailer implements Mailer {
  private readonly transport;

  constructor(options: SmtpOptions) {
    const url = new URL(options.url);
    this.transport = nodemailer.createTransport({
      pool: true,
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
      ...(options.plain ? { ignoreTLS: true } : {}),
      maxConnections: options.maxConnections ?? 5,
      maxMessages: 1000,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: mail.from,
      to: mail.to,
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo, references: mail.inReplyTo } : {}),
      date: mail.date,
      headers: mail.headers,
    });
  }

  async verify(): Promise<{ ok: true } | { ok: false; error: string }> {
    try {
      await this.transport.verify();
      return { ok: true };
    } catch (e) {
      return { ok: false, error: describeMailError(e) };
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
