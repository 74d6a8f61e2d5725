/** The outbox as the desk uses it (#21): whom the reporter's mail and a reminder go to, and their stable Message-IDs. */
import type { AccountService } from '../accounts/AccountService.js';
import type { ReportRepository } from '../reporting/ReportRepository.js';
import type { Settings } from '../settings.js';
import type { Clock } from '../shared/Clock.js';
import type { SqlDatabase } from '../storage/SqlDatabase.js';
import type { CaseMailbox } from './CaseService.js';

export function caseMailbox(deps: {
  sql: Pick<SqlDatabase, 'transaction'>;
  reports: Pick<ReportRepository, 'find' | 'addOutboxes' | 'mailingsFor'>;
  accounts: Pick<AccountService, 'findById'>;
  settings: Pick<Settings, 'Server' | 'ReportIncidentRecipientEmails'>;
  clock: Clock;
  kick: () => void;
}): CaseMailbox {
  const host = () => new URL(deps.settings.Server).hostname;
  /** Trust & Safety's queue is Trust & Safety's addresses; a community case, the address its report went to. */
  const handlersOf = async (found: { queue: string; reportId: string }): Promise<readonly string[]> =>
    found.queue === 'trust-and-safety' ? deps.settings.ReportIncidentRecipientEmails : ((await deps.reports.mailingsFor(found.reportId)).find((m) => m.kind === 'direct')?.recipients ?? []);
  return {
    transaction: (work) => deps.sql.transaction(work),
    async toReporter(reportId, seq) {
      const at = deps.clock.now();
      const report = await deps.reports.find(reportId);
      const reporter = report?.reporterUserId != null ? await deps.accounts.findById(report.reporterUserId) : null;
      // No confirmed address, no mail: the reporter reads it on Special:MyReports.
      if (!reporter || reporter.emailConfirmedAt === null || reporter.email === '') return;
      await deps.reports.addOutboxes([{ reportId, kind: 'reporter', recipients: [reporter.email], messageId: `<${reportId}.reporter.${seq}@${host()}>`, nextAttemptAt: at, createdAt: at, caseEventSeq: seq }]);
    },
    async toHandlers(found, seq) {
      const recipients = await handlersOf(found);
      if (recipients.length === 0) return;
      const at = deps.clock.now();
      await deps.reports.addOutboxes([{ reportId: found.reportId, kind: 'case-staff', recipients: [...recipients], messageId: `<${found.reportId}.case-staff.${seq}@${host()}>`, nextAttemptAt: at, createdAt: at, caseEventSeq: seq }]);
    },
    async reminder(found, level) {
      // Sent now, whatever moment the check was run for (`reminders --now` may name a later one).
      const at = deps.clock.now();
      const recipients = await handlersOf(found);
      if (recipients.length === 0) return;
      await deps.reports.addOutboxes([{ reportId: found.reportId, kind: 'reminder', recipients: [...recipients], messageId: `<${found.reportId}.reminder${found.status === 'escalated' ? '-escalated' : ''}-${level}@${host()}>`, nextAttemptAt: at, createdAt: at, reminderLevel: level }]);
    },
    kick: () => deps.kick(),
  };
}
