/** Talk pages: new topics and replies as edits, and the threads of any revision. */
import type { UserAccount } from '../accounts/UserAccount.js';
import type { Clock } from '../shared/Clock.js';
import type { Result } from '../shared/Result.js';
import { err, ok } from '../shared/Result.js';
import type { Namespaces } from '../wiki/namespaces.js';
import type { PageRecord } from '../wiki/PageRepository.js';
import type { Actor, PageService } from '../wiki/PageService.js';
import { actorName } from '../wiki/PageService.js';
import { cleanText } from '../wiki/textInput.js';
import type { Title } from '../wiki/Title.js';
import { commentIdCandidates, firstFree, headingIdCandidates } from './commentId.js';
import type { TalkItemRecord, TalkItemRepository } from './TalkItemRepository.js';
import type { TalkTopic } from './threads.js';
import { buildThreads } from './threads.js';

export const MAX_COMMENT_CODE_POINTS = 10_000;
export const MAX_HEADING_CODE_POINTS = 255;
/** Replies deeper than this are shown at this depth, as DiscussionTools caps indentation. */
export const MAX_REPLY_DEPTH = 12;

/** Edit summaries are written in the wiki's content language, as MediaWiki's automatic summaries are. */
export type SummaryWriter = (kind: 'new-topic' | 'reply', heading: string) => string;

export interface PostedItem {
  revId: number;
  threadId: string;
  page: PageRecord;
}

export class TalkPageService {
  constructor(
    private readonly pages: PageService,
    private readonly items: TalkItemRepository,
    private readonly namespaces: Namespaces,
    private readonly clock: Clock,
    private readonly summary: SummaryWriter,
  ) {}

  isTalkPage(title: Title): boolean {
    return this.namespaces.isTalk(title.namespace);
  }

  /** The topics of a page at a revision, loaded in one query. */
  async topicsAt(page: PageRecord, revId: number): Promise<TalkTopic[]> {
    return buildThreads(await this.items.itemsAt(page.id, revId));
  }

  async findItem(page: PageRecord, threadId: string): Promise<TalkItemRecord | null> {
    return await this.items.find(page.id, threadId);
  }

  private async checkEditor(actor: Actor, title: Title, page: PageRecord | null): Promise<Result<void>> {
    if (!this.isTalkPage(title)) return err('talk-error-not-talk-page');
    const user: UserAccount | null = 'user' in actor ? actor.user : null;
    if ('ip' in actor) return ok(undefined);
    const decision = await this.pages.editDecision(user, title, page);
    return decision.allowed ? ok(undefined) : err(decision.messageKey);
  }

  /** Starts a topic: a heading and its first comment, in one revision. */
  async addTopic(title: Title, actor: Actor, headingInput: unknown, textInput: unknown, createdAt?: number): Promise<Result<PostedItem>> {
    const checked = await this.checkEditor(actor, title, await this.pages.find(title));
    if (!checked.ok) return checked;
    const heading = cleanText(headingInput, 'talk-error-heading', MAX_HEADING_CODE_POINTS, true);
    if (!heading.ok) return heading;
    const text = cleanText(textInput, 'talk-error-comment', MAX_COMMENT_CODE_POINTS);
    if (!text.ok) return text;
    const at = createdAt ?? this.clock.now();
    const author = actorName(actor);
    let topicThreadId = '';
    const { page, revId } = await this.pages.recordEdit(
      title,
      actor,
      { summary: this.summary('new-topic', heading.value), content: null, sizeDelta: Buffer.byteLength(heading.value) + Buffer.byteLength(text.value), createdAt: at },
      async (page, revId) => {
        const taken = (id: string) => this.items.isTaken(page.id, id);
        topicThreadId = await firstFree(headingIdCandidates(author, at, heading.value), taken);
        const base = { pageId: page.id, revId, authorName: author, authorUserId: 'user' in actor ? actor.user.id : null, createdAt: at };
        const headingItemId = await this.items.insert({ ...base, threadId: topicThreadId, kind: 'heading', topicItemId: null, parentItemId: null, depth: 0, body: heading.value });
        await this.items.insert({
          ...base,
          threadId: await firstFree(commentIdCandidates(author, at, topicThreadId), taken),
          kind: 'comment',
          topicItemId: headingItemId,
          parentItemId: null,
          depth: 0,
          body: text.value,
        });
      },
    );
    return ok({ revId, threadId: topicThreadId, page });
  }

  /** Replies to a comment, or to a topic (a new comment at its first level). */
  async addReply(title: Title, actor: Actor, parentThreadId: string, textInput: unknown, createdAt?: number): Promise<Result<PostedItem>> {
    const existingPage = await this.pages.find(title);
    const checked = await this.checkEditor(actor, title, existingPage);
    if (!checked.ok) return checked;
    const parent = existingPage ? await this.items.find(existingPage.id, parentThreadId) : null;
    if (!existingPage || !parent) return err('talk-error-reply-target-missing', { threadId: parentThreadId }, 404);
    const text = cleanText(textInput, 'talk-error-comment', MAX_COMMENT_CODE_POINTS);
    if (!text.ok) return text;
    const at = createdAt ?? this.clock.now();
    const author = actorName(actor);
    const topic = parent.kind === 'heading' ? parent : (await this.items.findById(parent.topicItemId!))!;
    let threadId = '';
    const { page, revId } = await this.pages.recordEdit(
      title,
      actor,
      { summary: this.summary('reply', topic.body), content: null, sizeDelta: Buffer.byteLength(text.value), createdAt: at },
      async (page, revId) => {
        threadId = await firstFree(commentIdCandidates(author, at, parent.threadId), (id) => this.items.isTaken(page.id, id));
        await this.items.insert({
          pageId: page.id,
          revId,
          threadId,
          kind: 'comment',
          topicItemId: topic.id,
          parentItemId: parent.kind === 'comment' ? parent.id : null,
          depth: parent.kind === 'comment' ? Math.min(parent.depth + 1, MAX_REPLY_DEPTH) : 0,
          authorName: author,
          authorUserId: 'user' in actor ? actor.user.id : null,
          createdAt: at,
          body: text.value,
        });
      },
    );
    return ok({ revId, threadId, page });
  }
}
