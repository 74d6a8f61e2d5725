/** Special:ReportIncidentStatistics, for Trust & Safety and interface-admins: counts only, never who. */
import type { UserAccount } from '../accounts/UserAccount.js';
import type { Services } from '../container.js';
import { chromeServices, presentChrome } from '../http/chromePresenter.js';
import { ctx, param } from '../http/context.js';
import { renderPage } from '../http/render.js';
import { AppError } from '../shared/AppError.js';
import type { SpecialPage } from '../wiki/SpecialPage.js';
import { parseTitle } from '../wiki/Title.js';
import { presentStatistics } from './statisticsPresenter.js';

const READERS = ['trust-and-safety', 'interface-admin'];
const canRead = (user: UserAccount | null) => user !== null && user.groups.some((g) => READERS.includes(g));

export const statisticsPageServices = [...chromeServices, 'statistics'] as const;

export function statisticsSpecialPage(c: Services<(typeof statisticsPageServices)[number]>): SpecialPage {
  return {
    name: 'ReportIncidentStatistics',
    titleKey: 'statistics-title',
    listed: (res) => canRead(ctx(res).user),
    async get(req, res) {
      const { user, t, lang } = ctx(res);
      if (!user) {
        res.redirect(303, '/wiki/Special:UserLogin?returnto=Special:ReportIncidentStatistics');
        return;
      }
      if (!canRead(user)) throw new AppError(403, 'statistics-forbidden');
      const daysParam = param(req.query, 'days');
      const days = daysParam && /^\d{1,3}$/.test(daysParam) ? Math.min(365, Math.max(7, Number(daysParam))) : 30;
      const title = parseTitle('Special:ReportIncidentStatistics', c.namespaces);
      return renderPage(res, {
        view: 'statistics/statistics',
        model: { stats: presentStatistics(await c.statistics.overview(days), t, lang), days },
        chrome: await presentChrome(c, res, { title: title.ok ? title.value : null, heading: t('statistics-title'), action: 'special' }),
      });
    },
  };
}
