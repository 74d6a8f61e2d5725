/**
 * Special:CommunityConfiguration/ReportIncident: the community configuration editor for interface-admins,
 * as a form built from the schema or as JSON, with a preview of every Get support page before saving,
 * an edit summary, the history, diffs, and restoring an old version.
 */
import type { Request, Response } from 'express';
import type { Services } from '../container.js';
import { chromeServices, presentChrome } from '../http/chromePresenter.js';
import { ctx, param } from '../http/context.js';
import { type FieldError, field, formToken, hasValidToken } from '../http/forms.js';
import { renderPage } from '../http/render.js';
import { timestampParts } from '../i18n/formatDate.js';
import { AppError } from '../shared/AppError.js';
import { presentSupportPage } from '../support/supportPagePresenter.js';
import { behaviorTypes } from '../taxonomy/taxonomy.js';
import { authorView } from '../talk/talkPagePresenter.js';
import { lineDiff, withContext } from '../wiki/lineDiff.js';
import { indexPhp, permanentLink } from '../wiki/links.js';
import type { SpecialPage } from '../wiki/SpecialPage.js';
import { parseTitle } from '../wiki/Title.js';
import type { CommunityConfig } from './communityConfigSchema.js';
import type { ConfigIssue } from './communityConfigValidator.js';
import { configFromForm, EMPTY_RESOURCE_ROWS, EMPTY_TEMPLATE_ROWS, fieldId, nameOfPointer, presentForm } from './communityConfigForm.js';
import { serialise } from './CommunityConfigService.js';

const PROVIDER = 'ReportIncident';

/** The form field an error belongs to: list fields are one field; help methods are Property.Method. */
function fieldIdOfPointer(pointer: string): string {
  const parts = nameOfPointer(pointer).split('.');
  const listFields = ['ReportIncident_CrisisResources', 'ReportIncidentE2ETesterUsers', 'ReportIncidentEnabledNamespaces'];
  return fieldId(parts.slice(0, listFields.includes(parts[0] ?? '') || !(parts[0] ?? '').endsWith('_HelpMethod') ? 1 : 2).join('.'));
}
const BASE = `/wiki/Special:CommunityConfiguration/${PROVIDER}`;

interface EditorState {
  mode: 'form' | 'json';
  /** The configuration shown in the form (possibly invalid, as typed). */
  config: Record<string, unknown>;
  json: string;
  summary: string;
  baseRevId: number | null;
  issues: ConfigIssue[];
  preview: boolean;
  saved: boolean;
  jsonPosition?: { line: number; column: number } | undefined;
  /** An old version asked to be restored (?restore=N): shown with the change it would make, to confirm. */
  restoreRevId?: number | undefined;
  status: number;
}

export const communityConfigPageServices = [...chromeServices, 'communityConfig', 'communityConfigEditor'] as const;

export function communityConfigSpecialPage(c: Services<(typeof communityConfigPageServices)[number]>): SpecialPage {
  const title = () => {
    const t = parseTitle(`Special:CommunityConfiguration/${PROVIDER}`, c.namespaces);
    if (!t.ok) throw new Error('bad title');
    return t.value;
  };

  const requireEditor = (res: Response, req: Request) => {
    const { user } = ctx(res);
    if (!user) {
      res.redirect(303, `/wiki/Special:UserLogin?returnto=${encodeURIComponent(`Special:CommunityConfiguration/${PROVIDER}`)}&returntoquery=${encodeURIComponent(req.originalUrl.split('?')[1] ?? '')}`);
      return null;
    }
    if (!c.communityConfigEditor.canEdit(user)) throw new AppError(403, 'communityconfig-error-permission');
    return user;
  };

  async function show(res: Response, state: EditorState) {
    const { t, lang } = ctx(res);
    const offered = c.settings.ReportIncidentEnabledNonEmergencyCategories as readonly string[];
    const sections = presentForm(state.config, state.mode === 'form' ? state.issues : [], c.namespaces).map((section) => ({
      ...section,
      // A category the wiki does not offer is folded away: its links are kept, but nobody reaches its page.
      offered: !section.id.startsWith('category-') || offered.includes(section.id.slice('category-'.length)),
    }));
    // In the form, an error names the field as its label does (and its section), the JSON pointer after it.
    const labels = new Map(sections.flatMap((s) => s.fields.map((f) => [f.id, s.id.startsWith('category-') ? `${t(s.headingKey)}: ${t(f.labelKey)}` : t(f.labelKey)] as const)));
    const errors: FieldError[] = state.issues.map((i) => {
      const fieldId = state.mode === 'json' ? 'cc-json' : fieldIdOfPointer(i.pointer);
      const label = state.mode === 'form' ? labels.get(fieldId) : undefined;
      if (label) return { field: fieldId, messageKey: 'communityconfig-error-field', params: { label, message: t(i.messageKey, i.params), pointer: i.pointer || '/' } };
      // A syntax error is found at a line and column (its pointer says only how far the reader got).
      const at = state.mode === 'json' && typeof i.params.line === 'number' && typeof i.params.column === 'number' ? { line: i.params.line, column: i.params.column } : undefined;
      const where = at ? t('communityconfig-json-where', at) : i.pointer || '/';
      return { field: fieldId, messageKey: 'communityconfig-error-at', params: { where, message: t(i.messageKey, i.params) }, ...(at ? { at } : {}) };
    });
    // The preview reads the configuration as the wiki would: invalid fields fall back to their defaults.
    const candidate = c.communityConfig.readLeniently(JSON.stringify(state.config), 0);
    const previews = state.preview
      ? c.settings.ReportIncidentEnabledNonEmergencyCategories.concat(behaviorTypes.filter((b) => !c.settings.ReportIncidentEnabledNonEmergencyCategories.includes(b))).map((type) => ({
          type,
          support: presentSupportPage(type, candidate, { namespaces: c.namespaces, directReporting: c.settings.ReportIncidentEnableDirectReporting, t }),
          enabled: c.settings.ReportIncidentEnabledNonEmergencyCategories.includes(type),
        }))
      : [];
    const history = (await c.communityConfigEditor.history(20)).map((r, i) => ({
      id: r.id,
      // The newest is the configuration in force: there is nothing to restore.
      current: i === 0,
      restoreHref: `${BASE}?restore=${r.id}#cc-restore`,
      href: permanentLink(c.communityConfigEditor.title, r.id),
      diffHref: r.parentId ? indexPhp(c.communityConfigEditor.title, { diff: r.id, oldid: r.parentId }) : null,
      author: authorView(r.actorName),
      summary: r.summary,
      ...timestampParts(r.createdAt, lang),
    }));
    const restoring = state.restoreRevId !== undefined ? await c.communityConfigEditor.revision(state.restoreRevId) : null;
    const restore = restoring?.content
      ? {
          id: restoring.id,
          author: authorView(restoring.actorName),
          ...timestampParts(restoring.createdAt, lang),
          lines: withContext(lineDiff((await c.communityConfigEditor.currentJson()).json, restoring.content), 3),
        }
      : null;
    const resources = ((state.config.ReportIncident_CrisisResources as unknown[]) ?? []).length;
    return renderPage(res, {
      view: 'communityconfig/editor',
      status: state.status,
      model: {
        base: BASE,
        mode: state.mode,
        sections,
        resourceRows: resources + EMPTY_RESOURCE_ROWS,
        templateRows: ((state.config.ReportIncident_ReplyTemplates as unknown[]) ?? []).length + EMPTY_TEMPLATE_ROWS,
        json: state.json,
        jsonPosition: state.jsonPosition ? { ...state.jsonPosition, excerpt: excerptAt(state.json, state.jsonPosition) } : null,
        summary: state.summary,
        baseRevId: state.baseRevId ?? '',
        errors,
        previews,
        saved: state.saved,
        history,
        restore,
        token: formToken(c, res),
        pageHref: c.communityConfigEditor.title.path,
        historyHref: indexPhp(c.communityConfigEditor.title, { action: 'history' }),
      },
      chrome: await presentChrome(c, res, { title: title(), heading: t('communityconfig-title'), action: 'special' }),
    });
  }

  async function initialState(mode: 'form' | 'json', saved: boolean): Promise<EditorState> {
    const { json, revId } = await c.communityConfigEditor.currentJson();
    const config = await c.communityConfigEditor.current();
    return { mode, config: config as unknown as Record<string, unknown>, json, summary: '', baseRevId: revId, issues: [], preview: false, saved, status: 200 };
  }

  return {
    name: 'CommunityConfiguration',
    titleKey: 'communityconfig-title',
    listed: (res) => c.communityConfigEditor.canEdit(ctx(res).user),
    async get(req, res, subpage) {
      if (!subpage) {
        res.redirect(302, BASE);
        return;
      }
      if (subpage !== PROVIDER) throw new AppError(404, 'communityconfig-error-no-such-provider', { name: subpage });
      if (!requireEditor(res, req)) return;
      const restoreText = param(req.query, 'restore') ?? '';
      const state = await initialState(param(req.query, 'mode') === 'json' ? 'json' : 'form', param(req.query, 'saved') === '1');
      if (restoreText === '') return show(res, state);
      const revId = /^\d{1,15}$/.test(restoreText) ? Number(restoreText) : null;
      if (revId === null || !await c.communityConfigEditor.revision(revId)) {
        return show(res, { ...state, issues: [{ pointer: '', messageKey: 'communityconfig-error-no-such-revision', params: { revId: restoreText } }], status: 404 });
      }
      return show(res, { ...state, restoreRevId: revId });
    },
    async post(req, res, subpage) {
      if (subpage !== PROVIDER) throw new AppError(404, 'communityconfig-error-no-such-provider', { name: subpage ?? '' });
      const user = requireEditor(res, req);
      if (!user) return;
      const mode = field(req, 'mode') === 'json' ? 'json' : 'form';
      const action = field(req, 'wpAction') ?? 'save';
      const summary = field(req, 'wpSummary') ?? '';
      const baseText = field(req, 'baseRevId') ?? '';
      const baseRevId = /^\d+$/.test(baseText) ? Number(baseText) : null;
      if (!hasValidToken(c, req, res)) {
        // Nothing is saved, but what was typed is shown again to be sent once more.
        const state = await initialState(mode, false);
        const typedConfig = mode === 'form' ? configFromForm(req.body as Record<string, unknown>, await c.communityConfigEditor.current()) : state.config;
        const typedJson = mode === 'json' ? (field(req, 'wpJson') ?? state.json) : state.json;
        return show(res, { ...state, config: typedConfig, json: typedJson, summary, issues: [{ pointer: '', messageKey: 'session-failure', params: {} }], status: 400 });
      }
      // In the editor, a save or a restore that changes nothing would only add an empty version to the history (an
      // operator's config:import of the same file is a deliberate revision and is not refused).
      const currentText = (await c.communityConfigEditor.currentJson()).json;
      const nothingChanged = (text: string) => text === currentText;
      const noChange: ConfigIssue = { pointer: '', messageKey: 'communityconfig-error-no-change', params: {} };
      if (action === 'restore') {
        const revText = field(req, 'revId') ?? '';
        const asked = /^\d+$/.test(revText) ? await c.communityConfigEditor.revision(Number(revText)) : null;
        if (asked?.content && nothingChanged(asked.content)) return show(res, { ...(await initialState(mode, false)), issues: [noChange], status: 422 });
        const restored = /^\d+$/.test(revText) ? await c.communityConfigEditor.restore(user, Number(revText), summary || ctx(res).t('communityconfig-restore-summary', { revId: revText })) : null;
        if (restored?.ok) {
          res.redirect(303, `${BASE}?saved=1`);
          return;
        }
        return show(res, { ...(await initialState(mode, false)), issues: restored && !restored.ok ? restored.issues : [{ pointer: '', messageKey: 'communityconfig-error-no-such-revision', params: { revId: revText } }], status: 422 });
      }
      let config: Record<string, unknown>;
      let json: string;
      let checked: Awaited<ReturnType<typeof c.communityConfigEditor.parseAndValidate>>;
      if (mode === 'json') {
        json = field(req, 'wpJson') ?? '';
        checked = await c.communityConfigEditor.parseAndValidate(json);
        config = checked.ok ? (checked.config as unknown as Record<string, unknown>) : ((await c.communityConfigEditor.current()) as unknown as Record<string, unknown>);
      } else {
        config = configFromForm(req.body as Record<string, unknown>, await c.communityConfigEditor.current());
        json = serialise(config as unknown as CommunityConfig);
        checked = await c.communityConfigEditor.validate(config);
      }
      const state: EditorState = {
        mode,
        config,
        json,
        summary,
        baseRevId,
        issues: checked.ok ? [] : checked.issues,
        preview: action === 'preview',
        saved: false,
        jsonPosition: !checked.ok && checked.line ? { line: checked.line, column: checked.column ?? 1 } : undefined,
        status: checked.ok ? 200 : 422,
      };
      if (action === 'preview' || !checked.ok) return show(res, state);
      if (nothingChanged(serialise(checked.config))) return show(res, { ...state, issues: [noChange], status: 422 });
      const saved = await c.communityConfigEditor.save(user, checked.config, summary, baseRevId);
      if (!saved.ok) return show(res, { ...state, issues: [{ pointer: '', messageKey: saved.messageKey, params: saved.params ?? {} }], status: saved.status ?? 422 });
      res.redirect(303, `${BASE}?saved=1${mode === 'json' ? '&mode=json' : ''}`);
    },
  };
}

/** The line of a syntax error and the one before, cut to about 60 characters, split at the column so the view can mark it. */
export function excerptAt(text: string, at: { line: number; column: number }): { previous: string | null; before: string; at: string; after: string } {
  const lines = text.split('\n');
  const cut = (l: string | undefined) => (l ?? '').replace(/\r$/, '');
  const line = cut(lines[at.line - 1]);
  // The line before too: a missing or extra comma is often at its end.
  const previousLine = at.line > 1 ? cut(lines[at.line - 2]) : null;
  const previous = previousLine === null ? null : previousLine.length > 60 ? '…' + previousLine.slice(-60) : previousLine;
  const column = Math.min(Math.max(at.column - 1, 0), line.length);
  const start = Math.max(0, column - 40);
  const end = Math.min(line.length, column + 20);
  return {
    previous,
    before: (start > 0 ? '…' : '') + line.slice(start, column),
    at: line.slice(column, column + 1),
    after: line.slice(column + 1, end) + (end < line.length ? '…' : ''),
  };
}
