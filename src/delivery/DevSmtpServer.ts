/**
 * The demo's mail server: an SMTP server inside the app on a loopback port that stores what it receives,
 * so the demo sends through exactly the same SMTP path as production and a person can read it in
 * Special:DevMailbox.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Clock } from '../shared/Clock.js';
import type { Logger } from '../shared/Logger.js';
import type { DevMailboxRepository } from './DevMailboxRepository.js';

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export class DevSmtpServer {
  private server: SMTPServer | null = null;
  private port = 0;

  constructor(
    private readonly mailbox: DevMailboxRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Listens on 127.0.0.1 at a free port; returns the smtp:// URL to send to. */
  async start(): Promise<string> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: MAX_MESSAGE_BYTES,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          const to = session.envelope.rcptTo.map((r) => r.address);
          // The message is accepted only once it is stored: a failed write is a temporary failure the client retries.
          this.mailbox.add(this.clock.now(), from, to, Buffer.concat(chunks)).then(
            () => callback(),
            (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
          );
        });
        stream.on('error', (e: Error) => callback(e));
      },
    });
    server.on('error', (e: Error) => this.logger.error('development mail server error', { error: e.message }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
