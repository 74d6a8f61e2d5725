/** Renders a view inside the skin's layout; every page of the wiki goes through here. */
import type { Response } from 'express';
import { bdi, LinkTarget, SafeHtml } from '../shared/SafeHtml.js';
import { ctx } from './context.js';
import type { Chrome } from './chromePresenter.js';

export interface PageView {
  /** The view file under views/, without .ejs. */
  view: string;
  /** The view's own model. */
  model: Record<string, unknown>;
  chrome: Chrome;
  status?: number;
}

export function renderToString(res: Response, view: string, locals: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => res.app.render(view, locals, (e, html) => (e ? reject(e) : resolve(html))));
}

/** The whole page as HTML: the view inside the layout. */
export async function renderPageHtml(res: Response, page: PageView): Promise<string> {
  const c = ctx(res);
  const shared = { t: c.t, tHtml: c.tHtml, bdi, linkTarget: (href: string, ping?: string) => new LinkTarget(href, ping ?? null), lang: c.lang, link: c.link, dir: c.dir, chrome: page.chrome, assets: res.app.locals.assets as Record<string, string> };
  const body = await renderToString(res, page.view, { ...shared, ...page.model });
  return renderToString(res, 'layout', { ...shared, body: new SafeHtml(body) });
}

export async function renderPage(res: Response, page: PageView): Promise<void> {
  const html = await renderPageHtml(res, page);
  res.status(page.status ?? 200).type('html').send(html);
}
