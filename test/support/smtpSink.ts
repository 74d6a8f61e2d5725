/** A real SMTP server on loopback for tests: keeps every message it accepts, parsed with postal-mime. */
import type { AddressInfo } from 'node:net';
import PostalMime, { type Email } from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  raw: string;
  parsed: Email;
  header(name: string): string | undefined;
}

export interface SmtpSinkOptions {
  /** Hold each message this long before accepting it (a slow server). */
  delayMs?: number;
  /** Answer each message with a temporary failure (451) while true. */
  failing?: boolean;
  /** Answer this share of messages (0 to 1), at random, with a temporary failure (451): a flaky server. */
  failRate?: number;
  port?: number;
  /** Keep only a count and the raw text, without parsing (for the benchmark). */
  parse?: boolean;
  /** Refuse every recipient with a temporary 452 that names the address, while true. */
  rejectingRecipients?: boolean;
  /** The refusal's text for a recipient, in the server's own words (default: "4.2.2 <address>: mailbox full, …"). */
  refusal?: (address: string) => string;
  /** Called with each accepted message's raw text, for tests that only count what they need of it. */
  onMessage?: (raw: string, envelopeTo: string[]) => void;
  /** How long to hold a message to these recipients, when it differs from the sink's delay (one slow mailbox). */
  delayFor?: (envelopeTo: string[]) => number | undefined;
}

export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Messages whose data arrived but which were not answered yet. */
  holding = 0;
  failing: boolean;
  rejectingRecipients: boolean;
  private server: SMTPServer | null = null;
  port = 0;
  private waiters: { count: number; resolve: () => void }[] = [];

  private delayMs: number;

  constructor(private readonly options: SmtpSinkOptions = {}) {
    this.failing = options.failing ?? false;
    this.rejectingRecipients = options.rejectingRecipients ?? false;
    this.delayMs = options.delayMs ?? 0;
  }

  /** Changes how long each message is held, from the next message on. */
  setDelay(ms: number): void {
    this.delayMs = ms;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        // As real servers do: "452 4.2.2 <x@y>: mailbox full".
        if (this.rejectingRecipients) {
          const text = this.options.refusal?.(address.address) ?? `4.2.2 <${address.address}>: mailbox full, try again later`;
          return callback(Object.assign(new Error(text), { responseCode: 452 }));
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.holding++;
          setTimeout(() => {
            this.holding--;
            if (this.failing || Math.random() < (this.options.failRate ?? 0)) return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
            const raw = Buffer.concat(chunks).toString('utf8');
            const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
            this.options.onMessage?.(raw, envelopeTo);
            const parsing = this.options.parse === false ? Promise.resolve({ headers: [] } as unknown as Email) : PostalMime.parse(raw);
            void parsing.then((parsed) => {
              this.received.push({
                envelopeTo,
                raw: this.options.parse === false ? '' : raw,
                parsed,
                header: (name) => parsed.headers.find((h) => h.key === name.toLowerCase())?.value,
              });
              callback();
              this.waiters = this.waiters.filter((w) => (this.received.length >= w.count ? (w.resolve(), false) : true));
            });
          }, this.options.delayFor?.(session.envelope.rcptTo.map((r) => r.address)) ?? this.delayMs);
        });
      },
    });
    // A client killed mid-conversation (kill -9 of the wiki) resets its connection: the server goes on.
    this.server.on('error', () => {});
    await new Promise<void>((resolve) => this.server!.listen(this.options.port ?? 0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  /** Resolves once `count` messages have been accepted in all. */
  waitFor(count: number): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

/**
 * An SMTP server that is down: a loopback port whose server closes every connection at once, until `release()`.
 * The port stays taken while a test waits to bring the real server up on it, so that no other test file, running
 * side by side, can take it in between. The server does not keep the process alive.
 */
export async function downSmtpServer(): Promise<{ port: number; url: string; release: () => Promise<void> }> {
  const { createServer } = await import('node:net');
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  server.unref();
  const port = (server.address() as AddressInfo).port;
  return { port, url: `smtp://127.0.0.1:${port}`, release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
