/** SQL for the development mailbox: mail the built-in SMTP server received, as it arrived. */
import type { Db } from '../storage/openDatabase.js';

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
  private readonly insertMail;
  private readonly latest;
  private readonly byId;
  private readonly deleteOlder;

  constructor(db: Db) {
    this.insertMail = db.prepare('INSERT INTO dev_mailbox (received_at, envelope_from, envelope_to, raw) VALUES (?, ?, ?, ?)');
    this.latest = db.prepare<[number], Row>('SELECT * FROM dev_mailbox ORDER BY mail_id DESC LIMIT ?');
    this.byId = db.prepare<[number], Row>('SELECT * FROM dev_mailbox WHERE mail_id = ?');
    // Every mail about a report carries the report's id at the start of its Message-ID (<RI-….kind@host>).
    this.deleteOlder = db.prepare(
      `DELETE FROM dev_mailbox WHERE received_at < @before
         OR EXISTS (SELECT 1 FROM json_each(@reportIds) r WHERE instr(CAST(dev_mailbox.raw AS TEXT), '<' || r.value || '.') > 0)`,
    );
  }

  add(receivedAt: number, from: string, to: string[], raw: Buffer): number {
    return Number(this.insertMail.run(receivedAt, from, to.join(', '), raw).lastInsertRowid);
  }

  list(limit: number): StoredMail[] {
    return this.latest.all(limit).map(toMail);
  }

  /**
   * The development mailbox holds report texts and addresses too: it follows the same retention, and the copies of
   * the reports purged now go with them even when their mail arrived after the cut (a retry, a late update).
   */
  purgeBefore(before: number, reportIds: readonly string[]): number {
    return this.deleteOlder.run({ before, reportIds: JSON.stringify(reportIds) }).changes;
  }

  find(id: number): StoredMail | null {
    const row = this.byId.get(id);
    return row ? toMail(row) : null;
  }
}
