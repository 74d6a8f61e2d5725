/**
 * A subset of MediaWiki's Action API at /w/api.php, answering in MediaWiki's JSON shapes:
 * action=query (meta=tokens|userinfo|siteinfo, list=allusers) and action=login.
 */
import type { Request, Response } from 'express';
import { Router } from 'express';
import type { UserAccount } from '../accounts/UserAccount.js';
import { effectiveGroups, rightsOf } from '../accounts/UserAccount.js';
import type { Services } from '../container.js';
import { ctx } from '../http/context.js';
import { ensureSession, setSession } from '../http/requestContext.js';
import type { TokenType } from '../sessions/SessionService.js';
import { isDatabaseBusy, isDatabaseUnreachable } from '../storage/databaseErrors.js';
import { NS_MAIN } from '../wiki/namespaces.js';
import { parseTitle } from '../wiki/Title.js';

export const GENERATOR = 'MediaWiki 1.45.0';
const tokenTypes = ['csrf', 'login', 'createaccount', 'patrol', 'rollback', 'userrights', 'watch'] as const;
const LEGAL_TITLE_CHARS = " %!\"$&'()*,\\-.\\/0-9:;=?@A-Z\\\\^_`a-z~\\x80-\\xFF+";

/** A failure the API reports as {"error": {...}}; `code` is MediaWiki's. */
class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly messageKey: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

type Params = Record<string, string>;

/** GET and POST parameters merged, POST winning, as WebRequest does; repeated names keep the last. */
function readParams(req: Request): { params: Params; posted: Set<string> } {
  const params: Params = {};
  const posted = new Set<string>();
  const add = (source: unknown, fromBody: boolean) => {
    if (!source || typeof source !== 'object') return;
    for (const [k, v] of Object.entries(source as Record<string, unknown>)) {
      const value = Array.isArray(v) ? v[v.length - 1] : v;
      if (typeof value !== 'string') continue;
      params[k] = value;
      if (fromBody) posted.add(k);
    }
  };
  add(req.query, false);
  if (req.method === 'POST') add(req.body, true);
  return { params, posted };
}

/** An error or a warning before it is written in the request's error format. */
interface ApiMessage {
  module: string;
  code: string;
  messageKey: string;
  params: Record<string, unknown>;
}

const errorFormats = ['bc', 'plaintext', 'wikitext', 'html', 'raw', 'none'] as const;
type ErrorFormat = (typeof errorFormats)[number];

const list = (value: string | undefined): string[] => (value ? value.split('|').map((v) => v.trim()).filter(Boolean) : []);

export const apiServices = ['accounts', 'clock', 'logger', 'messages', 'namespaces', 'sessions', 'settings', 'sql'] as const;

export function apiRoutes(c: Services<(typeof apiServices)[number]>): Router {
  const router = Router();
  const en = c.messages.translator('en');

  router.all('/w/api.php', async (req, res) => {
    const { params, posted } = readParams(req);
    const fv2 = params.formatversion === '2' || params.formatversion === 'latest';
    const messages = apiMessages(params, ctx(res).user);
    const warnings: ApiMessage[] = [];
    const warn = (module: string, key: string, p: Record<string, unknown> = {}) => warnings.push({ module, code: key.replace(/^apiwarn-/u, ''), messageKey: key, params: p });
    const used = new Set(['action', 'format', 'formatversion', 'maxlag', 'assert', 'assertuser', 'errorformat', 'uselang', 'errorlang', 'utf8', 'origin', 'smaxage', 'maxage', 'curtimestamp', 'servedby', 'requestid', 'responselanginfo']);
    const bool = (v: boolean) => (fv2 ? v : v ? '' : undefined);

    const send = (body: Record<string, unknown>, errorCode?: string) => {
      if (warnings.length && messages.format === 'bc') {
        const byModule = new Map<string, string[]>();
        for (const w of warnings) byModule.set(w.module, [...(byModule.get(w.module) ?? []), en(w.messageKey, w.params)]);
        body.warnings = Object.fromEntries([...byModule].map(([m, w]) => [m, fv2 ? { warnings: w.join('\n') } : { '*': w.join('\n') }]));
      } else if (warnings.length) body.warnings = warnings.map(messages.entry);
      if (params.curtimestamp !== undefined) body.curtimestamp = new Date(c.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
      if (params.requestid !== undefined) body.requestid = params.requestid;
      if (errorCode) res.setHeader('MediaWiki-API-Error', errorCode);
      // (#16) An API answer may carry a token or an email address (uiprop=email): never stored.
      res.setHeader('Cache-Control', 'private, no-cache, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      if (params.format === 'jsonfm' || params.format === undefined) {
        res.type('html').render('api/jsonfm', { json: JSON.stringify(body, null, 4) });
      } else {
        res.type('application/json').send(JSON.stringify(body));
      }
    };

    try {
      if (messages.invalidFormat) throw new ApiError('badvalue', 'apierror-badvalue', { name: 'errorformat', value: params.errorformat });
      const format = params.format ?? 'jsonfm';
      if (format !== 'json' && format !== 'jsonfm') throw new ApiError('badvalue', 'apierror-badvalue', { name: 'format', value: format });
      const action = params.action ?? 'help';
      const user = ctx(res).user;
      checkAssert(params, user);
      let result: Record<string, unknown>;
      if (action === 'query') {
        result = await query(params, user, warn, used, bool, res);
      } else if (action === 'login') {
        for (const p of ['lgname', 'lgpassword', 'lgtoken', 'lgdomain']) used.add(p);
        if (req.method !== 'POST' || (params.lgpassword !== undefined && !posted.has('lgpassword'))) {
          throw new ApiError('mustpostparams', 'apierror-mustpostparams', { names: 'lgpassword' });
        }
        return void login(params, res).then((r) => {
          noteUnused(params, used, warn);
          send(r);
        }).catch((e: unknown) => sendError(e));
      } else if (action === 'help') {
        throw new ApiError('badvalue', 'apierror-nohelp', {});
      } else {
        throw new ApiError('badvalue', 'apierror-badvalue', { name: 'action', value: action });
      }
      noteUnused(params, used, warn);
      send({ batchcomplete: bool(true), ...result });
    } catch (e) {
      sendError(e);
    }

    function sendError(e: unknown) {
      // (#17) Another process's write lock: nothing was written, and trying again shortly works.
      let error: ApiMessage;
      if (isDatabaseBusy(e)) {
        res.setHeader('Retry-After', '5');
        error = { module: 'main', code: 'readonly', messageKey: 'app-error-busy', params: {} };
      } else if (isDatabaseUnreachable(e)) {
        // PostgreSQL does not answer: logged for the operator, told to the caller as MediaWiki's read-only error.
        c.logger.error('the database does not answer', { error: e instanceof Error ? e.message : String(e) });
        res.setHeader('Retry-After', '5');
        error = { module: 'main', code: 'readonly', messageKey: 'app-error-storage-unreachable', params: {} };
      } else if (!(e instanceof ApiError)) {
        c.logger.error('api request failed', { error: e instanceof Error ? e.stack : String(e) });
        error = { module: 'main', code: 'internal_api_error', messageKey: 'apierror-internal', params: {} };
      } else error = { module: 'main', code: e.code, messageKey: e.messageKey, params: e.params };
      if (messages.format !== 'bc') {
        send({ errors: [messages.entry(error)], docref: messages.t('apierror-docref') }, error.code);
        return;
      }
      const info = en(error.messageKey, error.params);
      const docref = en('apierror-docref');
      // The old format gave the documentation pointer only with a module's own errors.
      if (!(e instanceof ApiError)) send({ error: { code: error.code, info } }, error.code);
      else send({ error: fv2 ? { code: error.code, info, docref } : { code: error.code, info, '*': docref } }, error.code);
    }
  });

  /**
   * How errors and warnings are written, as MediaWiki's ApiMain does it: `errorformat=bc` (the default) keeps the old
   * English `error.info`; `plaintext`, `wikitext`, `html`, `raw` and `none` give `errors`/`warnings` lists in
   * `errorlang`, which is `uselang` unless given (`content` is the wiki's language), and `uselang` is the user's
   * preference, else the wiki's language, unless given.
   */
  function apiMessages(params: Params, user: UserAccount | null) {
    const content = c.settings.LanguageCode;
    const known = (l: string | undefined): l is string => l !== undefined && c.messages.has(l);
    const asked = params.uselang;
    const uselang = asked === undefined || asked === 'user' ? (known(user?.language ?? undefined) ? user!.language! : content) : asked === 'content' ? content : known(asked) ? asked : content;
    const errorlang = params.errorlang === undefined || params.errorlang === 'uselang' ? uselang : params.errorlang === 'content' ? content : known(params.errorlang) ? params.errorlang : 'en';
    const format = params.errorformat ?? 'bc';
    const invalidFormat = !errorFormats.includes(format as ErrorFormat);
    const t = c.messages.translator(invalidFormat ? 'en' : errorlang);
    const tHtml = c.messages.htmlTranslator(errorlang);
    const entry = ({ module, code, messageKey: key, params: p }: ApiMessage): Record<string, unknown> => {
      switch (format as ErrorFormat) {
        case 'none':
          return { code, module };
        case 'raw':
          return { code, key, params: Object.values(p), module };
        case 'html':
          return { code, html: tHtml(key, p).html, module };
        default:
          return { code, text: t(key, p), module };
      }
    };
    return { format: invalidFormat ? ('bc' as const) : (format as ErrorFormat), invalidFormat, t, entry };
  }

  function checkAssert(params: Params, user: UserAccount | null) {
    const assert = params.assert;
    if (assert === undefined || assert === '') return;
    if (assert === 'user' && !user) throw new ApiError('assertuserfailed', 'apierror-assertuserfailed');
    if (assert === 'anon' && user) throw new ApiError('assertanonfailed', 'apierror-assertanonfailed');
    if (assert === 'bot' && !(user && user.groups.includes('bot'))) throw new ApiError('assertbotfailed', 'apierror-assertbotfailed');
    if (!['user', 'anon', 'bot'].includes(assert)) throw new ApiError('badvalue', 'apierror-badvalue', { name: 'assert', value: assert });
    if (params.assertuser !== undefined && user?.name !== params.assertuser) {
      throw new ApiError('assertnameduserfailed', 'apierror-assertnameduserfailed', { name: params.assertuser });
    }
  }

  function noteUnused(params: Params, used: Set<string>, warn: (m: string, k: string, p?: Record<string, unknown>) => void) {
    const unused = Object.keys(params).filter((p) => !used.has(p) && p !== '_');
    if (unused.length) warn('main', 'apiwarn-unrecognizedparams', { names: unused.join(', '), count: unused.length });
  }

  async function query(
    params: Params,
    user: UserAccount | null,
    warn: (m: string, k: string, p?: Record<string, unknown>) => void,
    used: Set<string>,
    bool: (v: boolean) => boolean | string | undefined,
    res: Response,
  ): Promise<Record<string, unknown>> {
    used.add('meta').add('list').add('prop').add('titles');
    const out: Record<string, unknown> = {};
    for (const meta of list(params.meta)) {
      if (meta === 'tokens') {
        used.add('type');
        const tokens: Record<string, string> = {};
        for (const type of list(params.type ?? 'csrf')) {
          if (!(tokenTypes as readonly string[]).includes(type)) {
            warn('tokens', 'apiwarn-unrecognizedvalues', { name: 'type', values: type, count: 1 });
            continue;
          }
          // A login token needs a session to be bound to; MediaWiki starts one here too.
          const session = type === 'login' ? await ensureSession(c, res) : ctx(res).session;
          const kind: TokenType = type === 'login' ? 'login' : 'csrf';
          tokens[`${type}token`] = user || type === 'login' ? c.sessions.token(session, kind) : c.sessions.token(null, kind);
        }
        out.tokens = tokens;
      } else if (meta === 'userinfo') {
        used.add('uiprop');
        out.userinfo = await userinfo(user, ctx(res).address, list(params.uiprop), warn, bool);
      } else if (meta === 'siteinfo') {
        used.add('siprop');
        Object.assign(out, await siteinfo(list(params.siprop ?? 'general'), warn, bool));
      } else {
        warn('query', 'apiwarn-unrecognizedvalues', { name: 'meta', values: meta, count: 1 });
      }
    }
    for (const l of list(params.list)) {
      if (l === 'allusers') {
        for (const p of ['auprefix', 'aufrom', 'auto', 'aulimit', 'auprop', 'auwitheditsonly', 'augroup', 'continue']) used.add(p);
        const { users, next } = await allusers(params);
        out.allusers = users;
        if (next !== null) (out as { continue?: unknown }).continue = { aufrom: next, continue: '-||' };
      } else {
        warn('query', 'apiwarn-unrecognizedvalues', { name: 'list', values: l, count: 1 });
      }
    }
    const cont = (out as { continue?: unknown }).continue;
    delete (out as { continue?: unknown }).continue;
    return { ...(cont ? { continue: cont } : {}), ...(Object.keys(out).length ? { query: out } : {}) };
  }

  /** Anonymous callers are named by their address, as MediaWiki does. */
  async function userinfo(user: UserAccount | null, address: string, props: string[], warn: (m: string, k: string, p?: Record<string, unknown>) => void, bool: (v: boolean) => unknown) {
    const now = c.clock.now();
    const groups = effectiveGroups(user, c.settings, now);
    const info: Record<string, unknown> = user ? { id: user.id, name: user.name } : { id: 0, name: address, anon: bool(true) };
    for (const p of props) {
      switch (p) {
        case 'rights':
          info.rights = rightsOf(groups);
          break;
        case 'groups':
          info.groups = groups;
          break;
        case 'editcount':
          if (user) info.editcount = user.editCount;
          break;
        case 'email':
          if (user) {
            info.email = user.email;
            if (user.emailConfirmedAt !== null) info.emailauthenticated = iso(user.emailConfirmedAt);
          }
          break;
        case 'registrationdate':
          if (user) info.registrationdate = iso(user.registeredAt);
          break;
        case 'blockinfo':
          if (user) {
            const block = (await c.accounts.activeBlocks(user))[0];
            if (block) {
              Object.assign(info, {
                blockid: block.id,
                blockedbyid: block.byUserId ?? 0,
                blockreason: block.reason,
                blockedtimestamp: iso(block.createdAt),
                blockexpiry: block.expiresAt === null ? 'infinite' : iso(block.expiresAt),
                blockpartial: bool(!block.sitewide),
              });
            }
          }
          break;
        default:
          warn('userinfo', 'apiwarn-unrecognizedvalues', { name: 'uiprop', values: p, count: 1 });
      }
    }
    return info;
  }

  async function siteinfo(props: string[], warn: (m: string, k: string, p?: Record<string, unknown>) => void, bool: (v: boolean) => unknown) {
    const out: Record<string, unknown> = {};
    const server = new URL(c.settings.Server);
    const mainPage = parseTitle(c.messages.translator(c.settings.LanguageCode)('mainpage'), c.namespaces);
    for (const p of props) {
      switch (p) {
        case 'general':
          out.general = {
            mainpage: mainPage.ok ? mainPage.value.prefixedText : 'Main Page',
            base: `${c.settings.Server}/wiki/${mainPage.ok ? mainPage.value.prefixedDbKey : 'Main_Page'}`,
            sitename: c.settings.Sitename,
            mainpageisdomainroot: bool(false),
            logo: `${c.settings.Server}/static/logo.svg`,
            generator: GENERATOR,
            phpversion: '8.3.0',
            phpsapi: 'node',
            dbtype: c.sql.engine,
            dbversion: await c.sql.version(),
            case: 'first-letter',
            lang: c.settings.LanguageCode,
            fallback: [],
            rtl: bool(false),
            fallback8bitEncoding: 'windows-1252',
            readonly: bool(false),
            writeapi: bool(true),
            maxarticlesize: 2097152,
            timezone: 'UTC',
            timeoffset: 0,
            articlepath: '/wiki/$1',
            scriptpath: '/w',
            script: '/w/index.php',
            server: c.settings.Server,
            servername: server.hostname,
            wikiid: 'demowiki',
            time: iso(c.clock.now()),
            legaltitlechars: LEGAL_TITLE_CHARS,
            invalidusernamechars: '@:>=',
            externallinktarget: bool(false),
          };
          break;
        case 'namespaces':
          out.namespaces = Object.fromEntries(
            c.namespaces.all.map((ns) => [
              String(ns.id),
              {
                id: ns.id,
                case: 'first-letter',
                name: ns.name,
                ...(ns.id !== NS_MAIN ? { canonical: ns.canonical } : {}),
                subpages: bool(ns.id > 0 && ns.id !== 6 && ns.id !== 14),
                content: bool(ns.id === NS_MAIN),
                nonincludable: bool(false),
              },
            ]),
          );
          break;
        case 'namespacealiases':
          out.namespacealiases = c.namespaces.aliases.map((a) => ({ id: a.id, alias: a.alias }));
          break;
        default:
          warn('siteinfo', 'apiwarn-unrecognizedvalues', { name: 'siprop', values: p, count: 1 });
      }
    }
    return out;
  }

  async function allusers(params: Params) {
    const limitParam = params.aulimit ?? '10';
    const limit = limitParam === 'max' ? 500 : Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1) throw new ApiError('badinteger', 'apierror-badinteger', { name: 'aulimit', value: limitParam });
    const capped = Math.min(limit, 500);
    const norm = (s: string | undefined) => (s ? s.replace(/_/g, ' ').replace(/^./u, (ch) => ch.toUpperCase()) : '');
    const props = list(params.auprop);
    const rows = await c.accounts.list({ from: norm(params.aufrom), to: norm(params.auto), prefix: norm(params.auprefix), limit: capped + 1 });
    const now = c.clock.now();
    const users: Record<string, unknown>[] = [];
    for (const u of rows.slice(0, capped)) {
      const entry: Record<string, unknown> = { userid: u.id, name: u.name };
      if (props.includes('editcount')) entry.editcount = u.editCount;
      if (props.includes('registration')) entry.registration = iso(u.registeredAt);
      if (props.includes('groups')) entry.groups = effectiveGroups(u, c.settings, now);
      const blocks = props.includes('blockinfo') ? await c.accounts.activeBlocks(u) : [];
      if (blocks.length > 0) entry.blockid = blocks[0]!.id;
      users.push(entry);
    }
    return { users, next: rows.length > capped ? rows[capped]!.name : null };
  }

  async function login(params: Params, res: Response): Promise<Record<string, unknown>> {
    const session = ctx(res).session;
    if (!params.lgtoken) {
      return { login: { result: 'NeedToken', token: c.sessions.token(await ensureSession(c, res), 'login') } };
    }
    if (!c.sessions.verifyToken(session, 'login', params.lgtoken)) return { login: { result: 'WrongToken' } };
    if (!params.lgname || params.lgpassword === undefined) {
      return { login: { result: 'Failed', reason: en('apierror-login-failed') } };
    }
    const result = await c.accounts.authenticate(params.lgname, params.lgpassword, ctx(res).address);
    if (!result.ok) {
      const reason = en(result.messageKey === 'login-error-throttled' ? 'login-error-throttled' : 'apierror-login-failed', result.params ?? {});
      return { login: { result: 'Failed', reason } };
    }
    await setSession(c, res, await c.sessions.rotate(session, result.value.id));
    return { login: { result: 'Success', lguserid: result.value.id, lgusername: result.value.name } };
  }

  return router;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
