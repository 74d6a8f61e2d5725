/** The demo wiki: users that cover every case of who may report, and talk pages with realistic threads. */
import type { ExplicitGroup } from '../accounts/UserAccount.js';
import { COMMUNITY_CONFIG_PAGE } from '../communityConfig/communityConfigSchema.js';
import type { Container } from '../container.js';
import type { Actor } from '../wiki/PageService.js';
import { parseTitle, type Title } from '../wiki/Title.js';

export const DEMO_PASSWORD = 'demo-password';
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

interface DemoUser {
  name: string;
  email: string;
  confirmed: boolean;
  /** Age of the account at seeding. */
  age: number;
  edits: number;
  groups?: ExplicitGroup[];
  block?: 'sitewide' | 'partial';
  /** What the README says this account shows. */
  shows: string;
}

/** The README's table is written from this list; keep them in step. */
export const demoUsers: DemoUser[] = [
  { name: 'Alice', email: 'alice@example.org', confirmed: true, age: 400 * DAY, edits: 250, shows: 'eligible and autoconfirmed: 5 reports a day' },
  { name: 'Testing', email: 'testing@example.org', confirmed: true, age: 120 * DAY, edits: 40, shows: 'eligible; owns User talk:Testing, where others are rude to them' },
  { name: 'Nora', email: 'nora@example.org', confirmed: true, age: 2 * DAY, edits: 3, shows: 'eligible but new (not autoconfirmed): 1 report a day' },
  { name: 'Chloe', email: 'chloe@example.org', confirmed: false, age: 90 * DAY, edits: 30, shows: 'email not confirmed: sees Report, is asked to confirm first' },
  { name: 'Dmitri', email: 'dmitri@example.org', confirmed: true, age: HOUR, edits: 2, shows: 'account younger than 3 hours (made 1 hour old again at every start)' },
  { name: 'Emil', email: 'emil@example.org', confirmed: true, age: 30 * DAY, edits: 0, shows: 'no edits yet' },
  { name: 'Farah', email: 'farah@example.org', confirmed: true, age: 200 * DAY, edits: 80, block: 'sitewide', shows: 'blocked sitewide' },
  { name: 'Gus', email: 'gus@example.org', confirmed: true, age: 200 * DAY, edits: 60, block: 'partial', shows: 'partially blocked (from the article namespace only)' },
  { name: 'Ines', email: 'ines@example.org', confirmed: true, age: 900 * DAY, edits: 3000, groups: ['sysop', 'interface-admin'], shows: 'administrator and interface-admin: edits the community configuration' },
  { name: 'Tomas', email: 'tomas@example.org', confirmed: true, age: 700 * DAY, edits: 500, groups: ['trust-and-safety'], shows: 'Trust & Safety: reads the development mailbox and statistics' },
  { name: 'Priya', email: 'priya@example.org', confirmed: true, age: 600 * DAY, edits: 900, groups: ['incident-responder'], shows: 'community incident responder: handles direct reports in Special:IncidentReports' },
  { name: 'Rowan', email: 'rowan@example.org', confirmed: true, age: 300 * DAY, edits: 120, shows: 'a friendly editor who writes in the threads' },
  { name: 'Juniper', email: 'juniper@example.org', confirmed: true, age: 500 * DAY, edits: 800, groups: ['sysop'], shows: 'an administrator who writes in the threads' },
  { name: 'Brackenfield', email: 'brackenfield@example.org', confirmed: true, age: 60 * DAY, edits: 45, shows: 'writes the comments a person might report' },
];

const IP_EDITOR = '192.0.2.44';

/** The demo's community configuration: each Get support page points at the demo's project pages. */
const noticeboard = "Demo Wiki:Administrators' noticeboard";
const helpDesk = 'Demo Wiki:Help desk';
const demoCommunityConfig = {
  ReportIncidentEnabledNamespaces: [],
  ReportIncidentE2ETesterUsers: [],
  ReportIncident_NonEmergency_Intimidation_DisputeResolutionURL: 'Demo Wiki:Dispute resolution',
  ReportIncident_NonEmergency_Intimidation_HelpMethod: { ContactAdmin: noticeboard, Email: 'admins@localhost', ContactCommunity: helpDesk },
  ReportIncident_NonEmergency_Doxing_ShowWarning: true,
  ReportIncident_NonEmergency_Doxing_HideEditURL: 'Demo Wiki:Oversight',
  ReportIncident_NonEmergency_Doxing_HelpMethod: { Email: 'oversight@localhost' },
  ReportIncident_NonEmergency_SexualHarassment_HelpMethod: { ContactAdmin: noticeboard, Email: 'admins@localhost', ContactCommunity: '' },
  ReportIncident_NonEmergency_Trolling_HelpMethod: { ContactAdmin: noticeboard, Email: '', ContactCommunity: helpDesk },
  ReportIncident_NonEmergency_HateSpeech_HelpMethod: { ContactAdmin: noticeboard, Email: 'admins@localhost' },
  ReportIncident_NonEmergency_Spam_SpamContentURL: 'Demo Wiki:Spam',
  ReportIncident_NonEmergency_Spam_HelpMethod: { ContactAdmin: noticeboard, Email: '' },
  ReportIncident_NonEmergency_Other_DisputeResolutionURL: 'Demo Wiki:Dispute resolution',
  ReportIncident_NonEmergency_SomethingElse_HelpMethod: { ContactAdmin: noticeboard, Email: '', ContactCommunity: helpDesk },
};

/** Pages of prose, for the links of the demo and the Get support pages. */
const textPages: [string, string][] = [
  [
    'Main Page',
    `Welcome to the '''Demo Wiki''', a small wiki that shows how an editor reports harassment.

== Try it ==
* Read the discussion at [[Talk:African wild dog]] or [[User talk:Testing]].
* [[Special:UserLogin|Log in]] as one of the demo users listed in the README.
* Open the ⋮ menu of a comment to copy its link.

== About this wiki ==
* [[Demo Wiki:Dispute resolution]]
* [[Demo Wiki:Administrators' noticeboard]]
* [[Demo Wiki:Help desk]]`,
  ],
  [
    'African wild dog',
    `The '''African wild dog''' (Lycaon pictus) is a wild canine native to sub-Saharan Africa. It lives in packs of around ten adults, hunts cooperatively, and is listed as endangered.

== Behaviour ==
Packs share food with their young and with injured members. A pack's range can cover hundreds of square kilometres.

== Conservation ==
Habitat loss, conflict with people and diseases caught from domestic dogs are the main threats. See the discussion at [[Talk:African wild dog]].`,
  ],
  [
    'Demo Wiki:Dispute resolution',
    `Most disagreements are settled by talking calmly on the article's talk page.

== Steps ==
* Discuss the content, not the person.
* Ask for a third opinion at the [[Demo Wiki:Help desk]].
* If someone is hostile or threatening, ask an administrator at [[Demo Wiki:Administrators' noticeboard]].`,
  ],
  [
    "Demo Wiki:Administrators' noticeboard",
    `Administrators read this page to help with urgent and ongoing problems with user behaviour.

Do not post private information here: this page is public.`,
  ],
  ['Demo Wiki:Help desk', `Ask any question about editing the Demo Wiki here, and a volunteer will answer.`],
  [
    'Demo Wiki:Spam',
    `Spam is content added to promote a product, service or website.

== What to do ==
* Remove the spam from the page.
* If an account keeps adding it, tell an administrator at [[Demo Wiki:Administrators' noticeboard]].`,
  ],
  [
    'Demo Wiki:Oversight',
    `Oversighters can hide edits that reveal private information, so that even administrators cannot read them.

Ask for oversight by email to oversight@localhost, never on a public page.`,
  ],
  ['User:Testing', `I write about African mammals. Say hello on [[User talk:Testing|my talk page]].`],
];

interface DemoComment {
  author: string;
  ago: number;
  text: string;
  replies?: DemoComment[];
}

interface DemoTopic {
  heading: string;
  comments: DemoComment[];
}

const talkPages: [string, DemoTopic[]][] = [
  [
    'Talk:African wild dog',
    [
      {
        heading: 'Population estimate',
        comments: [
          {
            author: 'Rowan',
            ago: 20 * DAY,
            text: 'The article says there are about 6,600 adults left. Is there a newer survey we could cite?',
            replies: [
              { author: 'Juniper', ago: 19 * DAY, text: 'The 2020 assessment gives a similar figure. I will add it to the [[African wild dog#Conservation|conservation section]].', replies: [{ author: 'Rowan', ago: 19 * DAY - 3 * HOUR, text: 'Thank you, that reads much better now.' }] },
            ],
          },
        ],
      },
      {
        heading: 'Reverted edits to the behaviour section',
        comments: [
          {
            author: 'Testing',
            ago: 6 * DAY,
            text: 'I restored the paragraph about food sharing, which was removed without a reason. Happy to discuss the wording here.',
            replies: [
              {
                author: 'Brackenfield',
                ago: 6 * DAY - 2 * HOUR,
                text: 'Nobody asked for your opinion. You clearly cannot write, so stay away from this article.',
                replies: [
                  { author: 'Testing', ago: 5 * DAY, text: 'Please comment on the edit, not on me. Which sentence do you think is wrong?' },
                  { author: 'Brackenfield', ago: 5 * DAY - HOUR, text: 'Keep reverting me and you will regret it. I know which university you work at, and I can make sure everyone there hears about you.' },
                ],
              },
              { author: 'Juniper', ago: 4 * DAY, text: 'Brackenfield, this tone is not acceptable here. Please read [[Demo Wiki:Dispute resolution]].' },
            ],
          },
        ],
      },
      {
        heading: 'Photo safaris',
        comments: [
          {
            author: IP_EDITOR,
            ago: 2 * DAY,
            text: 'Best prices on wild dog photo safaris!!! Book today at our tour shop and get 50% off, only this week!!!',
            replies: [{ author: 'Rowan', ago: 2 * DAY - 5 * HOUR, text: 'This looks like an advertisement; I have left it for an administrator.' }],
          },
        ],
      },
    ],
  ],
  [
    'User talk:Testing',
    [
      {
        heading: 'Welcome!',
        comments: [{ author: 'Juniper', ago: 100 * DAY, text: 'Welcome to the Demo Wiki! If you have questions, ask at the [[Demo Wiki:Help desk]].', replies: [{ author: 'Testing', ago: 99 * DAY, text: 'Thanks, I will.' }] }],
      },
      {
        heading: 'Your edits',
        comments: [
          {
            author: 'Brackenfield',
            ago: 3 * DAY,
            text: 'Every edit you make is rubbish. People like you should not be allowed to edit at all.',
            replies: [
              { author: 'Testing', ago: 3 * DAY - 4 * HOUR, text: 'I would rather we talk about specific changes. Which edit do you mean?' },
              { author: 'Brackenfield', ago: 2 * DAY, text: 'I found your real name and where you live. Maybe I will post them here so everyone can see.' },
            ],
          },
        ],
      },
      {
        heading: 'Meetup next month',
        comments: [{ author: 'Rowan', ago: 1 * DAY, text: 'A few of us are meeting at the natural history museum next month. Would you like to join?' }],
      },
    ],
  ],
];

function title(c: Container, text: string): Title {
  const parsed = parseTitle(text, c.namespaces);
  if (!parsed.ok) throw new Error(`demo seed: bad title ${text}`);
  return parsed.value;
}

async function actorFor(c: Container, name: string): Promise<Actor> {
  const user = await c.accounts.findByName(name);
  return user ? { user } : { ip: name };
}

/** Seeds an empty database; returns false (and does nothing) when the database already holds users or pages. */
export async function seedDemo(c: Container): Promise<boolean> {
  if ((await c.accounts.count()) > 0) return false;
  const now = c.clock.now();
  await c.sql.transaction(async () => {
    for (const u of demoUsers) {
      const created = await c.accounts.create({
        name: u.name,
        password: DEMO_PASSWORD,
        email: u.email,
        emailConfirmed: u.confirmed,
        edits: u.edits,
        registeredAt: now - u.age,
        groups: u.groups ?? [],
      });
      if (!created.ok) throw new Error(`demo seed: ${created.messageKey} for ${u.name}`);
    }
    const pageTime = now - 30 * DAY;
    for (const [text, content] of textPages) {
      const saved = await c.pages.saveText(title(c, text), await actorFor(c, 'Juniper'), content, 'Demo page', pageTime);
      if (!saved.ok) throw new Error(`demo seed: ${saved.messageKey} for ${text}`);
    }
    const config = await c.pages.saveText(title(c, COMMUNITY_CONFIG_PAGE), await actorFor(c, 'Ines'), JSON.stringify(demoCommunityConfig, null, 2), 'Links of the Get support pages for the demo wiki', pageTime);
    if (!config.ok) throw new Error(`demo seed: ${config.messageKey} for the community configuration`);
    for (const [pageText, topics] of talkPages) {
      const t = title(c, pageText);
      // Edits must be made in time order, so flatten every comment with its parent first.
      type Pending = { topic: DemoTopic; comment: DemoComment; parentIndex: number | null };
      const pending: Pending[] = [];
      for (const topic of topics) {
        const walk = (comment: DemoComment, parentIndex: number | null) => {
          const index = pending.length;
          pending.push({ topic, comment, parentIndex });
          for (const r of comment.replies ?? []) walk(r, index);
        };
        for (const comment of topic.comments) walk(comment, null);
      }
      const order = pending.map((p, i) => i).sort((a, b) => pending[b]!.comment.ago - pending[a]!.comment.ago);
      const ids = new Map<number, string>();
      const topicIds = new Map<DemoTopic, string>();
      for (const i of order) {
        const p = pending[i]!;
        const at = now - p.comment.ago;
        const actor = await actorFor(c, p.comment.author);
        const parentId = p.parentIndex !== null ? ids.get(p.parentIndex) : topicIds.get(p.topic);
        const posted = parentId
          ? await c.talk.addReply(t, actor, parentId, p.comment.text, at)
          : await c.talk.addTopic(t, actor, p.topic.heading, p.comment.text, at);
        if (!posted.ok) throw new Error(`demo seed: ${posted.messageKey} on ${pageText}`);
        if (!parentId) {
          topicIds.set(p.topic, posted.value.threadId);
          const first = (await c.talk.topicsAt(posted.value.page, posted.value.revId)).find((x) => x.heading.threadId === posted.value.threadId)!;
          ids.set(i, first.comments[0]!.item.threadId);
        } else {
          ids.set(i, posted.value.threadId);
        }
      }
    }
    for (const u of demoUsers) {
      if (!u.block) continue;
      const account = (await c.accounts.findByName(u.name))!;
      await c.accounts.block(account, {
        reason: u.block === 'sitewide' ? 'Repeated edit warring (demo block)' : 'Edit warring on articles (demo partial block)',
        byUserId: (await c.accounts.findByName('Juniper'))!.id,
        ...(u.block === 'partial' ? { partial: { pageIds: [], namespaces: [0] } } : {}),
      });
    }
  });
  return true;
}

/** Keeps the "too new" demo account too new: its registration is moved to one hour ago at every start. */
export async function refreshDemo(c: Container): Promise<void> {
  const dmitri = await c.accounts.findByName('Dmitri');
  if (dmitri && dmitri.email === 'dmitri@example.org') {
    await c.accounts.setRegisteredAt(dmitri, c.clock.now() - HOUR);
  }
}

/** Demo accounts share a published password: say so loudly on any wiki reachable beyond this machine. */
export async function warnAboutDemoAccounts(c: Container): Promise<void> {
  const host = new URL(c.settings.Server).hostname;
  const loopback = host === 'localhost' || host.startsWith('127.') || host === '[::1]' || host === '::1';
  if (loopback) return;
  const present: string[] = [];
  for (const u of demoUsers) if ((await c.accounts.findByName(u.name))?.email === u.email) present.push(u.name);
  if (present.length > 0) {
    c.logger.warn('demo accounts with the published password exist on a wiki that is not on loopback; remove them or set DemoSeed to false', { accounts: present, server: c.settings.Server });
  }
}
