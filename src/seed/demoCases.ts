/**
 * The demo's responder desk (#21): a few reports on the demo's threads, filed and handled as people would, so that a
 * newcomer logging in as Tomas (or Priya) finds a queue with a history rather than an empty page.
 */
import type { UserAccount } from '../accounts/UserAccount.js';
import { queueOf } from '../cases/CaseService.js';
import type { Container } from '../container.js';
import type { ReportSubmission } from '../reporting/reportSchemas.js';
import { parseTitle, type Title } from '../wiki/Title.js';

interface DemoReport {
  reporter: string;
  page: string;
  /** The start of the reported comment's text. */
  comment: string;
  submission: Omit<ReportSubmission, 'revisionId' | 'page' | 'threadId'>;
  /** What the responders did, in order, as [responder, action, text, status]. */
  handling: [string, string, string?, string?][];
}

const demoReports: DemoReport[] = [
  {
    reporter: 'Testing',
    page: 'User talk:Testing',
    comment: 'I found your real name and where you live',
    submission: { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', about: 'self', details: 'He says he knows where I live and will post it here. I am scared to go home tonight.' },
    handling: [
      ['Tomas', 'claim'],
      ['Tomas', 'acknowledge', 'Hello Testing,\n\nThank you for telling us. We have your report and I am looking at it now. We will write to you again by tomorrow evening with what we have done. If anything changes, add it on your reports page; it reaches us at once.\n\nIf you are in danger right now, please call your local emergency services.\n\nTomas, Trust & Safety'],
      ['Tomas', 'note', 'The account is 60 days old; it was warned on the article talk page four days ago. Checking for other accounts.'],
      ['Tomas', 'status', '', 'investigating'],
    ],
  },
  {
    reporter: 'Juniper',
    page: 'Talk:African wild dog',
    comment: 'Keep reverting me and you will regret it',
    submission: { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', about: 'someone-else', details: 'This is aimed at Testing, who edits the article. He names where Testing works.' },
    handling: [],
  },
  {
    reporter: 'Rowan',
    page: 'Talk:African wild dog',
    comment: 'Keep reverting me and you will regret it',
    submission: { incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-physical-harm', about: 'someone-else', details: 'Threat against another editor.' },
    handling: [
      ['Tomas', 'acknowledge', 'Hello Rowan,\n\nThank you for reporting this. Another editor reported the same comment, and we are handling both together.\n\nTomas, Trust & Safety'],
      ['Tomas', 'close', 'Handled together with an earlier report of the same comment, on which we acted. Thank you for speaking up for a fellow editor.', 'resolved'],
    ],
  },
  {
    // Filed only when the wiki sends direct reports to its community (ReportIncidentEnableDirectReporting).
    reporter: 'Testing',
    page: 'User talk:Testing',
    comment: 'Every edit you make is rubbish',
    submission: { incidentType: 'unacceptable-user-behavior', behaviorType: 'intimidation', directReport: 'Brackenfield follows my edits from page to page and insults me on my own talk page.' },
    handling: [],
  },
];

/** Files and handles the demo reports; run once, right after the demo is seeded. Returns how many were filed. */
export async function seedDemoCases(c: Container): Promise<number> {
  let filed = 0;
  for (const demo of demoReports) {
    const title = parseTitle(demo.page, c.namespaces);
    const reporter = await c.accounts.findByName(demo.reporter);
    if (!title.ok || !reporter) continue;
    const target = await findComment(c, title.value, demo.comment);
    if (!target) continue;
    const result = await c.reports.submit(reporter, await c.accounts.activeBlocks(reporter), { ...demo.submission, page: title.value.prefixedText, ...target }, 'en');
    // A direct report on a wiki that does not send them is a Get support report: no case, nothing to handle.
    if (!result.ok || !queueOf(result.report)) continue;
    filed++;
    for (const [name, action, text, status] of demo.handling) {
      const responder = (await c.accounts.findByName(name)) as UserAccount;
      const revision = (await c.cases.view(responder, result.report.id))?.case.revision ?? 0;
      await c.cases.act(responder, result.report.id, { action, revision, ...(text ? { text } : {}), ...(status ? { status } : {}) });
    }
  }
  return filed;
}

/** The latest revision of a talk page and the id of the first comment that starts with `start`. */
async function findComment(c: Container, title: Title, start: string): Promise<{ revisionId: number; threadId: string } | null> {
  const page = await c.pages.find(title);
  if (!page?.latestRevId) return null;
  for (const topic of await c.talk.topicsAt(page, page.latestRevId)) {
    const found = topic.comments.find((x) => x.item.body.startsWith(start));
    if (found) return { revisionId: page.latestRevId, threadId: found.item.threadId };
  }
  return null;
}
