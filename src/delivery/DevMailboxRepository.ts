/** SQL for the development mailbox: mail the built-in SMTP server received, as it arrived. */
import { type Dialect, dialectOf } from '../storage/dialect.js';
import type { SqlDatabase } from '../storage/SqlDatabase.js';

export interface StoredMail {
  id: number;
  receivedAt: number;
  envelopeFrom: string;
  envelopeTo: string[];
  raw: Buffer;
}

interface Row {
  mail_id: number;
  received_at: number;
  envelope_from: string;
  envelope_to: string;
  raw: Buffer;
}

const toMail = (r: Row): StoredMail => ({ id: r.mail_id, receivedAt: r.received_at, envelopeFrom: r.envelope_from, envelopeTo: r.envelope_to.split(', '), raw: r.raw });

export class DevMailboxRepository {
  private readonly dialect: Dialect;

  constructor(private readonly sql: SqlDatabase) {
    this.dialect = dialectOf(sql.engine);
  }

  async add(receivedAt: number, from: string, to: string[], raw: Buffer): Promise<number> {
    const row = await this.sql.get<{ mail_id: number }>('INSERT INTO dev_mailbox (received_at, envelope_from, envelope_to, raw) VALUES (?, ?, ?, ?) RETURNING mail_id', [receivedAt, from, to.join(', '), raw]);
    return row!.mail_id;
  }

  async list(limit: number): Promise<StoredMail[]> {
    return (await this.sql.all<Row>('SELECT * FROM dev_mailbox ORDER BY mail_id DESC LIMIT ?', [limit])).map(toMail);
  }

  /**
   * The development mailbox holds report texts and addresses too: it follows the same retention, and the copies of
   * the reports purged now go with them even when their mail arrived after the cut (a retry, a late update).
   * Every mail about a report carries the report's id at the start of its Message-ID (<RI-….kind@host>).
   */
  async purgeBefore(before: number, reportIds: readonly string[]): Promise<number> {
    const result = await this.sql.run(
      `DELETE FROM dev_mailbox WHERE received_at < @before
         OR EXISTS (SELECT 1 FROM ${this.dialect.jsonTexts('@reportIds')} AS r WHERE ${this.dialect.blobContains('dev_mailbox.raw', "'<' || r.value || '.'")})`,
      { before, reportIds: JSON.stringify(reportIds) },
    );
    return result.changes;
  }

  async find(id: number): Promise<StoredMail | null> {
    const row = await this.sql.get<Row>('SELECT * FROM dev_mailbox WHERE mail_id = ?', [id]);
    return row ? toMail(row) : null;
  }
}
