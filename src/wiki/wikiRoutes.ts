/** The wiki's page routes: /wiki/{title}, /w/index.php (oldid, history, reply, new topic) and special pages. */
import { constants as zlibConstants, inflateRawSync } from 'node:zlib';
import type { Request, Response } from 'express';
import { Router } from 'express';
import type { Services } from '../container.js';
import { chromeServices, presentChrome } from '../http/chromePresenter.js';
import { ctx, param } from '../http/context.js';
import { type FieldError, field, formToken, hasValidToken } from '../http/forms.js';
import { acceptsDeflate, deflateAround, deflatePart, joinParts } from '../http/deflateParts.js';
import { renderPage, renderPageHtml, renderToString } from '../http/render.js';
import { timestampParts } from '../i18n/formatDate.js';
import { AppError, notFound } from '../shared/AppError.js';
import { REPLY_CAPABILITY } from '../talk/talkMenuItems.js';
import { authorView, presentThreads } from '../talk/talkPagePresenter.js';
import { ThreadsHtmlCache } from '../talk/ThreadsHtmlCache.js';
import { directionOf } from '../i18n/createI18n.js';
import { SafeHtml } from '../shared/SafeHtml.js';
import { MAX_COMMENT_CODE_POINTS, MAX_HEADING_CODE_POINTS } from '../talk/TalkPageService.js';
import { presentBlocks, titlesIn } from './contentPresenter.js';
import { indexPhp, permanentLink } from './links.js';
import { NS_SPECIAL } from './namespaces.js';
import type { PageRecord, RevisionRecord } from './PageRepository.js';
import type { SpecialPage } from './SpecialPage.js';
import { encodeTitleForUrl, parseTitle, type Title } from './Title.js';
import { lineDiff, withContext } from './lineDiff.js';
import { parseWikitext } from './wikitext.js';

const HISTORY_PAGE_SIZE = 50;
/** Where a talk page's cached threads go; a comment, so it can never come from escaped user text. */
const THREADS_MARKER = '<!--threads-->';
/** Topics rendered and compressed together when a talk page's threads are cached (a few hundred KiB of HTML). */
const TOPICS_PER_PART = 25;

export const wikiRouteServices = [...chromeServices, 'messages', 'talk', 'threadsCache'] as const;

export function wikiRoutes(c: Services<(typeof wikiRouteServices)[number]>, specialPages: SpecialPage[]): Router {
  const router = Router();
  const specials = new Map(specialPages.map((p) => [p.name.toLowerCase(), p]));
  const t0 = c.messages.translator(c.settings.LanguageCode);
  // Page text keeps the content language's direction inside an interface of another (MediaWiki's mw-content-ltr/-rtl).
  const pageLang = { lang: c.settings.LanguageCode, dir: directionOf(c.settings.LanguageCode) };

  const mainPagePath = () => {
    const main = parseTitle(t0('mainpage'), c.namespaces);
    return main.ok ? main.value.path : '/wiki/Main_Page';
  };

  const titleOrBadTitle = (input: string): Title => {
    const parsed = parseTitle(input, c.namespaces);
    if (!parsed.ok) throw new AppError(400, parsed.messageKey, { title: input }, true);
    return parsed.value;
  };

  const titleOfPage = (page: PageRecord): Title => {
    const parsed = parseTitle(`${c.namespaces.nameOf(page.namespace)}:${page.title}`, c.namespaces);
    if (!parsed.ok) throw new Error(`stored title does not parse: ${page.namespace}:${page.title}`);
    return parsed.value;
  };

  const sendToLogin = (res: Response, title: Title, query: Record<string, string>) => {
    const returntoquery = new URLSearchParams(query).toString();
    res.redirect(303, `/wiki/Special:UserLogin?returnto=${encodeURIComponent(title.prefixedDbKey)}&returntoquery=${encodeURIComponent(returntoquery)}`);
  };

  async function dispatch(req: Request, res: Response, title: Title): Promise<void> {
    if (title.namespace === NS_SPECIAL) return special(req, res, title);
    const action = param(req.query, 'action') ?? 'view';
    const oldid = param(req.query, 'oldid');
    if (req.method === 'POST' && action !== 'reply' && action !== 'edit') throw new AppError(405, 'app-error-method-not-allowed');
    const diffParam = param(req.query, 'diff');
    if (diffParam !== undefined && action === 'view') return diff(res, title, diffParam, oldid);
    switch (action) {
      case 'view':
        return view(req, res, title, oldid);
      case 'history':
        return history(req, res, title);
      case 'raw':
        return raw(res, title, oldid);
      case 'reply':
        return reply(req, res, title);
      case 'edit':
        if (param(req.query, 'section') === 'new') return newTopic(req, res, title);
        throw new AppError(400, 'wiki-error-unknown-action', { action });
      default:
        throw new AppError(400, 'wiki-error-unknown-action', { action });
    }
  }

  async function special(req: Request, res: Response, title: Title): Promise<void> {
    const slash = title.text.indexOf('/');
    const name = slash >= 0 ? title.text.slice(0, slash) : title.text;
    const subpage = slash >= 0 ? title.text.slice(slash + 1) : null;
    const page = specials.get(name.toLowerCase());
    if (!page) {
      return renderPage(res, {
        view: 'errors/error',
        status: 404,
        model: { messageKey: 'wiki-error-no-such-special', params: { name } },
        chrome: await presentChrome(c, res, { title, heading: ctx(res).t('wiki-error-no-such-special-title'), action: 'error' }),
      });
    }
    if (page.name !== name) {
      res.redirect(301, `/wiki/Special:${page.name}${subpage !== null ? '/' + encodeTitleForUrl(subpage.replace(/ /g, '_')) : ''}${queryString(req)}`);
      return;
    }
    const handler = req.method === 'POST' ? page.post : page.get;
    if (!handler) throw new AppError(405, 'app-error-method-not-allowed');
    await handler(req, res, subpage);
  }

  async function view(req: Request, res: Response, requested: Title, oldid: string | undefined): Promise<void> {
    const { t, lang, user, uselang, link } = ctx(res);
    let title = requested;
    // With ?oldid= the revision names its page (read with it below); the title is not looked up.
    let page = oldid === undefined ? await c.pages.find(title) : null;
    let revision: RevisionRecord | null = null;
    if (oldid !== undefined) {
      const id = /^\d{1,15}$/.test(oldid) ? Number(oldid) : NaN;
      const found = Number.isSafeInteger(id) ? await c.pages.revisionWithPage(id) : null;
      if (!found) {
        return renderPage(res, {
          view: 'errors/error',
          status: 404,
          model: { messageKey: 'wiki-error-missing-revision', params: { id: oldid, title: requested.prefixedText } },
          chrome: await presentChrome(c, res, { title, heading: t('wiki-error-missing-revision-title'), action: 'error' }),
        });
      }
      // As MediaWiki: the revision decides which page is shown, whatever the title says.
      ({ revision, page } = found);
      title = titleOfPage(page);
    }
    if (!page) return missing(res, title);
    revision ??= (await c.pages.revision(page.latestRevId))!;
    const isLatest = revision.id === page.latestRevId;
    // The talk branch needs the reader's capabilities in its chrome: each branch presents its own, once.
    const chrome = () => presentChrome(c, res, { title, page, revId: revision.id, isLatest, action: 'view' });
    const oldNotice = isLatest ? null : await presentOldRevisionNotice(revision, title, page, lang);

    if (page.contentModel === 'talk') {
      // Links in the threads carry ?uselang when the URL named the language: a variant of its own in the cache.
      const key = ThreadsHtmlCache.key(page.id, revision.id, isLatest, uselang ? `${lang}+uselang` : lang);
      let cached = c.threadsCache.get(key);
      if (cached === undefined) {
        const topics = await c.talk.topicsAt(page, revision.id);
        const threads = await presentThreads({ title, page, revId: revision.id, isLatest, topics, lang, t, link }, { menus: c.menus, namespaces: c.namespaces, existing: (titles) => c.pages.existing(titles) });
        // Rendered and compressed some topics at a time: the page's HTML never exists as one string.
        const parts = [];
        for (let i = 0; i < threads.length; i += TOPICS_PER_PART) {
          parts.push(deflatePart(await renderToString(res, 'talk/threads', { t, lang, pageLang, talk: { topics: threads.slice(i, i + TOPICS_PER_PART) } })));
        }
        cached = { deflated: joinParts(parts), topicCount: topics.length };
        c.threadsCache.set(key, cached);
      }
      const capabilities = c.menus.capabilitiesOf({ viewer: user, viewerBlocks: ctx(res).blocks, title, page });
      // The page is rendered around a marker; the cached threads go in its place, compressed or not.
      const html = await renderPageHtml(res, {
        view: 'talk/page',
        model: {
          threadsHtml: new SafeHtml(THREADS_MARKER),
          topicCount: cached.topicCount,
          newTopicHref: capabilities.includes(REPLY_CAPABILITY) ? indexPhp(title, { action: 'edit', section: 'new' }) : null,
          oldNotice,
        },
        chrome: await presentChrome(c, res, { title, page, revId: revision.id, isLatest, action: 'view', capabilities }),
      });
      const at = html.indexOf(THREADS_MARKER);
      const head = html.slice(0, at);
      const tail = html.slice(at + THREADS_MARKER.length);
      res.status(200).type('html').setHeader('Vary', 'Accept-Encoding');
      if (acceptsDeflate(req.headers['accept-encoding'])) {
        res.setHeader('Content-Encoding', 'deflate');
        // The cached bytes are written as they are, not copied into one buffer per response.
        const parts = deflateAround(head, cached.deflated, tail);
        res.setHeader('Content-Length', parts.reduce((n, p) => n + p.length, 0));
        res.cork();
        for (const p of parts) res.write(p);
        res.end();
        res.uncork();
      } else {
        res.end(head + inflateRawSync(cached.deflated.data, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString('utf8') + tail);
      }
      return;
    }
    if (page.contentModel === 'json') {
      return renderPage(res, { view: 'wiki/json', model: { json: prettyJson(revision.content ?? ''), oldNotice }, chrome: await chrome() });
    }
    const blocks = parseWikitext(revision.content ?? '', c.namespaces);
    const content = presentBlocks(blocks, await c.pages.existing(titlesIn(blocks)));
    return renderPage(res, { view: 'wiki/page', model: { content, oldNotice, pageLang }, chrome: await chrome() });
  }

  async function presentOldRevisionNotice(revision: RevisionRecord, title: Title, page: PageRecord, lang: string) {
    const when = timestampParts(revision.createdAt, lang);
    const newer = await c.pages.nextRevisionId(page, revision.id);
    return {
      author: authorView(revision.actorName),
      ...when,
      latestHref: title.path,
      olderHref: revision.parentId ? permanentLink(title, revision.parentId) : null,
      newerHref: newer ? permanentLink(title, newer) : null,
    };
  }

  /**
   * ?diff=N&oldid=M: the lines that changed between two revisions of a text or JSON page, as MediaWiki's
   * diff links: diff=prev&oldid=N compares N with the revision before it, diff=cur with the latest.
   */
  async function diff(res: Response, title: Title, diffParam: string, oldidParam: string | undefined): Promise<void> {
    const { lang, t } = ctx(res);
    const page = await c.pages.find(title);
    if (!page) return missing(res, title);
    const byId = async (v: string | undefined) => (v !== undefined && /^\d{1,15}$/.test(v) ? await c.pages.revision(Number(v)) : null);
    const newer = diffParam === 'prev' ? await byId(oldidParam) : diffParam === 'cur' ? await c.pages.revision(page.latestRevId) : await byId(diffParam);
    const explicitOlder = diffParam !== 'prev' && oldidParam !== undefined ? await byId(oldidParam) : undefined;
    const older = explicitOlder !== undefined ? explicitOlder : newer?.parentId ? await c.pages.revision(newer.parentId) : null;
    if (!newer || newer.pageId !== page.id || (explicitOlder !== undefined && (!older || older.pageId !== page.id))) {
      throw new AppError(404, 'wiki-error-missing-revision', { id: diffParam, title: title.prefixedText });
    }
    if (newer.content === null) throw new AppError(400, 'wiki-error-diff-talk');
    const side = (r: RevisionRecord | null) => (r ? { id: r.id, href: permanentLink(title, r.id), author: authorView(r.actorName), summary: r.summary, ...timestampParts(r.createdAt, lang) } : null);
    return renderPage(res, {
      view: 'wiki/diff',
      model: { ...diffModel(older?.content ?? '', newer.content), older: side(older), newer: side(newer) },
      chrome: await presentChrome(c, res, { title, page, revId: newer.id, isLatest: newer.id === page.latestRevId, action: 'history', heading: t('wiki-diff-title', { title: title.prefixedText }) }),
    });
  }

  async function missing(res: Response, title: Title): Promise<void> {
    const { user } = ctx(res);
    const isTalk = c.namespaces.isTalk(title.namespace);
    const canEdit = isTalk && (await c.pages.editDecision(user, title, null)).allowed;
    return renderPage(res, {
      view: 'wiki/missing',
      status: 404,
      model: { newTopicHref: canEdit ? indexPhp(title, { action: 'edit', section: 'new' }) : null, isTalk, loggedIn: user !== null },
      chrome: await presentChrome(c, res, { title, page: null, revId: null, action: 'view' }),
    });
  }

  async function history(req: Request, res: Response, title: Title): Promise<void> {
    const { lang } = ctx(res);
    const page = await c.pages.find(title);
    if (!page) return missing(res, title);
    const offsetParam = param(req.query, 'offset');
    const before = offsetParam && /^\d{1,15}$/.test(offsetParam) ? Number(offsetParam) : Number.MAX_SAFE_INTEGER;
    const rows = await c.pages.history(page, before, HISTORY_PAGE_SIZE + 1);
    const more = rows.length > HISTORY_PAGE_SIZE;
    const revisions = rows.slice(0, HISTORY_PAGE_SIZE).map((r) => ({
      id: r.id,
      href: permanentLink(title, r.id),
      ...timestampParts(r.createdAt, lang),
      author: authorView(r.actorName),
      size: r.size,
      summary: r.summary,
      isLatest: r.id === page.latestRevId,
      // Talk pages grow by whole comments and have no text to compare; the others link each change.
      diffHref: page.contentModel !== 'talk' && r.parentId ? indexPhp(title, { diff: 'prev', oldid: r.id }) : null,
    }));
    return renderPage(res, {
      view: 'wiki/history',
      model: {
        revisions,
        olderHref: more ? indexPhp(title, { action: 'history', offset: revisions[revisions.length - 1]!.id }) : null,
        newestHref: before !== Number.MAX_SAFE_INTEGER ? indexPhp(title, { action: 'history' }) : null,
        total: await c.pages.revisionCount(page),
      },
      chrome: await presentChrome(c, res, { title, page, revId: page.latestRevId, action: 'history', heading: ctx(res).t('wiki-history-title', { title: title.prefixedText }) }),
    });
  }

  async function raw(res: Response, title: Title, oldid: string | undefined): Promise<void> {
    const page = await c.pages.find(title);
    const revision = oldid && /^\d{1,15}$/.test(oldid) ? await c.pages.revision(Number(oldid)) : page ? await c.pages.revision(page.latestRevId) : null;
    if (!page || !revision || revision.pageId !== page.id) throw notFound('wiki-error-missing-page');
    if (revision.content === null) throw new AppError(400, 'wiki-error-raw-talk');
    res.type(page.contentModel === 'json' ? 'application/json' : 'text/plain').send(revision.content);
  }

  /** Reply form and its submission; POST-redirect-GET to the new comment. */
  async function reply(req: Request, res: Response, title: Title): Promise<void> {
    const { user, t } = ctx(res);
    const replyTo = param(req.query, 'replyto') ?? '';
    if (!user) return sendToLogin(res, title, { action: 'reply', replyto: replyTo });
    const page = await c.pages.find(title);
    const target = page ? await c.talk.findItem(page, replyTo) : null;
    if (!page || !target) throw new AppError(404, 'talk-error-reply-target-missing', { threadId: replyTo });
    const decision = await c.pages.editDecision(user, title, page);
    if (!decision.allowed) throw new AppError(403, decision.messageKey, { reason: decision.block?.reason ?? '' });

    let text = '';
    const errors: FieldError[] = [];
    if (req.method === 'POST') {
      text = field(req, 'wpTextbox1') ?? '';
      if (!hasValidToken(c, req, res)) {
        errors.push({ field: 'wpTextbox1', messageKey: 'session-failure' });
      } else {
        const posted = await c.talk.addReply(title, { user }, replyTo, text);
        if (posted.ok) {
          res.redirect(303, ctx(res).link(`${title.path}#${encodeURIComponent(posted.value.threadId)}`));
          return;
        }
        errors.push({ field: 'wpTextbox1', messageKey: posted.messageKey, ...(posted.params ? { params: posted.params } : {}) });
      }
    }
    const when = timestampParts(target.createdAt, ctx(res).lang);
    const targetBlocks = target.kind === 'comment' ? parseWikitext(target.body, c.namespaces) : [];
    return renderPage(res, {
      view: 'talk/reply',
      status: errors.length ? 422 : 200,
      model: {
        target: {
          kind: target.kind,
          heading: target.kind === 'heading' ? target.body : null,
          blocks: presentBlocks(targetBlocks, await c.pages.existing(titlesIn(targetBlocks))),
          author: authorView(target.authorName),
          ...when,
        },
        action: indexPhp(title, { action: 'reply', replyto: replyTo }),
        cancelHref: `${title.path}#${encodeURIComponent(replyTo)}`,
        token: formToken(c, res),
        text,
        errors,
        maxLength: MAX_COMMENT_CODE_POINTS,
      },
      chrome: await presentChrome(c, res, {
        title,
        page,
        revId: page.latestRevId,
        action: 'reply',
        heading: t('talk-reply-title', { title: title.prefixedText }),
      }),
    });
  }

  async function newTopic(req: Request, res: Response, title: Title): Promise<void> {
    const { user, t } = ctx(res);
    if (!user) return sendToLogin(res, title, { action: 'edit', section: 'new' });
    if (!c.namespaces.isTalk(title.namespace)) throw new AppError(400, 'talk-error-not-talk-page');
    const page = await c.pages.find(title);
    const decision = await c.pages.editDecision(user, title, page);
    if (!decision.allowed) throw new AppError(403, decision.messageKey, { reason: decision.block?.reason ?? '' });

    let subject = '';
    let text = '';
    const errors: FieldError[] = [];
    if (req.method === 'POST') {
      subject = field(req, 'wpSummary') ?? '';
      text = field(req, 'wpTextbox1') ?? '';
      if (!hasValidToken(c, req, res)) {
        errors.push({ field: 'wpSummary', messageKey: 'session-failure' });
      } else {
        const posted = await c.talk.addTopic(title, { user }, subject, text);
        if (posted.ok) {
          res.redirect(303, ctx(res).link(`${title.path}#${encodeURIComponent(posted.value.threadId)}`));
          return;
        }
        const fieldName = posted.messageKey.startsWith('talk-error-heading') ? 'wpSummary' : 'wpTextbox1';
        errors.push({ field: fieldName, messageKey: posted.messageKey, ...(posted.params ? { params: posted.params } : {}) });
      }
    }
    return renderPage(res, {
      view: 'talk/new-topic',
      status: errors.length ? 422 : 200,
      model: {
        action: indexPhp(title, { action: 'edit', section: 'new' }),
        cancelHref: title.path,
        token: formToken(c, res),
        subject,
        text,
        errors,
        maxLength: MAX_COMMENT_CODE_POINTS,
        maxSubjectLength: MAX_HEADING_CODE_POINTS,
      },
      chrome: await presentChrome(c, res, { title, page, revId: page?.latestRevId ?? null, action: 'new-topic', heading: t('talk-new-topic-title', { title: title.prefixedText }) }),
    });
  }

  router.get('/', (_req, res) => res.redirect(301, mainPagePath()));
  router.get('/wiki', (_req, res) => res.redirect(301, mainPagePath()));
  router.get('/wiki/', (_req, res) => res.redirect(301, mainPagePath()));

  router.all('/wiki/{*rest}', async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'POST' && req.method !== 'HEAD') throw new AppError(405, 'app-error-method-not-allowed');
    const rawPath = req.path.slice('/wiki/'.length);
    let input: string;
    try {
      input = decodeURIComponent(rawPath);
    } catch {
      throw new AppError(400, 'title-invalid-characters', { title: rawPath });
    }
    const title = titleOrBadTitle(input);
    // One URL per page: /wiki/talk:african wild dog answers with a redirect to /wiki/Talk:African_wild_dog.
    if (req.method === 'GET' && title.namespace !== NS_SPECIAL && title.path !== req.path) {
      res.redirect(301, title.path + queryString(req));
      return;
    }
    await dispatch(req, res, title);
  });

  router.all('/w/index.php', async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'POST' && req.method !== 'HEAD') throw new AppError(405, 'app-error-method-not-allowed');
    const titleParam = param(req.query, 'title');
    const oldid = param(req.query, 'oldid');
    if (titleParam === undefined && oldid !== undefined) {
      const revision = /^\d{1,15}$/.test(oldid) ? await c.pages.revision(Number(oldid)) : null;
      const page = revision ? await c.pages.findById(revision.pageId) : null;
      if (!page) throw new AppError(404, 'wiki-error-missing-revision', { id: oldid, title: '' });
      return dispatch(req, res, titleOfPage(page));
    }
    if (titleParam === undefined) {
      res.redirect(301, mainPagePath());
      return;
    }
    await dispatch(req, res, titleOrBadTitle(titleParam));
  });

  return router;
}

function queryString(req: Request): string {
  const i = req.originalUrl.indexOf('?');
  return i >= 0 ? req.originalUrl.slice(i) : '';
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A diff page's lines: each change with three unchanged lines around it, as MediaWiki shows them. */
function diffModel(before: string, after: string) {
  const lines = lineDiff(before, after);
  return { lines: withContext(lines, 3), identical: lines.every((l) => l.op === ' ') };
}
