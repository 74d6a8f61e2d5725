/** createApp(container): the Express app with every route and middleware, without listening (tests import this). */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { accountPageServices, accountSpecialPages } from './accounts/accountSpecialPages.js';
import { apiRoutes, apiServices } from './api/apiRoutes.js';
import { statisticsPageServices, statisticsSpecialPage } from './statistics/statisticsSpecialPage.js';
import { communityConfigPageServices, communityConfigSpecialPage } from './communityConfig/communityConfigSpecialPage.js';
import { devMailboxPageServices, devMailboxSpecialPage } from './delivery/devMailboxSpecialPage.js';
import { type Container, servicesOf } from './container.js';
import { errorHandler, errorServices, notFoundHandler } from './http/errorHandler.js';
import { Lifecycle } from './http/lifecycle.js';
import { requestContext, requestContextServices } from './http/requestContext.js';
import { reportRestRoutes, reportRestServices } from './reporting/reportRestRoutes.js';
import { caseRestRoutes, caseRestServices } from './cases/caseRestRoutes.js';
import { caseSpecialPageServices, caseSpecialPages } from './cases/caseSpecialPages.js';
import { reportSpecialPage, reportSpecialPageServices } from './reporting/reportSpecialPage.js';
import type { SpecialPage } from './wiki/SpecialPage.js';
import { wikiRouteServices, wikiRoutes } from './wiki/wikiRoutes.js';
import { wikiSpecialPageServices, wikiSpecialPages } from './wiki/wikiSpecialPages.js';

/** Request bodies larger than this are refused with 413 (forms, API and REST alike). */
export const BODY_LIMIT = '64kb';

/** Static files get a content hash in their URL, so they can be cached for a year and still change on deploy. */
function assetUrls(staticDir: string): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const f of readdirSync(staticDir)) {
    const hash = createHash('sha256').update(readFileSync(path.join(staticDir, f))).digest('hex').slice(0, 10);
    urls[f] = `/static/${f}?v=${hash}`;
  }
  return urls;
}

export function createApp(c: Container, lifecycle: Lifecycle = new Lifecycle()): express.Express {
  const app = express();
  app.use(lifecycle.track);
  const staticDir = path.join(c.paths.views, 'static');
  app.set('views', c.paths.views);
  app.set('view engine', 'ejs');
  // Compiled templates are kept in production; in development an edited view shows at once.
  app.set('view cache', c.settings.runtime.production);
  app.set('x-powered-by', false);
  app.set('query parser', 'simple');
  // Pages and API answers are never stored (Cache-Control: no-store), so hashing each body for an ETag is wasted;
  // static files keep theirs (express.static makes its own).
  app.set('etag', false);
  app.locals.assets = assetUrls(staticDir);

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'same-origin' },
    }),
  );

  app.get('/healthz', (_req, res) => {
    // A stopping wiki says so, so that a load balancer sends nothing more.
    if (lifecycle.draining) res.status(503);
    res.type('text').send(lifecycle.draining ? 'stopping' : 'ok');
  });
  app.use('/static', express.static(staticDir, { etag: true, maxAge: '365d', immutable: true, index: false, fallthrough: false }));
  app.get('/favicon.ico', (_req, res) => res.redirect(301, app.locals.assets['logo.svg'] ?? '/static/logo.svg'));

  app.use((_req, res, next) => {
    // (#16) Pages, API and REST answers and every error page (the body parsers' 400/413/415 too, which carry the
    // user's name and token) may hold private details: never stored by any cache.
    res.setHeader('Cache-Control', 'private, no-cache, no-store');
    next();
  });
  // Each module is handed the members of the container it names, and nothing else.
  app.use(requestContext(servicesOf(c, requestContextServices)));
  app.use(lifecycle.refuseWhileStopping);
  // The REST endpoint reads its own body, after its feature flag and eligibility checks.
  app.use(reportRestRoutes(servicesOf(c, reportRestServices)));
  app.use(caseRestRoutes(servicesOf(c, caseRestServices)));
  // The configuration editor posts a 64 KiB document, percent-encoded, or a form of some 300 fields.
  app.use('/wiki/Special:CommunityConfiguration', express.urlencoded({ extended: false, limit: '256kb', parameterLimit: 1000 }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 200 }));
  app.use(express.json({ limit: BODY_LIMIT }));

  const specialPages: SpecialPage[] = [];
  specialPages.push(
    ...accountSpecialPages(servicesOf(c, accountPageServices)),
    ...wikiSpecialPages(servicesOf(c, wikiSpecialPageServices), () => specialPages),
    reportSpecialPage(servicesOf(c, reportSpecialPageServices)),
    devMailboxSpecialPage(servicesOf(c, devMailboxPageServices)),
    communityConfigSpecialPage(servicesOf(c, communityConfigPageServices)),
    statisticsSpecialPage(servicesOf(c, statisticsPageServices)),
    ...caseSpecialPages(servicesOf(c, caseSpecialPageServices)),
  );

  app.use(apiRoutes(servicesOf(c, apiServices)));
  app.use(wikiRoutes(servicesOf(c, wikiRouteServices), specialPages));
  const errors = servicesOf(c, errorServices);
  app.use(notFoundHandler(errors));
  app.use(errorHandler(errors));
  return app;
}
